import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { TrainingListQuery } from '../../../common/api/people.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { containing } from '../../kernel/like-pattern.ts';
import { rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { trainings } from './people.tables.ts';

export const trainingScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, trainings.pairingId);

const summaryColumns = {
  id: trainings.id,
  pairingId: trainings.pairingId,
  pairingName: pairings.name,
  title: trainings.title,
  organiser: trainings.organiser,
  hostSide: trainings.hostSide,
  place: trainings.place,
  startsOn: trainings.startsOn,
  endsOn: trainings.endsOn,
  officials: trainings.officials,
  managers: trainings.managers,
  professionals: trainings.professionals,
  other: trainings.other,
  sideA: trainings.sideA,
  sideB: trainings.sideB,
  taskId: trainings.taskId,
  taskCode: tasks.code,
  isDemo: trainings.isDemo,
};
const summaryQuery = (db: DbOrTx) =>
  db
    .select(summaryColumns)
    .from(trainings)
    .innerJoin(pairings, eq(pairings.id, trainings.pairingId))
    .leftJoin(tasks, eq(tasks.id, trainings.taskId));
export type TrainingSummaryRow = Awaited<ReturnType<typeof summaryQuery>>[number];

const inYear = (column: SQL | typeof trainings.startsOn, year: number) =>
  sql`${column} >= make_date(${year}, 1, 1) AND ${column} < make_date(${year + 1}, 1, 1)`;

export async function listTrainings(
  db: DbOrTx,
  actor: Actor,
  f: Omit<TrainingListQuery, 'page' | 'pageSize'>,
  paging: { page: number; pageSize: number } | 'all',
) {
  const where = and(
    trainingScope(actor),
    f.pairingId ? eq(trainings.pairingId, f.pairingId) : undefined,
    f.hostSide ? eq(trainings.hostSide, f.hostSide) : undefined,
    f.taskId ? eq(trainings.taskId, f.taskId) : undefined,
    f.year ? inYear(trainings.startsOn, f.year) : undefined,
    f.q ? or(ilike(trainings.title, containing(f.q)), ilike(trainings.organiser, containing(f.q))) : undefined,
    f.demo !== undefined ? eq(trainings.isDemo, f.demo) : undefined,
  );
  const q = summaryQuery(db).where(where).orderBy(desc(trainings.startsOn), asc(trainings.id));
  if (paging === 'all') return { items: await q, total: -1 };
  const [items, [total]] = await Promise.all([
    q.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize),
    // The total is the same for every page of a filter: kept per scope and filter until the trainings are written
    // (kernel/cached-by-version.ts), as the other cooperation lists keep theirs. The page is always read.
    cachedByVersion(
      db,
      actor,
      `trainings|${JSON.stringify(f)}`,
      // Awaited inside: a query run lazily, after compute returned, would escape the tracking of what it read.
      async () => await db.select({ n: sql<number>`count(*)::int` }).from(trainings).where(where),
    ),
  ]);
  return { items, total: total!.n };
}

export async function findTraining(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(trainings)
    .where(and(eq(trainings.id, id), trainingScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

export async function findTrainingDetail(db: DbOrTx, actor: Actor, id: string) {
  const [found] = await db
    .select({ summary: summaryColumns, materials: trainings.materials, version: trainings.version })
    .from(trainings)
    .innerJoin(pairings, eq(pairings.id, trainings.pairingId))
    .leftJoin(tasks, eq(tasks.id, trainings.taskId))
    .where(and(eq(trainings.id, id), trainingScope(actor)));
  return found;
}
export type TrainingDetailRow = NonNullable<Awaited<ReturnType<typeof findTrainingDetail>>>;

export type TrainingInsert = typeof trainings.$inferInsert;

export async function insertTraining(db: DbOrTx, values: TrainingInsert): Promise<string> {
  const [row] = await db.insert(trainings).values(values).returning({ id: trainings.id });
  return row!.id;
}

export async function updateTrainingRow(db: DbOrTx, id: string, version: number, patch: Partial<TrainingInsert>) {
  const updated = await db
    .update(trainings)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(trainings.id, id), eq(trainings.version, version)))
    .returning({ id: trainings.id });
  return updated.length > 0;
}

/** Trainees per task in a year, over the trainings linked to those tasks, with each task's code and title. */
export async function traineesPerTask(db: DbOrTx, taskIds: readonly string[], year: number) {
  if (!taskIds.length) return [];
  return db
    .select({
      taskId: tasks.id,
      taskCode: tasks.code,
      taskTitle: tasks.title,
      trainees: sql<number>`coalesce(sum(${trainings.officials} + ${trainings.managers} + ${trainings.professionals} + ${trainings.other}) FILTER (WHERE ${inYear(trainings.startsOn, year)}), 0)::int`,
    })
    .from(tasks)
    .leftJoin(trainings, eq(trainings.taskId, tasks.id))
    .where(inArray(tasks.id, [...taskIds]))
    .groupBy(tasks.id, tasks.code, tasks.title)
    .orderBy(asc(tasks.ordinal));
}

/** The tasks a pairing's trainings count toward (those in the actor's scope). */
export async function linkedTaskIds(db: DbOrTx, actor: Actor, pairingId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ taskId: trainings.taskId })
    .from(trainings)
    .where(and(eq(trainings.pairingId, pairingId), trainingScope(actor), sql`${trainings.taskId} IS NOT NULL`));
  return rows.map((r) => r.taskId!);
}
