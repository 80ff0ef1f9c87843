import type { FastifyInstance } from 'fastify';
import {
  regionCodeParams,
  regionDetailResponse,
  regionListQuery,
  regionListResponse,
} from '../../../common/api/regions.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentRegion, presentRegionDetail } from './regions.presenter.ts';
import { regionDetail, regionPage } from './regions.service.ts';

/**
 * Regions are public reference data (GB/T 2260): their list (a search by name or code) is readable before sign-in,
 * as the self-registration form chooses its region from it; a region's detail stays for signed-in users.
 */
export function registerRegionRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'regions');
  r.get(
    '/api/regions',
    { access: 'public', query: regionListQuery, response: regionListResponse },
    async ({ ctx, query }) => {
      const page = await regionPage(ctx, query);
      return { ...page, items: page.items.map(presentRegion) };
    },
  );
  r.get(
    '/api/regions/:code',
    { access: 'region.read', params: regionCodeParams, response: regionDetailResponse },
    async ({ ctx, params }) => presentRegionDetail(await regionDetail(ctx, params.code)),
  );
}
