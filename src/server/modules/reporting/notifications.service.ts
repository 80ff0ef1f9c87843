import type { AuthedContext } from '../../http/context.ts';
import { notFound } from '../../http/app-error.ts';
import { writeAudit } from '../../kernel/audit/audit-writer.ts';
import { markAllRead, markRead } from './notifications.repository.ts';

/** A user marks a notice of their organisation read; another organisation's notice is not found. */
export async function readNotification(ctx: AuthedContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    if (!(await markRead(tx, ctx.actor, id))) throw notFound();
    await writeAudit(tx, ctx, {
      action: 'notification.read',
      result: 'success',
      objectType: 'notification',
      objectId: id,
    });
  });
}

export async function readAllNotifications(ctx: AuthedContext): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const count = await markAllRead(tx, ctx.actor);
    if (count)
      await writeAudit(tx, ctx, {
        action: 'notification.read_all',
        result: 'success',
        objectType: 'notification',
        details: { count },
      });
    return count;
  });
}
