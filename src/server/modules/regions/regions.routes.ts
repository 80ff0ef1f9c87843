import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  regionListQuery,
  regionListResponse,
  regionDetailResponse,
  regionCodeParams,
} from '../../../common/api/regions.ts';
import { notFound } from '../../http/app-error.ts';
import { listRegions, findRegion, childRegions, regionPath } from './regions.repository.ts';
import { presentRegion } from './regions.presenter.ts';

/** Regions are public reference data (GB/T 2260), readable by every signed-in user. */
export function registerRegionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/regions',
    {
      config: { access: 'region.read' },
      schema: { tags: ['regions'], querystring: regionListQuery, response: { 200: regionListResponse } },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { items, total } = await listRegions(req.ctx.db, filter, page, pageSize);
      return { items: items.map(presentRegion), total, page, pageSize };
    },
  );
  r.get(
    '/api/regions/:code',
    {
      config: { access: 'region.read' },
      schema: { tags: ['regions'], params: regionCodeParams, response: { 200: regionDetailResponse } },
    },
    async (req) => {
      const region = await findRegion(req.ctx.db, req.params.code);
      if (!region) throw notFound();
      const [children, path] = await Promise.all([
        childRegions(req.ctx.db, region.code),
        regionPath(req.ctx.db, region.code),
      ]);
      return {
        ...presentRegion(region),
        path: path.map((p) => ({ code: p.code, name: p.name, level: p.level as never })),
        children: children.filter((c) => c.level !== 'zone').map(presentRegion),
        zones: children.filter((c) => c.level === 'zone').map(presentRegion),
      };
    },
  );
}
