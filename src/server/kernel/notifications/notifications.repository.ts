import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { notifications, notificationReads } from './notifications.tables.ts';

export type NotificationInsert = typeof notifications.$inferInsert;

/**
 * Inserts notices; one for a report (or other record), organisation, kind and day that exists already is skipped
 * (the unique indexes decide, even under a race).
 */
export async function insertNotifications(db: DbOrTx, rows: NotificationInsert[]) {
  const made: { id: string }[] = [];
  // In batches: one statement of tens of thousands of rows (the first reminder run over 30,000 overdue items)
  // overflows the query builder's stack.
  for (let i = 0; i < rows.length; i += 1000)
    made.push(
      ...(await db
        .insert(notifications)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ id: notifications.id })),
    );
  return made;
}

/**
 * The active pairing offices that oversee a pairing: those of a region on one side of it or of a pairing above it
 * (a provincial office oversees its cities' sub-pairs), the same rule as the pairing scope (pairing-scope.repository.ts).
 */
export async function pairingOfficesOverseeing(db: DbOrTx, pairingId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE up AS (
      SELECT p.id, p.parent_id FROM pairings p WHERE p.id = ${pairingId}
      UNION
      SELECT p.id, p.parent_id FROM pairings p JOIN up ON p.id = up.parent_id
    )
    SELECT DISTINCT o.id FROM organisations o
    JOIN pairing_side_regions s ON s.region_code = o.region_code
    JOIN up ON up.id = s.pairing_id
    WHERE o.kind = 'pairing_office' AND o.active`);
  return result.rows.map((r) => r.id);
}

/** Notices to the actor's organisation, newest first, each with whether this user has read it. */
export async function listNotifications(
  db: DbOrTx,
  actor: Actor,
  q: { unread?: boolean; page: number; pageSize: number },
) {
  const read = and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, actor.userId));
  const mine = eq(notifications.organisationId, actor.organisationId);
  const where = and(mine, q.unread ? isNull(notificationReads.userId) : undefined);
  const unreadOnly = sql`${notificationReads.userId} IS NULL`;
  const [items, [counts]] = await Promise.all([
    db
      .select({ n: notifications, readAt: notificationReads.readAt })
      .from(notifications)
      .leftJoin(notificationReads, read)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    // Both counts in one pass over the organisation's notices: those listed, and those this user has not read.
    db
      .select({
        total: q.unread ? sql<number>`count(*) FILTER (WHERE ${unreadOnly})`.mapWith(Number) : count(),
        unread: sql<number>`count(*) FILTER (WHERE ${unreadOnly})`.mapWith(Number),
      })
      .from(notifications)
      .leftJoin(notificationReads, read)
      .where(mine),
  ]);
  return { items, total: counts?.total ?? 0, unread: counts?.unread ?? 0 };
}

/** Marks one notice of the actor's organisation read for this user; false when there is no such notice. */
export async function markRead(db: DbOrTx, actor: Actor, id: string): Promise<boolean> {
  const [n] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.organisationId, actor.organisationId)));
  if (!n) return false;
  await db.insert(notificationReads).values({ notificationId: id, userId: actor.userId }).onConflictDoNothing();
  return true;
}

/** Marks every unread notice of the actor's organisation read for this user; returns how many. */
export async function markAllRead(db: DbOrTx, actor: Actor): Promise<number> {
  const result = await db.execute(sql`
    INSERT INTO ${notificationReads} (notification_id, user_id)
    SELECT n.id, ${actor.userId}::uuid FROM ${notifications} n WHERE n.organisation_id = ${actor.organisationId}
    ON CONFLICT DO NOTHING`);
  return result.rowCount ?? 0;
}
