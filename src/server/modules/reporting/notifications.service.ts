import type { AuthedContext } from '../../http/context.ts';
import { notFound } from '../../http/app-error.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import type { NotificationListQuery } from '../../../common/api/reporting.ts';
import { listNotifications, markAllRead, markRead } from './notifications.repository.ts';

export async function notificationPage(ctx: AuthedContext, query: NotificationListQuery) {
  const { items, total, unread } = await listNotifications(ctx.db, ctx.actor, query);
  return { items, total, unread, page: query.page, pageSize: query.pageSize };
}

/** A user marks a notice of their organisation read; another organisation's notice is not found. */
export async function readNotification(ctx: AuthedContext, id: string) {
  await auditedChange(ctx, async ({ tx, audit }) => {
    if (!(await markRead(tx, ctx.actor, id))) throw notFound();
    audit({ action: 'notification.read', result: 'success', objectType: 'notification', objectId: id });
  });
}

export async function readAllNotifications(ctx: AuthedContext): Promise<number> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const count = await markAllRead(tx, ctx.actor);
    if (count)
      audit({ action: 'notification.read_all', result: 'success', objectType: 'notification', details: { count } });
    return count;
  });
}
