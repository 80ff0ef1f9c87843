import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, okResponse } from '../../../common/api/common.ts';
import { notificationListQuery, notificationListResponse } from '../../../common/api/reporting.ts';
import type { AuthedContext } from '../../http/context.ts';
import { listNotifications } from './notifications.repository.ts';
import { readAllNotifications, readNotification } from './notifications.service.ts';
import { presentNotification } from './reporting.presenter.ts';

/** Notices are addressed to the user's own organisation, so any signed-in user reads their own and no one else's. */
export function registerNotificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        querystring: notificationListQuery,
        response: { 200: notificationListResponse },
      },
    },
    async (req) => {
      const { items, total, unread } = await listNotifications(req.ctx.db, req.actor!, req.query);
      return {
        items: items.map(presentNotification),
        total,
        unread,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
  r.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], params: idParams, response: { 200: okResponse } },
    },
    async (req) => {
      await readNotification(req.ctx as AuthedContext, req.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], response: { 200: z.object({ count: z.number().int() }) } },
    },
    async (req) => ({
      count: await readAllNotifications(req.ctx as AuthedContext),
    }),
  );
}
