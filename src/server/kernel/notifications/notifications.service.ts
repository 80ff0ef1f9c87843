import type { AuthedContext } from '../../http/context.ts';
import { notFound } from '../../http/app-error.ts';
import { auditedChange, type UnitOfWork } from '../audit/audit-writer.ts';
import { chinaToday } from '../dates.ts';
import type { NotificationListQuery } from '../../../common/api/notifications.ts';
import {
  insertNotifications,
  listNotifications,
  markAllRead,
  markRead,
  pairingOfficesOverseeing,
  type NotificationInsert,
} from './notifications.repository.ts';
import { enqueueNoticeMails } from './notice-mail.repository.ts';

/** A notice as a module words it: to whom, what kind, about what, with the facts its text needs. */
export type Notice = Omit<NotificationInsert, 'id' | 'day' | 'createdAt'> & { day?: string };

/**
 * Notifies inside the caller's unit of work, so the notice commits with the change it tells of (a report
 * returned and its notice, or neither). Returns how many were new (a repeat for the same day is skipped).
 */
export async function notify({ tx }: Pick<UnitOfWork, 'tx'>, notices: Notice[]): Promise<number> {
  const today = chinaToday();
  const inserted = await insertNotifications(
    tx,
    notices.map((n) => ({ ...n, day: n.day ?? today })),
  );
  // Those of the organisation who take each notice by e-mail get it from the job queue, after this commits.
  for (let i = 0; i < inserted.length; i += 1000)
    await enqueueNoticeMails(
      tx,
      inserted.slice(i, i + 1000).map((n) => n.id),
    );
  return inserted.length;
}

/** Notifies the pairing offices overseeing a pairing (the reviewers of its reports), the same notice to each. */
export async function notifyPairingOffices(
  work: Pick<UnitOfWork, 'tx'>,
  pairingId: string,
  notice: Omit<Notice, 'organisationId'>,
): Promise<number> {
  const offices = await pairingOfficesOverseeing(work.tx, pairingId);
  return notify(
    work,
    offices.map((organisationId) => ({ ...notice, organisationId })),
  );
}

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
