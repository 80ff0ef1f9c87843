import { and, asc, count, desc, eq, ilike, inArray, notInArray, type Placeholder, sql, type SQL } from 'drizzle-orm';
import { containing } from '../../kernel/like-pattern.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import {
  ANY_READER,
  pairingCondition,
  SCOPE_PAIRINGS,
  SCOPE_PROGRAMMES,
  scopeValues,
  uuidArray,
  uuidArrayText,
} from '../../kernel/pairing-scope.repository.ts';
import { TASK_LIGHTS, type TaskLight, type TaskListQuery } from '../../../common/api/tasks.ts';
import { tasks, taskTargets, taskUnits, taskMilestones, taskHistory } from './tasks.tables.ts';
import { plans, planSections } from '../plans/plans.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { sourceDocuments } from '../programmes/programmes.tables.ts';
import { seesOnlyOwnTasks } from './tasks.policy.ts';
import { placeholdersOf, preparedByShape, type Given } from '../../kernel/prepared-by-shape.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { withGenericPlan } from '../../db/generic-plans.ts';
import { jsonRows } from '../../kernel/json-rows.ts';
import { unseen } from '../../kernel/unseen-value.ts';

const assignedTo = (organisationId: string | Placeholder | SQL) =>
  sql`EXISTS (SELECT 1 FROM ${taskUnits} u WHERE u.task_id = ${tasks.id} AND u.organisation_id = ${organisationId})`;

/** What of the reader a task scope reads: its pairings and programmes (uuid[]) and its organisation. */
interface ScopeTerms {
  pairingIds: SQL;
  programmeIds: SQL;
  organisationId: string | Placeholder | SQL;
}

/**
 * Tasks of the reader's pairings (and their sub-pairs), and the programme-level tasks of the national plan, which
 * every pairing works under, of the programmes the reader works in (`scoped` false: every task); with `ownOnly`,
 * only those given to its organisation.
 */
function taskScopeOf(scoped: boolean, ownOnly: boolean, t: ScopeTerms): SQL | undefined {
  const programme = sql`(SELECT pl.programme_id FROM ${plans} pl WHERE pl.id = ${tasks.planId})`;
  const pairing = scoped
    ? sql`((${tasks.pairingId} IS NULL AND (${programme} = ANY(${t.programmeIds})
          OR ${programme} IN (SELECT p.programme_id FROM pairings p WHERE p.id = ANY(${t.pairingIds}))))
        OR ${tasks.pairingId} = ANY(${t.pairingIds}))`
    : undefined;
  return and(pairing, ownOnly ? assignedTo(t.organisationId) : undefined);
}

/** The tasks an actor may see; every task query goes through it (taskScopeOf). */
export function taskScope(actor: Actor): SQL | undefined {
  const { scope } = actor;
  return taskScopeOf(!scope.all, seesOnlyOwnTasks(actor), {
    pairingIds: uuidArray(scope.all ? [] : scope.pairingIds),
    programmeIds: uuidArray(scope.all ? [] : (scope.programmeIds ?? [])),
    organisationId: actor.organisationId,
  });
}

/**
 * The reader's scope terms as placeholders, and their values: a list's statements hold no reader's values, so one
 * statement of a shape serves every reader (kernel/prepared-by-shape.ts kept one per scope: the mix's ~100 users'
 * task lists made several hundred statements, each 2–3 ms of Drizzle to build, more than the 500 kept in all).
 * Each read through a subquery as the filter's values are (unseen; the cast keeps ANY over an array, not over a
 * subquery's rows).
 */
const READER_TERMS: ScopeTerms = {
  pairingIds: sql`(SELECT ${SCOPE_PAIRINGS})::uuid[]`,
  programmeIds: sql`(SELECT ${SCOPE_PROGRAMMES})::uuid[]`,
  organisationId: unseen(sql.placeholder('ownOrganisation'), 'uuid'),
};
const readerValues = ({ scope, organisationId }: Actor) => ({ ...scopeValues(scope), ownOrganisation: organisationId });

/** A task no unit has been given (registered or by name). */
const unassignedSql = sql`NOT EXISTS (SELECT 1 FROM ${taskUnits} u WHERE u.task_id = ${tasks.id})`;

