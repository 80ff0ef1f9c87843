import type { FastifyInstance } from 'fastify';
import { idParams, okResponse } from '../../../common/api/common.ts';
import type { PublishedFigureTopic } from '../../../common/api/enums.ts';
import {
  publishedFigure,
  publishedFigureInput,
  publishedFigureList,
  publishedFigureQuery,
} from '../../../common/api/published-figures.ts';
import type { Permission } from '../../../common/access/permissions.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentPublishedFigure } from './published-figures.presenter.ts';
import {
  publishedFigureById,
  publishedFigureList as loadList,
  recordPublishedFigure,
  removePublishedFigure,
  reviseFigure,
} from './published-figures.service.ts';

export interface PublishedFigureRoutes {
  topic: PublishedFigureTopic;
  /** Where the topic's figures live: GET and POST `<base>`, PUT and DELETE `<base>/:id`. */
  base: string;
  tag: string;
  read: Permission;
  manage: Permission;
}

/** The routes of one topic's published figures, declared by the module that shows them (replication, people…). */
export function publishedFigureRoutes(app: FastifyInstance, spec: PublishedFigureRoutes) {
  const r = moduleRoutes(app, spec.tag);
  r.get(
    spec.base,
    { access: spec.read, query: publishedFigureQuery, response: publishedFigureList, cacheable: true },
    async ({ ctx, query }) => ({ items: (await loadList(ctx, spec.topic, query)).map(presentPublishedFigure) }),
  );
  r.post(
    spec.base,
    { access: spec.manage, body: publishedFigureInput, response: publishedFigure, status: 201 },
    async ({ ctx, body }) => {
      const id = await recordPublishedFigure(ctx, spec.topic, body);
      return presentPublishedFigure(await publishedFigureById(ctx, spec.topic, id));
    },
  );
  r.put(
    `${spec.base}/:id`,
    { access: spec.manage, params: idParams, body: publishedFigureInput, response: publishedFigure },
    async ({ ctx, params, body }) => {
      await reviseFigure(ctx, spec.topic, params.id, body);
      return presentPublishedFigure(await publishedFigureById(ctx, spec.topic, params.id));
    },
  );
  r.delete(
    `${spec.base}/:id`,
    { access: spec.manage, params: idParams, response: okResponse },
    async ({ ctx, params }) => {
      await removePublishedFigure(ctx, spec.topic, params.id);
      return { ok: true as const };
    },
  );
}
