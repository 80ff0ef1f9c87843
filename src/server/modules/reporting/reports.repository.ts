import { and, asc, count, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import type { ReportFrequency, ReportListQuery, SlotState } from '../../../common/api/reporting.ts';
import { tasks, taskTargets } from '../tasks/tasks.tables.ts';
import { seesOnlyOwnTasks } from '../tasks/tasks.policy.ts';
import { attachmentsColumn } from '../../kernel/attachments/attachments.repository.ts';
import { jsonRows } from '../../kernel/json-rows.ts';
import { placeholdersOf, preparedByShape, type Given } from '../../kernel/prepared-by-shape.ts';
import { reportingCycles, reportSlots, reportFigures, reportEvents } from './reporting.tables.ts';
import { cycleColumns, cycleScope, type CycleRow } from './cycles.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';

/**
 * The reports an actor may see: those of its pairings' cycles (both sides see each other's), and for a lead unit
 * only its own organisation's. Every query below goes through it.
 */
function slotScope(actor: Actor): SQL | undefined {
  return and(
    cycleScope(actor),
    seesOnlyOwnTasks(actor) ? eq(reportSlots.organisationId, actor.organisationId) : undefined,
  );
}

const summaryColumns = {
  id: reportSlots.id,
  cycleId: reportSlots.cycleId,
  pairingId: reportingCycles.pairingId,
  periodLabel: reportingCycles.periodLabel,
  frequency: reportingCycles.frequency,
  year: reportingCycles.year,
  period: reportingCycles.period,
  cycleStatus: reportingCycles.status,
  dueOn: reportingCycles.dueOn,
  reminderDays: reportingCycles.reminderDays,
  taskId: reportSlots.taskId,
  taskCode: tasks.code,
  taskTitle: tasks.title,
  organisationId: reportSlots.organisationId,
  unitName: reportSlots.unitName,
  side: reportSlots.side,
  role: reportSlots.role,
  state: reportSlots.state,
  taskStatus: reportSlots.taskStatus,
  percent: reportSlots.percent,
  narrative: reportSlots.narrative,
  reviewComment: reportSlots.reviewComment,
  submittedAt: reportSlots.submittedAt,
  reviewedAt: reportSlots.reviewedAt,
  version: reportSlots.version,
  updatedAt: reportSlots.updatedAt,
};
export type SlotRow = {
  id: string;
  cycleId: string;
  pairingId: string;
  periodLabel: string;
  frequency: ReportFrequency;
  year: number;
  period: number;
  cycleStatus: 'open' | 'locked';
  dueOn: string;
  reminderDays: number;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  organisationId: string | null;
  unitName: string;
  side: 'a' | 'b';
  role: 'lead' | 'co';
  state: SlotState;
  taskStatus: 'not_started' | 'in_progress' | 'done' | 'delayed' | 'suspended' | null;
  percent: number | null;
  narrative: string | null;
  reviewComment: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  version: number;
  updatedAt: Date;
};

function base(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(reportSlots)
    .innerJoin(reportingCycles, eq(reportingCycles.id, reportSlots.cycleId))
    .innerJoin(tasks, eq(tasks.id, reportSlots.taskId));
}
const slotOrder = [
  asc(tasks.ordinal),
  asc(reportSlots.side),
  asc(reportSlots.role),
  asc(reportSlots.unitName),
  asc(reportSlots.id),
];

const VALUE_KEYS = ['cycleId', 'pairingId', 'taskId', 'organisationId', 'state'] as const;
type GivenFilter = Given<Pick<ReportListQuery, (typeof VALUE_KEYS)[number]>>;

/** What the scope reads of the actor besides its pairings: a lead unit sees only its organisation's reports. */
const scopeShape = (actor: Actor) => (seesOnlyOwnTasks(actor) ? `own:${actor.organisationId}` : 'all');

export async function listReports(db: DbOrTx, actor: Actor, q: ReportListQuery) {
  // Both statements are built once per shape and run with this request's values.
  const { given, shape } = placeholdersOf(q, VALUE_KEYS);
  const { pageQuery, countQuery } = preparedByShape(db, actor, `reports|${shape}|${scopeShape(actor)}`, () => {
    const where = listCondition(actor, given);
    return {
      pageQuery: base(db)
        .where(where)
        .orderBy(desc(reportingCycles.periodStart), ...slotOrder)
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(undefined as never),
      countQuery: db
        .select({ n: count() })
        .from(reportSlots)
        .innerJoin(reportingCycles, eq(reportingCycles.id, reportSlots.cycleId))
        .where(where)
        .prepare(undefined as never),
    };
  });
  const [items, [total]] = await Promise.all([
    pageQuery.execute({ ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countQuery.execute(q),
  ]);
  return { items: items as SlotRow[], total: total?.n ?? 0 };
}

const listCondition = (actor: Actor, f: GivenFilter) =>
  and(
    slotScope(actor),
    f.cycleId ? eq(reportSlots.cycleId, f.cycleId) : undefined,
    f.pairingId ? eq(reportingCycles.pairingId, f.pairingId) : undefined,
    f.taskId ? eq(reportSlots.taskId, f.taskId) : undefined,
    f.organisationId ? eq(reportSlots.organisationId, f.organisationId) : undefined,
    f.state ? eq(reportSlots.state, f.state) : undefined,
  );

export async function findReport(db: DbOrTx, actor: Actor, id: string): Promise<SlotRow | undefined> {
  const [row] = await base(db).where(and(eq(reportSlots.id, id), slotScope(actor)));
  return row as SlotRow | undefined;
}

/**
 * The slot the actor may see and its cycle, the cycle row locked (every change to a slot locks its cycle first, so
 * the period cannot lock under it), in one statement; undefined when out of scope.
 */
export async function findReportForChange(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ slot: SlotRow; cycle: CycleRow } | undefined> {
  const [row] = await db
    .select({ slot: summaryColumns, cycle: cycleColumns })
    .from(reportSlots)
    .innerJoin(reportingCycles, eq(reportingCycles.id, reportSlots.cycleId))
    .innerJoin(tasks, eq(tasks.id, reportSlots.taskId))
    .innerJoin(pairings, eq(pairings.id, reportingCycles.pairingId))
    .where(and(eq(reportSlots.id, id), slotScope(actor)))
    .for('update', { of: reportingCycles });
  return row as { slot: SlotRow; cycle: CycleRow } | undefined;
}

const targetColumns = {
  id: taskTargets.id,
  min: taskTargets.min,
  max: taskTargets.max,
  unit: taskTargets.unit,
  perYear: taskTargets.perYear,
  comparison: taskTargets.comparison,
};

/**
 * A report with its figures, files, history and its task's targets in one statement (each list a JSON column, kernel/json-rows.ts):
 * on PGlite every statement is a turn of its one connection. Undefined when out of scope.
 */
export async function findReportDetail(db: DbOrTx, actor: Actor, id: string) {
  // Built once per scope and run with this id (kernel/prepared-by-shape.ts).
  const detail = preparedByShape(db, actor, `report|${scopeShape(actor)}`, () =>
    db
      .select({
        ...summaryColumns,
        figures: jsonRows(getTableColumns(reportFigures), reportFigures, eq(reportFigures.slotId, reportSlots.id), [
          asc(reportFigures.ordinal),
        ]),
        attachments: attachmentsColumn('report', reportSlots.id),
        events: jsonRows(getTableColumns(reportEvents), reportEvents, eq(reportEvents.slotId, reportSlots.id), [
          asc(reportEvents.at),
          asc(reportEvents.id),
        ]),
        // The task's current targets, which figures are reported against: read here rather than after the report.
        targets: jsonRows(targetColumns, taskTargets, eq(taskTargets.taskId, reportSlots.taskId), [
          asc(taskTargets.ordinal),
        ]),
      })
      .from(reportSlots)
      .innerJoin(reportingCycles, eq(reportingCycles.id, reportSlots.cycleId))
      .innerJoin(tasks, eq(tasks.id, reportSlots.taskId))
      .where(and(eq(reportSlots.id, sql.placeholder('id')), slotScope(actor)))
      .prepare(undefined as never),
  );
  const [row] = await detail.execute({ id });
  if (!row) return undefined;
  const { figures, attachments, events, targets, ...slot } = row;
  return { slot: slot as SlotRow, figures, attachments, events, targets };
}
export type ReportDetailRows = NonNullable<Awaited<ReturnType<typeof findReportDetail>>>;

/** The slots of one cycle in given states, as the actor sees them (the not-reported view, the cycle approval). */
export async function slotsOfCycle(db: DbOrTx, actor: Actor, cycleId: string, states?: readonly SlotState[]) {
  const rows = await base(db)
    .where(
      and(
        eq(reportSlots.cycleId, cycleId),
        slotScope(actor),
        states ? inArray(reportSlots.state, [...states]) : undefined,
      ),
    )
    .orderBy(asc(reportSlots.side), asc(reportSlots.unitName), ...slotOrder);
  return rows as SlotRow[];
}

/** What the actor's organisation still owes in open cycles of its pairings, earliest due first. */
export async function owedBy(db: DbOrTx, actor: Actor, states: readonly SlotState[]) {
  const rows = await base(db)
    .where(
      and(
        cycleScope(actor),
        eq(reportSlots.organisationId, actor.organisationId),
        eq(reportingCycles.status, 'open'),
        inArray(reportSlots.state, [...states]),
      ),
    )
    .orderBy(asc(reportingCycles.dueOn), ...slotOrder);
  return rows as SlotRow[];
}

export type SlotInsert = typeof reportSlots.$inferInsert;

/** New slots; one that exists already (same cycle, task and unit) is left as it is. */
export async function insertSlots(db: DbOrTx, rows: SlotInsert[]) {
  if (!rows.length) return [];
  return db.insert(reportSlots).values(rows).onConflictDoNothing().returning({ id: reportSlots.id });
}

export async function slotIdFor(db: DbOrTx, cycleId: string, taskId: string, unitKey: string) {
  const [row] = await db
    .select({ id: reportSlots.id })
    .from(reportSlots)
    .where(and(eq(reportSlots.cycleId, cycleId), eq(reportSlots.taskId, taskId), eq(reportSlots.unitKey, unitKey)));
  return row?.id;
}

export async function updateSlotRow(db: DbOrTx, id: string, version: number, patch: Partial<SlotInsert>) {
  const rows = await db
    .update(reportSlots)
    .set({ ...patch, updatedAt: new Date(), version: sql`${reportSlots.version} + 1` })
    .where(and(eq(reportSlots.id, id), eq(reportSlots.version, version)))
    .returning({ id: reportSlots.id, version: reportSlots.version });
  return rows[0];
}

/**
 * Approves every submitted slot of a cycle the actor sees, in one statement. The caller holds the cycle row locked
 * (every change to a slot locks its cycle first), so no slot can move under it and no version check is needed.
 */
export async function approveSubmittedSlots(
  db: DbOrTx,
  actor: Actor,
  cycleId: string,
  patch: Pick<SlotInsert, 'reviewedAt' | 'reviewedBy' | 'reviewComment'>,
) {
  return db
    .update(reportSlots)
    .set({ ...patch, state: 'approved', updatedAt: new Date(), version: sql`${reportSlots.version} + 1` })
    .where(
      and(
        eq(reportSlots.cycleId, cycleId),
        eq(reportSlots.state, 'submitted'),
        seesOnlyOwnTasks(actor) ? eq(reportSlots.organisationId, actor.organisationId) : undefined,
      ),
    )
    .returning({ id: reportSlots.id, taskId: reportSlots.taskId });
}

export async function figuresOf(db: DbOrTx, slotId: string) {
  return db.select().from(reportFigures).where(eq(reportFigures.slotId, slotId)).orderBy(asc(reportFigures.ordinal));
}

export async function replaceFigures(
  db: DbOrTx,
  slotId: string,
  rows: Omit<typeof reportFigures.$inferInsert, 'slotId' | 'ordinal'>[],
) {
  await db.delete(reportFigures).where(eq(reportFigures.slotId, slotId));
  if (rows.length) await db.insert(reportFigures).values(rows.map((r, ordinal) => ({ ...r, slotId, ordinal })));
}

/** Events in the reports' histories, one statement however many. */
export async function insertReportEvents(db: DbOrTx, rows: (typeof reportEvents.$inferInsert)[]) {
  if (rows.length) await db.insert(reportEvents).values(rows);
}

/** Approved reports on some tasks in one cycle: what the task's status follows. */
export async function approvedReportsOf(db: DbOrTx, cycleId: string, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db
    .select({
      taskId: reportSlots.taskId,
      role: reportSlots.role,
      taskStatus: reportSlots.taskStatus,
      percent: reportSlots.percent,
    })
    .from(reportSlots)
    .where(
      and(eq(reportSlots.cycleId, cycleId), inArray(reportSlots.taskId, taskIds), eq(reportSlots.state, 'approved')),
    );
}

/** Tasks among `taskIds` with an approved report in a later period of the same pairing: an older cycle does not overwrite them. */
export async function tasksReportedLater(
  db: DbOrTx,
  cycle: { pairingId: string; periodEnd: string },
  taskIds: string[],
) {
  if (!taskIds.length) return new Set<string>();
  const rows = await db
    .selectDistinct({ taskId: reportSlots.taskId })
    .from(reportSlots)
    .innerJoin(reportingCycles, eq(reportingCycles.id, reportSlots.cycleId))
    .where(
      and(
        eq(reportingCycles.pairingId, cycle.pairingId),
        sql`${reportingCycles.periodEnd} > ${cycle.periodEnd}::date`,
        inArray(reportSlots.taskId, taskIds),
        eq(reportSlots.state, 'approved'),
      ),
    );
  return new Set(rows.map((r) => r.taskId));
}