/** taskLight() of task-light.ts in SQL, so lists filter, sort and count by light in the database. */
export function taskLightSql(today: string | Placeholder): SQL<string> {
  return sql<string>`(CASE
    WHEN ${tasks.status} = 'suspended' THEN 'grey'
    WHEN ${tasks.status} = 'done' THEN 'green'
    WHEN ${tasks.status} = 'delayed' THEN 'red'
    WHEN ${tasks.deadline} < ${today}::date THEN 'red'
    WHEN ${tasks.status} = 'not_started' AND ${unassignedSql} THEN 'grey'
    WHEN ${tasks.deadline} IS NULL THEN 'green'
    WHEN ${tasks.status} = 'not_started' AND ${tasks.deadline} - ${today}::date <= ${tasks.warningDays} THEN 'yellow'
    ELSE 'green' END)`;
}

export const summaryColumns = (today: string | Placeholder) => ({
  id: tasks.id,
  planId: tasks.planId,
  planTitle: plans.title,
  planKind: plans.kind,
  pairingId: tasks.pairingId,
  pairingName: pairings.name,
  sectionId: tasks.sectionId,
  sectionTitle: planSections.title,
  code: tasks.code,
  no: tasks.no,
  title: tasks.title,
  status: tasks.status,
  light: taskLightSql(today),
  deadline: tasks.deadline,
  warningDays: tasks.warningDays,
  targetCount: sql<number>`(SELECT count(*)::int FROM ${taskTargets} g WHERE g.task_id = ${tasks.id})`,
  tracedTaskId: tasks.tracedTaskId,
  version: tasks.version,
  updatedAt: tasks.updatedAt,
});
export type TaskSummaryRow = {
  id: string;
  planId: string;
  planTitle: string;
  planKind: string;
  pairingId: string | null;
  pairingName: string | null;
  sectionId: string | null;
  sectionTitle: string | null;
  code: string;
  no: number;
  title: string;
  status: string;
  light: string;
  deadline: string | null;
  warningDays: number;
  targetCount: number;
  tracedTaskId: string | null;
  version: number;
  updatedAt: Date;
};

/** A task's units as a summary shows them, in their order: a JSON column of the row's own statement. */
const unitsColumn = jsonRows(
  {
    id: taskUnits.id,
    organisationId: taskUnits.organisationId,
    name: taskUnits.name,
    side: taskUnits.side,
    role: taskUnits.role,
  },
  taskUnits,
  sql`${taskUnits.taskId} = ${tasks.id}`,
  [asc(taskUnits.ordinal)],
);

type TaskFilter = Omit<TaskListQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'programmeId'>;
/** A list's filter values as its statements take them: a unit's name and the text searched as LIKE patterns. */
type TaskValues = Omit<TaskFilter, 'unit' | 'q' | 'mine'> & { unitLike?: string; qLike?: string };
const VALUE_KEYS = [
  'planId',
  'pairingId',
  'sectionId',
  'status',
  'light',
  'side',
  'organisationId',
  'unitLike',
  'qLike',
] as const satisfies readonly (keyof TaskValues)[];
type GivenValues = Given<TaskValues>;

function taskValues(f: TaskFilter): TaskValues {
  const { unit, q, mine: _mine, ...rest } = f;
  return { ...rest, ...(unit ? { unitLike: containing(unit) } : {}), ...(q ? { qLike: containing(q) } : {}) };
}

