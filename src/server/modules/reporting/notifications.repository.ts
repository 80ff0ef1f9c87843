import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { notifications, notificationReads, reportingCycles, reportSlots } from './reporting.tables.ts';
import { UNREPORTED_STATES } from './report-rules.ts';

export type NotificationInsert = typeof notifications.$inferInsert;

/** Inserts notices; one for a slot, kind and day that exists already is skipped (the unique index decides, even under a race). */
export async function insertNotifications(db: DbOrTx, rows: NotificationInsert[]) {
  if (!rows.length) return [];
  return db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.slotId, notifications.kind, notifications.day] })
    .returning({ id: notifications.id });
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

/**
 * The open cycles' slots of units with an organisation that still owe their report and may need reminding today:
 * from the cycle's reminder window on, leaving out those already reminded today (the kind is the one the caller
 * chooses: overdue once past the due date), so a run with nothing new reads nothing to write.
 */
export async function reminderCandidates(db: DbOrTx, today: string) {
  return db
    .select({
      slotId: reportSlots.id,
      cycleId: reportSlots.cycleId,
      organisationId: reportSlots.organisationId,
      taskCode: tasks.code,
      taskTitle: tasks.title,
      periodLabel: reportingCycles.periodLabel,
      frequency: reportingCycles.frequency,
      year: reportingCycles.year,
      period: reportingCycles.period,
      dueOn: reportingCycles.dueOn,
      reminderDays: reportingCycles.reminderDays,
    })
    .from(reportSlots)
    .innerJoin(reportingCycles, eq(reportingCycles.id, reportSlots.cycleId))
    .innerJoin(tasks, eq(tasks.id, reportSlots.taskId))
    .where(
      and(
        eq(reportingCycles.status, 'open'),
        inArray(reportSlots.state, [...UNREPORTED_STATES]),
        isNotNull(reportSlots.organisationId),
        // A cheap bound in SQL; the caller's inReminderWindow/daysOverdue decide which reminder, if any.
        sql`${reportingCycles.dueOn} - ${reportingCycles.reminderDays} <= ${today}::date`,
        sql`NOT EXISTS (SELECT 1 FROM ${notifications} WHERE ${notifications.slotId} = ${reportSlots.id} AND ${notifications.day} = ${today}::date
        AND ${notifications.kind} = CASE WHEN ${reportingCycles.dueOn} < ${today}::date THEN 'overdue' ELSE 'due_soon' END)`,
      ),
    );
}
