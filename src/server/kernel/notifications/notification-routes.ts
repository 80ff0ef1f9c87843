import type { FastifyInstance } from 'fastify';
import { idParams, okResponse } from '../../../common/api/common.ts';
import { notificationListQuery, notificationListResponse, readAllResponse } from '../../../common/api/notifications.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentNotification } from './notifications.presenter.ts';
import { notificationPage, readAllNotifications, readNotification } from './notifications.service.ts';

/** Notices are addressed to the user's own organisation, so any signed-in user reads their own and no one else's. */
export function registerNotificationRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'notifications');
  r.get(
    '/api/notifications',
    { access: 'authenticated', query: notificationListQuery, response: notificationListResponse },
    async ({ ctx, query }) => {
      const page = await notificationPage(ctx, query);
      return { ...page, items: page.items.map(presentNotification) };
    },
  );
  r.post(
    '/api/notifications/:id/read',
    { access: 'authenticated', params: idParams, response: okResponse },
    async ({ ctx, params }) => {
      await readNotification(ctx, params.id);
      return { ok: true as const };
    },
  );
  r.post('/api/notifications/read-all', { access: 'authenticated', response: readAllResponse }, async ({ ctx }) => ({
    count: await readAllNotifications(ctx),
  }));
}