function filterCondition(
  reader: { scoped: boolean; ownOnly: boolean },
  f: GivenValues & { mine?: boolean },
  today: string | Placeholder,
) {
  return and(
    taskScopeOf(reader.scoped, reader.ownOnly, READER_TERMS),
    // Tasks a re-import dropped stay on their superseded plan version; lists show current plans unless asked for one.
    f.planId ? sql`${tasks.planId} = ${unseen(f.planId, 'uuid')}` : eq(plans.current, true),
    f.pairingId ? sql`${tasks.pairingId} = ${unseen(f.pairingId, 'uuid')}` : undefined,
    f.sectionId ? sql`${tasks.sectionId} = ${unseen(f.sectionId, 'uuid')}` : undefined,
    f.status ? sql`${tasks.status} = ${unseen(f.status, 'text')}` : undefined,
    f.light ? sql`${taskLightSql(today)} = ${unseen(f.light, 'text')}` : undefined,
    f.side
      ? sql`EXISTS (SELECT 1 FROM ${taskUnits} u WHERE u.task_id = ${tasks.id} AND u.side = ${unseen(f.side, 'text')})`
      : undefined,
    f.organisationId ? assignedTo(unseen(f.organisationId, 'uuid')) : undefined,
    f.unitLike
      ? sql`EXISTS (SELECT 1 FROM ${taskUnits} u WHERE u.task_id = ${tasks.id} AND u.name ILIKE ${f.unitLike})`
      : undefined,
    f.mine ? assignedTo(READER_TERMS.organisationId) : undefined,
    f.qLike ? sql`(${ilike(tasks.title, f.qLike)} OR ${ilike(tasks.text, f.qLike)})` : undefined,
  );
}

const STATUS_ORDER = sql`array_position(ARRAY['delayed','not_started','in_progress','suspended','done']::text[], ${tasks.status})`;

/**
 * Summary rows of the given tasks with their units, in the order given: one statement whoever reads and whatever the
 * list's shape. A list page reads its ids first (its filter, scope and order) and then these rows, instead of one
 * statement joining the page to its names, light, target count and units: PostgreSQL planned that statement afresh
 * on every run (its generic plan, for a LIMIT and a plan it cannot see, estimated dearer than its custom plans), and
 * the joins were two thirds of its planning (0.51 ms at best, 0.16 ms for the ids alone; EXPLAIN ANALYZE of the mix's
 * 394 pages on the 10x data), while this one keeps its generic plan after five runs.
 */
