import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { pairingCondition, rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import type { CycleListQuery } from '../../../common/api/reporting.ts';
import type { SlotState } from '../../../common/api/reporting.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { seesOnlyOwnTasks } from '../tasks/tasks.policy.ts';
import { reportingCycles, reportingCycleEvents, reportSlots } from './reporting.tables.ts';

/** Cycles of the actor's pairings (both sides of a pairing see the same cycles); another pairing's are not found. */
export const cycleScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, reportingCycles.pairingId);

/** A cycle's row as the pages show it, with its pairing's name (the query joins pairings). */
export const cycleColumns = {
  id: reportingCycles.id,
  pairingId: reportingCycles.pairingId,
  pairingName: pairings.name,
  frequency: reportingCycles.frequency,
  year: reportingCycles.year,
  period: reportingCycles.period,
  periodLabel: reportingCycles.periodLabel,
  periodStart: reportingCycles.periodStart,
  periodEnd: reportingCycles.periodEnd,
  dueOn: reportingCycles.dueOn,
  reminderDays: reportingCycles.reminderDays,
  status: reportingCycles.status,
  lockedAt: reportingCycles.lockedAt,
  version: reportingCycles.version,
  createdAt: reportingCycles.createdAt,
};
export type CycleRow = {
  id: string;
  pairingId: string;
  pairingName: string;
  frequency: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
  year: number;
  period: number;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  reminderDays: number;
  status: 'open' | 'locked';
  lockedAt: Date | null;
  version: number;
  createdAt: Date;
};

export async function listCycles(db: DbOrTx, actor: Actor, q: CycleListQuery) {
  const where = and(
    cycleScope(actor),
    pairingCondition(reportingCycles.pairingId, q.pairingId, q.withSubPairs),
    q.status ? eq(reportingCycles.status, q.status) : undefined,
    q.frequency ? eq(reportingCycles.frequency, q.frequency) : undefined,
    q.year ? eq(reportingCycles.year, q.year) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(cycleColumns)
      .from(reportingCycles)
      .innerJoin(pairings, eq(pairings.id, reportingCycles.pairingId))
      .where(where)
      .orderBy(desc(reportingCycles.periodStart), asc(pairings.name), asc(reportingCycles.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(reportingCycles).where(where),
  ]);
  return { items: await withSlotCounts(db, actor, items as CycleRow[]), total: total?.n ?? 0 };
}

export async function findCycle(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CycleRow | undefined> {
  const query = db
    .select(cycleColumns)
    .from(reportingCycles)
    .innerJoin(pairings, eq(pairings.id, reportingCycles.pairingId))
    .where(and(eq(reportingCycles.id, id), cycleScope(actor)));
  // Approving, unlocking and reporting on a cycle serialise on its row, so a report cannot slip in as the period locks.
  const [row] = opts.forUpdate ? await query.for('update', { of: reportingCycles }) : await query;
  return row as CycleRow | undefined;
}

/** A cycle with its slot counts and its history, in three queries; undefined when out of scope. */
export async function findCycleDetail(db: DbOrTx, actor: Actor, id: string) {
  const row = await findCycle(db, actor, id);
  if (!row) return undefined;
  const [[cycle], events] = await Promise.all([withSlotCounts(db, actor, [row]), cycleEvents(db, id)]);
  return { cycle: cycle!, events };
}
export type CycleDetailRows = NonNullable<Awaited<ReturnType<typeof findCycleDetail>>>;

type SlotCount = { state: SlotState; n: number };
export type CycleWithCounts = CycleRow & { slotCounts: SlotCount[] };

/** Cycles with their slots counted by state, in one more query; only the slots the actor sees count (a lead unit its own organisation's). */
async function withSlotCounts(db: DbOrTx, actor: Actor, rows: CycleRow[]): Promise<CycleWithCounts[]> {
  const counts = await slotCounts(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, slotCounts: counts.filter((c) => c.cycleId === r.id) }));
}

async function slotCounts(db: DbOrTx, actor: Actor, cycleIds: string[]) {
  if (!cycleIds.length) return [];
  return db
    .select({ cycleId: reportSlots.cycleId, state: reportSlots.state, n: count() })
    .from(reportSlots)
    .where(
      and(
        inArray(reportSlots.cycleId, cycleIds),
        seesOnlyOwnTasks(actor) ? eq(reportSlots.organisationId, actor.organisationId) : undefined,
      ),
    )
    .groupBy(reportSlots.cycleId, reportSlots.state);
}

export type CycleInsert = typeof reportingCycles.$inferInsert;

export async function insertCycle(db: DbOrTx, row: CycleInsert) {
  const [created] = await db
    .insert(reportingCycles)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: reportingCycles.id });
  return created?.id;
}

export async function updateCycleRow(db: DbOrTx, id: string, version: number, patch: Partial<CycleInsert>) {
  const rows = await db
    .update(reportingCycles)
    .set({ ...patch, updatedAt: new Date(), version: sql`${reportingCycles.version} + 1` })
    .where(and(eq(reportingCycles.id, id), eq(reportingCycles.version, version)))
    .returning({ id: reportingCycles.id });
  return rows[0];
}

export async function insertCycleEvent(db: DbOrTx, row: typeof reportingCycleEvents.$inferInsert) {
  await db.insert(reportingCycleEvents).values(row);
}

async function cycleEvents(db: DbOrTx, cycleId: string) {
  return db
    .select()
    .from(reportingCycleEvents)
    .where(eq(reportingCycleEvents.cycleId, cycleId))
    .orderBy(asc(reportingCycleEvents.at), asc(reportingCycleEvents.id));
}