async function rowsOfTasks(db: DbOrTx, ids: readonly { id: string }[], today: string) {
  if (!ids.length) return [];
  const rows = await preparedByShape(db, ANY_READER, 'tasks|rows', () =>
    withGenericPlan(
      db
        .select({ ...summaryColumns(sql.placeholder('today')), units: unitsColumn })
        .from(tasks)
        .innerJoin(plans, eq(plans.id, tasks.planId))
        .leftJoin(pairings, eq(pairings.id, tasks.pairingId))
        .leftJoin(planSections, eq(planSections.id, tasks.sectionId))
        .where(sql`${tasks.id} = ANY(${sql.placeholder('ids')}::uuid[])`)
        .prepare(undefined as never),
    ),
  ).execute({ today, ids: uuidArrayText(ids.map((r) => r.id)) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  // A task deleted between the two statements (a plan's re-import) is left out.
  return ids.flatMap((r) => byId.get(r.id) ?? []);
}

export async function listTasks(db: DbOrTx, actor: Actor, q: TaskListQuery, today: string) {
  const { page, pageSize, sort, order, programmeId: _programme, ...filter } = q;
  const values = taskValues(filter);
  // Both statements are built once per shape, whoever reads, and run with this request's values and its reader's
  // (kernel/prepared-by-shape.ts, READER_TERMS): the shape is the filters given, whether the reader's scope is limited
  // and whether it sees only its own tasks.
  const { given, shape } = placeholdersOf(values, VALUE_KEYS);
  const reader = { scoped: !actor.scope.all, ownOnly: seesOnlyOwnTasks(actor) };
  const key = `tasks|${shape}|${filter.mine ?? ''}|${sort}|${order}|${reader.ownOnly}|${reader.scoped}`;
  const { idsQuery, lightsQuery } = preparedByShape(db, ANY_READER, key, () => {
    const day = sql.placeholder('today');
    const dir = order === 'desc' ? desc : asc;
    const planOrder = [dir(plans.createdAt), dir(tasks.ordinal)];
    const orderBy = {
      plan: planOrder,
      deadline: [sql`${tasks.deadline} ${sql.raw(order === 'desc' ? 'DESC' : 'ASC')} NULLS LAST`, ...planOrder],
      status: [dir(STATUS_ORDER), ...planOrder],
      updatedAt: [dir(tasks.updatedAt)],
    }[sort];
    const mine = { mine: filter.mine };
    const statements = {
      // The page's ids, from the tasks and their plans alone; its rows are read by id (rowsOfTasks).
      idsQuery: db
        .select({ id: tasks.id })
        .from(tasks)
        .innerJoin(plans, eq(plans.id, tasks.planId))
        .where(filterCondition(reader, { ...given, ...mine }, day))
        .orderBy(...orderBy, asc(tasks.id))
        // Every value of the filter, the reader and the page's span is read through a subquery (unseen, an InitPlan),
        // as kernel/page-marks.ts reads a page's end: planned without the values, each run is priced as the plan
        // for any values, so PostgreSQL keeps one plan after five runs. Given as values, the plan's and the pairings'
        // own row counts priced each run's plan far below the kept one's (a plan of 18 tasks and 3 pairings: 41
        // against 3,200), and every page and light count was planned afresh (0.3–1.3 ms for 0.1–0.5 ms of work).
        // Drizzle types a limit as a number or placeholder; it writes any SQL given after LIMIT and OFFSET.
        .limit(unseen(sql.placeholder('limit'), 'int') as unknown as number)
        .offset(unseen(sql.placeholder('offset'), 'int') as unknown as number)
        .prepare(undefined as never),
      // Counted under every filter but the light, so a legend shows what each light would list.
      lightsQuery: db
        .select({ light: taskLightSql(day), n: count() })
        .from(tasks)
        .innerJoin(plans, eq(plans.id, tasks.planId))
        // By position: the light expression carries parameters, which PostgreSQL does not match between SELECT and GROUP BY.
        .where(filterCondition(reader, { ...given, ...mine, light: undefined }, day))
        .groupBy(sql`1`)
        .prepare(undefined as never),
    };
    // A unit's own tasks (a lead unit's, or "mine") are found from its few assignments whatever the plan and filters:
    // on PGlite their light counts are planned once (db/generic-plans.ts) instead of on every run — 0.5–0.7 ms of
    // planning for 0.1 ms of execution, the generic plan reading the same pages for every plan of the mix's data.
    // Counts over a whole plan or scope stay planned per run: for a plan much larger or smaller than the average their
    // generic plan read many more pages (a 1,500-task plan outside the reader's scope: 7 → 336, 0.15 → 0.43 ms).
    if (reader.ownOnly || filter.mine) withGenericPlan(statements.lightsQuery);
    return statements;
  });
  // The counts are the same for every page, sort and light of a filter: kept per scope and filter until a table they
  // read changes (a task write, a unit assigned), so paging through a list reads its page alone.
  const { light: _light, ...counted } = values;
  const lightsKey = `tasks|lights|${filter.mine ?? ''}|${seesOnlyOwnTasks(actor)}|${actor.organisationId ?? ''}|${actor.scope.all ? '' : (actor.scope.programmeIds ?? []).join(',')}|${JSON.stringify(counted)}|${today}`;
  const ofReader = readerValues(actor);
  const byLight = await cachedByVersion(db, actor, lightsKey, () =>
    lightsQuery.execute({ ...values, ...ofReader, today }),
  );
  const lights = Object.fromEntries(TASK_LIGHTS.map((l) => [l, byLight.find((r) => r.light === l)?.n ?? 0])) as Record<
    TaskLight,
    number
  >;
  const total = filter.light ? lights[filter.light] : Object.values(lights).reduce((a, b) => a + b, 0);
  // The counts are of the page statement's rows, so a page past the end is known empty without reading it: most
  // pages after the first two of a plan of 18–40 tasks, or of a lead unit's few own tasks.
  const offset = (page - 1) * pageSize;
  const items =
    offset < total
      ? await rowsOfTasks(db, await idsQuery.execute({ ...values, ...ofReader, today, limit: pageSize, offset }), today)
      : [];
  return { items, total, lights };
}

/** Summary rows with their units, in one more query whatever their number. */
async function withUnits<R extends TaskSummaryRow>(db: DbOrTx, rows: R[]): Promise<WithUnits<R>[]> {
  const byTask = new Map<string, (typeof taskUnits.$inferSelect)[]>();
  for (const u of await unitsOf(
    db,
    rows.map((r) => r.id),
  ))
    byTask.set(u.taskId, [...(byTask.get(u.taskId) ?? []), u]);
  return rows.map((r) => ({ ...r, units: byTask.get(r.id) ?? [] }));
}
type UnitSummary = Pick<typeof taskUnits.$inferSelect, 'id' | 'organisationId' | 'name' | 'side' | 'role'>;
export type WithUnits<R = TaskSummaryRow> = R & { units: UnitSummary[] };

export async function findTask(db: DbOrTx, actor: Actor, id: string, today: string) {
  const [row] = await db
    .select({
      ...summaryColumns(today),
      text: tasks.text,
      sourceLine: tasks.sourceLine,
      sourceEndLine: tasks.sourceEndLine,
      progressNote: tasks.progressNote,
      sourceDocumentId: plans.sourceDocumentId,
      planYear: plans.year,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(pairings, eq(pairings.id, tasks.pairingId))
    .leftJoin(planSections, eq(planSections.id, tasks.sectionId))
    .where(and(eq(tasks.id, id), taskScope(actor)));
  return row as
    | (TaskSummaryRow & {
        text: string;
        sourceLine: number | null;
        sourceEndLine: number | null;
        progressNote: string | null;
        sourceDocumentId: string | null;
        planYear: number | null;
        createdAt: Date;
      })
    | undefined;
}

/** A task with everything its page shows, in a fixed number of queries; undefined when out of scope. */
export async function findTaskDetail(db: DbOrTx, actor: Actor, id: string, today: string) {
  const found = await findTask(db, actor, id, today);
  if (!found) return undefined;
  const [[row], targets, milestones, history, traced, servedBy, source] = await Promise.all([
    withUnits(db, [found]),
    targetsOf(db, [id]),
    milestonesOf(db, [id]),
    historyOf(db, id),
    found.tracedTaskId ? taskRefs(db, actor, byId(found.tracedTaskId)) : Promise.resolve([]),
    taskRefs(db, actor, tracedBy(id)),
    found.sourceDocumentId
      ? db
          .select({ documentId: sourceDocuments.id, title: sourceDocuments.title, fileName: sourceDocuments.fileName })
          .from(sourceDocuments)
          .where(eq(sourceDocuments.id, found.sourceDocumentId))
      : Promise.resolve([]),
  ]);
  return { row: row!, targets, milestones, history, tracedTask: traced[0], servedBy, source: source[0] };
}
export type TaskDetailRows = NonNullable<Awaited<ReturnType<typeof findTaskDetail>>>;

/** Tasks by id as references (code, title, plan), within the actor's scope. */
async function taskRefs(db: DbOrTx, actor: Actor, where: SQL) {
  return db
    .select({
      id: tasks.id,
      code: tasks.code,
      title: tasks.title,
      planId: tasks.planId,
      planTitle: plans.title,
      year: plans.year,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(where, taskScope(actor)))
    .orderBy(asc(plans.year), asc(tasks.ordinal));
}

const tracedBy = (taskId: string) => and(eq(tasks.tracedTaskId, taskId), eq(plans.current, true))!;
const byId = (taskId: string) => eq(tasks.id, taskId);

export async function unitsOf(db: DbOrTx, taskIds: string[]) {
  if (!taskIds.length) return [];
  return (
    db
      .select()
      .from(taskUnits)
      // One array parameter, not one per task: a whole plan's 5,000 ids as separate parameters cost more to send and plan.
      .where(sql`${taskUnits.taskId} = ANY(${uuidArray(taskIds)})`)
      .orderBy(asc(taskUnits.taskId), asc(taskUnits.ordinal))
  );
}
export async function targetsOf(db: DbOrTx, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db
    .select()
    .from(taskTargets)
    .where(inArray(taskTargets.taskId, taskIds))
    .orderBy(asc(taskTargets.taskId), asc(taskTargets.ordinal));
}
export async function milestonesOf(db: DbOrTx, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db
    .select()
    .from(taskMilestones)
    .where(inArray(taskMilestones.taskId, taskIds))
    .orderBy(asc(taskMilestones.taskId), asc(taskMilestones.ordinal));
}
export async function historyOf(db: DbOrTx, taskId: string) {
  return db
    .select()
    .from(taskHistory)
    .where(eq(taskHistory.taskId, taskId))
    .orderBy(asc(taskHistory.at), asc(taskHistory.id));
}

/**
 * Per pairing the actor sees (null: the national plan's tasks), over its current plans (with a year, the tasks due
 * in it): tasks per light, those still under way that no unit has been given, and the three nearest deadlines of
 * tasks not done (the workbench, the dashboard).
 */
export async function pairingTaskOverview(
  db: DbOrTx,
  actor: Actor,
  today: string,
  year?: number,
  /** One pairing and its sub-pairs (a pairing's dashboard). */
  pairingId?: string,
) {
  const light = taskLightSql(today);
  const current = and(
    taskScope(actor),
    eq(plans.current, true),
    pairingCondition(tasks.pairingId, pairingId, true),
    // A year: the tasks due in it.
    year ? sql`${tasks.deadline} BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date` : undefined,
  );
  const [lights, deadlines] = await Promise.all([
    db
      .select({
        pairingId: tasks.pairingId,
        pairingName: pairings.name,
        light,
        n: count(),
        unassigned:
          sql<number>`count(*) FILTER (WHERE ${tasks.status} NOT IN ('done', 'suspended') AND ${unassignedSql})`.mapWith(
            Number,
          ),
      })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .leftJoin(pairings, eq(pairings.id, tasks.pairingId))
      .where(current)
      // By position, as in listTasks: the light expression carries parameters.
      .groupBy(tasks.pairingId, pairings.name, sql`3`),
    db.execute<{
      pairing_id: string | null;
      id: string;
      code: string;
      title: string;
      deadline: string;
      light: string;
    }>(sql`
      SELECT pairing_id, id, code, title, deadline::text AS deadline, light FROM (
        SELECT ${tasks.pairingId} AS pairing_id, ${tasks.id} AS id, ${tasks.code} AS code, ${tasks.title} AS title,
          ${tasks.deadline} AS deadline, ${light} AS light,
          row_number() OVER (PARTITION BY ${tasks.pairingId} ORDER BY ${tasks.deadline}, ${tasks.ordinal}) AS n
        FROM ${tasks} JOIN ${plans} ON ${plans.id} = ${tasks.planId}
        WHERE ${current} AND ${tasks.deadline} IS NOT NULL AND ${tasks.status} NOT IN ('done', 'suspended')
      ) d WHERE n <= 3 ORDER BY deadline`),
  ]);
  return { lights, deadlines: deadlines.rows };
}

/**
 * The latest edits of tasks the actor sees made by users of organisations outside the actor's region (the other
 * side of the actor's pairings, or the national office), newest first: what the other side did lately. An
 * organisation is inside the actor's region when the actor's region is one of its region's ancestors or its own.
 */
export async function recentTaskChangesByOthers(db: DbOrTx, actor: Actor, since: Date, limit: number) {
  const scope = taskScope(actor) ?? sql`true`;
  const result = await db.execute<{
    id: number;
    task_id: string;
    code: string;
    title: string;
    pairing_name: string | null;
    at: Date;
    actor_name: string | null;
    organisation_name: string;
    changes: unknown;
  }>(sql`
    WITH RECURSIVE recent AS (
      SELECT h.id, h.task_id, ${tasks.code} AS code, ${tasks.title} AS title, ${pairings.name} AS pairing_name, h.at,
        h.actor_name, h.changes, o.name AS organisation_name, o.region_code
      FROM ${taskHistory} h
      JOIN ${tasks} ON ${tasks.id} = h.task_id
      JOIN ${plans} ON ${plans.id} = ${tasks.planId}
      LEFT JOIN ${pairings} ON ${pairings.id} = ${tasks.pairingId}
      JOIN users u ON u.id = h.actor_user_id
      JOIN organisations o ON o.id = u.organisation_id
      WHERE h.action = 'updated' AND h.at >= ${since.toISOString()}::timestamptz AND ${scope}
        AND o.id <> ${actor.organisationId}
      ORDER BY h.at DESC, h.id DESC
      LIMIT ${limit * 5}
    ),
    up(id, code) AS (
      SELECT id, region_code FROM recent
      UNION
      SELECT up.id, r.parent_code FROM up JOIN regions r ON r.code = up.code WHERE r.parent_code IS NOT NULL
    )
    SELECT id, task_id, code, title, pairing_name, at, actor_name, organisation_name, changes FROM recent
    WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.id = recent.id AND up.code = ${actor.regionCode})
    ORDER BY at DESC, id DESC
    LIMIT ${limit}`);
  return result.rows;
}

/** A pairing's tasks on its current plans still under way that no unit has been given, in plan order. */
export async function unassignedTasksOf(db: DbOrTx, pairingId: string) {
  return db
    .select({ id: tasks.id, code: tasks.code, title: tasks.title })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(
      and(
        eq(tasks.pairingId, pairingId),
        eq(plans.current, true),
        notInArray(tasks.status, ['done', 'suspended']),
        unassignedSql,
      ),
    )
    .orderBy(asc(plans.createdAt), asc(tasks.ordinal));
}

/** A plan's tasks the actor sees that no unit has been given yet, with their text (for unit suggestions). */
export async function unassignedTasksOfPlan(db: DbOrTx, actor: Actor, planId: string) {
  return db
    .select({ id: tasks.id, pairingId: tasks.pairingId, text: tasks.text, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), taskScope(actor), unassignedSql))
    .orderBy(asc(tasks.ordinal));
}

/**
 * The active organisations in the given regions that can own a task (offices, lead units, organisation departments),
 * with their region's name, longest name first (so 吉林省商务厅 is tried before 商务厅 would be).
 */
export async function organisationsInRegions(db: DbOrTx, codes: readonly string[]) {
  if (!codes.length) return [];
  const r = await db.execute<{ id: string; name: string; region_code: string; region_name: string }>(sql`
    SELECT o.id, o.name, o.region_code, r.name AS region_name FROM organisations o JOIN regions r ON r.code = o.region_code
    WHERE o.active AND o.kind IN ('pairing_office', 'lead_unit', 'org_dept') AND o.region_code = ANY(${sql.param([...codes])}::text[])
    ORDER BY length(o.name) DESC, o.name`);
  return r.rows;
}

/** Visible tasks per plan and light, over the tasks the actor may see (the plan list's counts). */
export async function taskLightsOfPlans(db: DbOrTx, actor: Actor, planIds: readonly string[], today: string) {
  if (!planIds.length) return [];
  const light = taskLightSql(today);
  return (
    db
      .select({ planId: tasks.planId, light, n: count() })
      .from(tasks)
      .where(and(inArray(tasks.planId, [...planIds]), taskScope(actor)))
      // By position, as in listTasks: the light expression carries parameters.
      .groupBy(tasks.planId, sql`2`)
  );
}

/** The clause and progress note of tasks the caller has found visible (the ledger's columns). */
export async function taskTextsOf(db: DbOrTx, taskIds: readonly string[]) {
  if (!taskIds.length) return [];
  return db
    .select({ id: tasks.id, text: tasks.text, progressNote: tasks.progressNote })
    .from(tasks)
    .where(inArray(tasks.id, [...taskIds]));
}

/** Tasks among `taskIds` that belong to one of `planIds` (what an annual plan's items may trace). */
export async function tasksOfPlansByIds(db: DbOrTx, taskIds: readonly string[], planIds: readonly string[]) {
  if (!taskIds.length || !planIds.length) return [];
  return db
    .select({ id: tasks.id, title: tasks.title, text: tasks.text, planId: tasks.planId })
    .from(tasks)
    .where(and(inArray(tasks.id, [...taskIds]), inArray(tasks.planId, [...planIds])));
}

/** Tasks locked for a change of status: their rows stay as read until the transaction ends. */
export async function lockTasks(db: DbOrTx, taskIds: readonly string[]) {
  if (!taskIds.length) return [];
  return db
    .select({ id: tasks.id, code: tasks.code, status: tasks.status, version: tasks.version, planId: tasks.planId })
    .from(tasks)
    .where(inArray(tasks.id, [...taskIds]))
    .for('update');
}

/** A task of a pairing (unscoped: the caller has found the pairing's record in the actor's scope). */
export async function taskOfPairing(db: DbOrTx, taskId: string, pairingId: string) {
  const [row] = await db
    .select({ id: tasks.id, code: tasks.code })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.pairingId, pairingId)));
  return row;
}

/** The rows naming an organisation among a task's units (lead or co-responsible, either side). */
export async function unitsOfOrganisationOnTask(db: DbOrTx, taskId: string, organisationId: string) {
  return db
    .select()
    .from(taskUnits)
    .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.organisationId, organisationId)))
    .orderBy(asc(taskUnits.ordinal));
}

/**
 * The units assigned to the pairing's current tasks that are still under way: one row per task and unit. Tasks
 * already done or suspended (暂缓) owe no progress report. The caller has checked the actor may manage the pairing.
 */
export async function unitsOfOpenTasks(db: DbOrTx, pairingId: string) {
  return db
    .select({
      taskId: taskUnits.taskId,
      organisationId: taskUnits.organisationId,
      name: taskUnits.name,
      side: taskUnits.side,
      role: taskUnits.role,
    })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(
      and(eq(tasks.pairingId, pairingId), eq(plans.current, true), notInArray(tasks.status, ['done', 'suspended'])),
    )
    .orderBy(asc(plans.createdAt), asc(tasks.ordinal), asc(taskUnits.ordinal));
}

/** The tasks of one plan version for the importer: unscoped, as the caller has checked the plan. */
export async function tasksForReimport(db: DbOrTx, planId: string) {
  return db
    .select({ id: tasks.id, code: tasks.code, title: tasks.title, text: tasks.text, version: tasks.version })
    .from(tasks)
    .where(eq(tasks.planId, planId))
    .orderBy(asc(tasks.ordinal));
}

export type TaskInsert = typeof tasks.$inferInsert;
export type TargetRow = Omit<typeof taskTargets.$inferInsert, 'taskId' | 'ordinal'>;
export type UnitRow = Omit<typeof taskUnits.$inferInsert, 'taskId' | 'ordinal'>;
export type MilestoneRow = Omit<typeof taskMilestones.$inferInsert, 'taskId' | 'ordinal'>;

export async function insertTasks(db: DbOrTx, rows: TaskInsert[]) {
  if (!rows.length) return [];
  return db.insert(tasks).values(rows).returning({ id: tasks.id, code: tasks.code });
}

export async function updateTaskRow(db: DbOrTx, id: string, version: number, patch: Partial<TaskInsert>) {
  const rows = await db
    .update(tasks)
    .set({ ...patch, updatedAt: new Date(), version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)))
    .returning({ id: tasks.id, version: tasks.version });
  return rows[0];
}

async function replaceChildren<T extends { taskId: string; ordinal: number }>(
  db: DbOrTx,
  table: typeof taskTargets | typeof taskUnits | typeof taskMilestones,
  byTask: Map<string, Omit<T, 'taskId' | 'ordinal'>[]>,
) {
  const ids = [...byTask.keys()];
  if (!ids.length) return;
  await db.delete(table).where(inArray(table.taskId, ids));
  const rows = [...byTask].flatMap(([taskId, list]) => list.map((r, ordinal) => ({ ...r, taskId, ordinal })));
  if (rows.length) await db.insert(table).values(rows as never);
}

export const replaceTargets = (db: DbOrTx, byTask: Map<string, TargetRow[]>) =>
  replaceChildren(db, taskTargets, byTask);
export const replaceUnits = (db: DbOrTx, byTask: Map<string, UnitRow[]>) => replaceChildren(db, taskUnits, byTask);
export const replaceMilestones = (db: DbOrTx, byTask: Map<string, MilestoneRow[]>) =>
  replaceChildren(db, taskMilestones, byTask);

export async function insertHistory(db: DbOrTx, rows: (typeof taskHistory.$inferInsert)[]) {
  if (rows.length) await db.insert(taskHistory).values(rows);
}
