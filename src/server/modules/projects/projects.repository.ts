import { and, asc, eq, gte, ilike, inArray, lt, ne, type Placeholder, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { containing } from '../../kernel/like-pattern.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import {
  ANY_READER,
  pairingCondition,
  rowsInGivenScope,
  rowsInPairingScope,
  SCOPE_PAIRINGS,
  scopeValues,
  uuidArrayText,
} from '../../kernel/pairing-scope.repository.ts';
import type { ProjectListQuery } from '../../../common/api/projects.ts';
import { pairings, pairingSideRegions } from '../pairings/pairings.tables.ts';
import { parks } from '../parks/parks.tables.ts';
import { events } from '../events/events.tables.ts';
import { projects, projectRollups, projectTasks } from './projects.tables.ts';
import { attachmentsColumn, attachmentsOf } from '../../kernel/attachments/attachments.repository.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { cachedPerPairing } from '../../kernel/cached-per-pairing.ts';
import { pairingsInScope } from './project-stats.repository.ts';
import { searchableByGrams, searchCondition } from './search-grams.ts';
import { placeholdersOf, preparedByShape, preparedRows, type Given } from '../../kernel/prepared-by-shape.ts';
import { movesColumn, movesOf, reportsColumn, reportsOf } from './project-history.repository.ts';
import { unseen, unseenUuids } from '../../kernel/unseen-value.ts';

/** The rows an actor may see: projects of the pairings in their scope. Every query below goes through it. */
export const projectScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, projects.pairingId);

export type ProjectRow = typeof projects.$inferSelect;

/** With `forUpdate`, the row stays locked until the transaction ends: a write that recomputes it from its history reads that history after any other writer's commit. */
export async function findProject(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ProjectRow | undefined> {
  const q = db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), projectScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/**
 * The ledger's filter values as its statement takes them: the signing year as a date range (which the signing
 * date's index serves; extract(year …) = y would read every row) and the search text with its LIKE pattern.
 */
type LedgerValues = Omit<
  Partial<ProjectListQuery>,
  'year' | 'programmeId' | 'withSubPairs' | 'page' | 'pageSize' | 'sort' | 'order'
> & {
  yearFrom?: string;
  yearTo?: string;
  qLike?: string;
};
const VALUE_KEYS = [
  'pairingId',
  'side',
  'stage',
  'type',
  'industrySection',
  'yearFrom',
  'yearTo',
  'parkId',
  'eventId',
  'industryDivision',
  'landmark',
  'greenChannel',
  'demo',
  'q',
  'qLike',
] as const satisfies readonly (keyof LedgerValues)[];
type GivenValues = Given<LedgerValues>;
/** What changes a ledger statement's text besides which values are given. */
type LedgerShape = { withSubPairs?: boolean; searchByGrams: boolean };

function ledgerValues(f: Partial<ProjectListQuery>): LedgerValues {
  const { year, programmeId: _m, withSubPairs: _w, page: _p, pageSize: _s, sort: _o, order: _d, ...rest } = f;
  return {
    ...rest,
    ...(year ? { yearFrom: `${year}-01-01`, yearTo: `${year + 1}-01-01` } : {}),
    ...(f.q ? { qLike: containing(f.q) } : {}),
  };
}
const ledgerShape = (f: Partial<ProjectListQuery>): LedgerShape => ({
  withSubPairs: f.withSubPairs,
  searchByGrams: !!f.q && searchableByGrams(f.q),
});

function givenFilters(actor: Actor, v: GivenValues, shape: LedgerShape): SQL | undefined {
  return and(projectScope(actor), narrowing(v, shape));
}

/** What the ledger's filters keep of a scope's rows. */
function narrowing(v: GivenValues, shape: LedgerShape): SQL | undefined {
  return and(
    pairingCondition(projects.pairingId, v.pairingId, shape.withSubPairs),
    v.side ? eq(projects.side, v.side) : undefined,
    v.stage ? eq(projects.stage, v.stage) : undefined,
    v.type ? eq(projects.type, v.type) : undefined,
    v.industrySection ? eq(projects.industrySection, v.industrySection) : undefined,
    v.yearFrom && v.yearTo ? and(gte(projects.signedOn, v.yearFrom), lt(projects.signedOn, v.yearTo)) : undefined,
    v.parkId ? eq(projects.parkId, v.parkId) : undefined,
    v.eventId ? eq(projects.eventId, v.eventId) : undefined,
    v.industryDivision ? eq(projects.industryDivision, v.industryDivision) : undefined,
    v.landmark !== undefined ? eq(projects.landmark, v.landmark) : undefined,
    v.greenChannel !== undefined ? eq(projects.greenChannel, v.greenChannel) : undefined,
    v.demo !== undefined ? eq(projects.isDemo, v.demo) : undefined,
    v.q && v.qLike
      ? searchCondition(
          { title: projects.title, investor: projects.investor, code: projects.projectCode },
          v.q,
          sql`(${ilike(projects.title, v.qLike)} OR ${ilike(projects.investor, v.qLike)})`,
          shape.searchByGrams,
        )
      : undefined,
  );
}

const filters = (actor: Actor, f: Partial<ProjectListQuery>): SQL | undefined =>
  givenFilters(actor, ledgerValues(f), ledgerShape(f));

const SORTS = {
  title: projects.title,
  signedOn: projects.signedOn,
  signed: projects.signedWan,
  createdAt: projects.createdAt,
};

export const listColumns = {
  id: projects.id,
  pairingId: projects.pairingId,
  pairingName: pairings.name,
  side: projects.side,
  title: projects.title,
  investor: projects.investor,
  hostRegionCode: projects.hostRegionCode,
  hostRegionName: sql<string>`(SELECT r.name FROM regions r WHERE r.code = ${projects.hostRegionCode})`,
  investorRegionCode: projects.investorRegionCode,
  investorRegionName: sql<string | null>`(SELECT r.name FROM regions r WHERE r.code = ${projects.investorRegionCode})`,
  parkId: projects.parkId,
  parkName: parks.name,
  industrySection: projects.industrySection,
  industryDivision: projects.industryDivision,
  type: projects.type,
  projectCode: projects.projectCode,
  landmark: projects.landmark,
  greenChannel: projects.greenChannel,
  stage: projects.stage,
  furthestStage: projects.furthestStage,
  signedOn: projects.signedOn,
  startedOn: projects.startedOn,
  producingOn: projects.producingOn,
  signedWan: projects.signedWan,
  plannedWan: projects.plannedWan,
  arrivedWan: projects.arrivedWan,
  completedWan: projects.completedWan,
  eventId: projects.eventId,
  isDemo: projects.isDemo,
};
const listQuery = (db: DbOrTx) =>
  db
    .select(listColumns)
    .from(projects)
    .innerJoin(pairings, eq(pairings.id, projects.pairingId))
    .leftJoin(parks, eq(parks.id, projects.parkId));
export type ProjectListRow = Awaited<ReturnType<typeof listQuery>>[number];

type LedgerTotals = { total: number; signed: string; planned: string; arrived: string; completed: string };
/** The ledger filters project_rollups holds, one at a time, with the dimension that holds each. */
const ROLLUP_FILTERS = { side: 'side', stage: 'stage', industrySection: 'industry', year: 'year' } as const;

/**
 * The ledger's count and sums from project_rollups (kept by triggers, migration 0012) when the filter is one they
 * hold: the scope, a pairing with or without its sub-pairs, demo or not, and at most one of side, stage, industry
 * section and signing year. Null otherwise (the caller sums the projects). Its statement is built once per shape
 * whoever reads (kernel/prepared-by-shape.ts), with the reader's pairings and the filter's values as placeholders.
 */
function rollupTotals(db: DbOrTx, actor: Actor, f: Partial<ProjectListQuery>): Promise<LedgerTotals[]> | null {
  // The programme is already in the actor's scope (http/route.ts).
  const { pairingId, withSubPairs, demo, programmeId: _programme, ...rest } = f;
  const set = Object.entries(rest).filter(([, v]) => v !== undefined && v !== '');
  if (set.length > 1) return null;
  const [name, value] = set[0] ?? [];
  if (name !== undefined && !(name in ROLLUP_FILTERS)) return null;
  const dim = name === undefined ? 'stage' : ROLLUP_FILTERS[name as keyof typeof ROLLUP_FILTERS];
  const scoped = !actor.scope.all;
  const shape = `ledger|totals|${dim}|${value !== undefined}|${!!pairingId}|${withSubPairs ?? ''}|${demo !== undefined}|${scoped}`;
  const totals = preparedByShape(db, ANY_READER, shape, () => {
    const where = and(
      sql`r.dim = ${dim}`,
      value === undefined ? undefined : sql`r.key = ${sql.placeholder('key')}`,
      scoped ? sql`r.pairing_id = ANY(${SCOPE_PAIRINGS})` : undefined,
      pairingCondition(sql`r.pairing_id`, pairingId ? sql.placeholder('pairingId') : undefined, withSubPairs),
      demo === undefined ? undefined : sql`r.is_demo = ${sql.placeholder('demo')}`,
    );
    return preparedRows<LedgerTotals>(
      db,
      sql`SELECT coalesce(sum(r.projects), 0)::int AS total, coalesce(sum(r.signed_wan), 0)::text AS signed,
    coalesce(sum(r.planned_wan), 0)::text AS planned, coalesce(sum(r.arrived_wan), 0)::text AS arrived,
    coalesce(sum(r.completed_wan), 0)::text AS completed
    FROM ${projectRollups} r WHERE ${where}`,
    );
  });
  return totals({ key: value === undefined ? undefined : String(value), pairingId, demo, ...scopeValues(actor.scope) });
}

/** The page's columns under their names (listColumns), for a statement whose rows are taken as the driver gives them. */
const PAGE_COLUMNS = sql.join(
  Object.entries(listColumns).map(([name, field]) => sql`${field} AS ${sql.identifier(name)}`),
  sql`, `,
);

/**
 * How a ledger page's ids are found: `walk` the sort's index over every project, checking each against scope and
 * filters; `findFirst` the filtered rows whole (OFFSET 0 keeps the planner from walking the sort's index for them)
 * and sort them; `perPairing`: walk each scope pairing's own entries in the sort's order (its index by pairing and
 * sort key) for as many rows as the page reaches, and sort those.
 */
type PageWay = 'walk' | 'findFirst' | 'perPairing';

/**
 * The ledger's page as one statement built once per shape (kernel/prepared-by-shape.ts): the page's ids first,
 * from the projects alone, then the names of those 20, so the rows a deep page's offset skips are never joined to their names (national office, page
 * 25: PostgreSQL 2.7 → 0.6 ms, PGlite 34–50 → 2–15 ms). The reader's pairings are a placeholder (SCOPE_PAIRINGS,
 * `scoped` false: every project), so one statement serves every reader of a shape.
 *
 * Found pairing by pairing, the reader's pairings and the page's bounds are read through subqueries
 * (kernel/unseen-value.ts), so every run is priced alike and PostgreSQL keeps one plan after five runs (each pairing's
 * index walked, whatever the scope): given as values, a county's few pairings priced each run's own plan far below
 * the plan for any scope, and every run was planned afresh, which took three times the run (backend CPU per run on
 * the mix's data 1.23 → 0.37 ms). The other ways' plans depend on the values (how many rows a scope or a filter
 * holds): those keep them in sight.
 */
function ledgerPageStatement(
  scoped: boolean,
  given: GivenValues,
  shape: LedgerShape,
  f: ProjectListQuery,
  way: PageWay,
) {
  const key = SORTS[f.sort];
  const dir = f.order === 'asc' ? sql`ASC` : sql`DESC`;
  const limits = sql`LIMIT ${sql.placeholder('limit')} OFFSET ${sql.placeholder('offset')}`;
  let ids: SQL;
  if (way === 'perPairing' && scoped) {
    const narrowed = narrowing(given, shape);
    const int = (name: string) => unseen(sql.placeholder(name), 'int');
    ids = sql`SELECT c.id, c.key FROM unnest(${unseenUuids(SCOPE_PAIRINGS)}) AS s(pairing_id)
      CROSS JOIN LATERAL (SELECT ${projects.id} AS id, ${key} AS key FROM ${projects}
        WHERE ${projects.pairingId} = s.pairing_id${narrowed ? sql` AND ${narrowed}` : sql``}
        ORDER BY ${key} ${dir}, ${projects.id} ${dir} LIMIT ${int('upTo')}) c
      ORDER BY c.key ${dir}, c.id ${dir} LIMIT ${int('limit')} OFFSET ${int('offset')}`;
  } else {
    const where = and(rowsInGivenScope(scoped, projects.pairingId), narrowing(given, shape));
    const whereSql = where ? sql` WHERE ${where}` : sql``;
    ids =
      way === 'findFirst'
        ? sql`SELECT c.id, c.key FROM (SELECT ${projects.id} AS id, ${key} AS key FROM ${projects}${whereSql} OFFSET 0) c
        ORDER BY c.key ${dir}, c.id ${dir} ${limits}`
        : sql`SELECT ${projects.id} AS id, ${key} AS key FROM ${projects}${whereSql}
        ORDER BY ${key} ${dir}, ${projects.id} ${dir} ${limits}`;
  }
  return sql`SELECT ${PAGE_COLUMNS} FROM (${ids}) page
    JOIN ${projects} ON ${projects.id} = page.id
    JOIN ${pairings} ON ${pairings.id} = ${projects.pairingId}
    LEFT JOIN ${parks} ON ${parks.id} = ${projects.parkId}
    ORDER BY page.key ${dir}, page.id ${dir}`;
}

/** The most rows a sorted ledger page finds whole before sorting them (listProjects); tests set it to page both ways. */
export const ledgerFindFirst = { maxRows: 5_000 };
/** The most index entries a scoped page reads pairing by pairing (listProjects); tests set it to page every way. */
export const ledgerPerPairing = { maxEntries: 20_000 };
/** A scope of at most so many pairings is walked pairing by pairing newest first too (listProjects). */
const FEW_PAIRINGS = 4;

/** The ledger's count and sums for a filter set, kept per data version (from the rollups when they hold the filter). */
function ledgerTotals(db: DbOrTx, actor: Actor, totalsFilter: Partial<ProjectListQuery>): Promise<LedgerTotals> {
  return cachedByVersion(db, actor, `totals|${JSON.stringify(totalsFilter)}`, async () => {
    const fromRollups = rollupTotals(db, actor, totalsFilter);
    if (fromRollups) return (await fromRollups)[0]!;
    const [row] = await db
      .select({
        total: sql<number>`count(*)::int`,
        signed: sql<string>`coalesce(sum(${projects.signedWan}), 0)::text`,
        planned: sql<string>`coalesce(sum(${projects.plannedWan}), 0)::text`,
        arrived: sql<string>`coalesce(sum(${projects.arrivedWan}), 0)::text`,
        completed: sql<string>`coalesce(sum(${projects.completedWan}), 0)::text`,
      })
      .from(projects)
      .where(filters(actor, totalsFilter));
    return row!;
  });
}

/** A pairing's share of a search's totals: its matches and their sums (numeric(20,6) as text). */
type SearchPiece = { total: number; signed: string; planned: string; arrived: string; completed: string };

/**
 * A search's totals (the text alone, two characters or more), composed from each pairing's share, kept per search
 * text until that pairing's projects change (kernel/cached-per-pairing.ts): after a write only the written pairing's
 * matches are read again, not every match of the reader's scope (the whole programme's 制造: 13,043 rows, four
 * numeric sums over them). Shares missing for more than a few pairings are read through the character pairs' index,
 * grouped by pairing; those of a few pairings through each pairing's own rows, checked by ILIKE.
 */
async function searchTotals(db: DbOrTx, actor: Actor, q: string): Promise<LedgerTotals> {
  const ids = await pairingsInScope(db, actor);
  const none: SearchPiece = { total: 0, signed: '0', planned: '0', arrived: '0', completed: '0' };
  const pieces = await cachedPerPairing(
    db,
    ids,
    `ledger|search|${q}`,
    (missing) => readSearchPieces(db, missing, q),
    none,
  );
  let total = 0;
  const sums = { signed: 0n, planned: 0n, arrived: 0n, completed: 0n };
  for (const p of pieces) {
    total += p.total;
    for (const k of MONEY_SUMS) sums[k] += millionths(p[k]);
  }
  // As PostgreSQL's coalesce(sum(…), 0)::text gives them: '0' for no rows, six decimals (the columns' scale) else.
  const text = (x: bigint) => (total ? `${x / 1_000_000n}.${String(x % 1_000_000n).padStart(6, '0')}` : '0');
  return {
    total,
    signed: text(sums.signed),
    planned: text(sums.planned),
    arrived: text(sums.arrived),
    completed: text(sums.completed),
  };
}
const MONEY_SUMS = ['signed', 'planned', 'arrived', 'completed'] as const;
/** A non-negative numeric(20,6) as PostgreSQL writes it ('12.500000', or '0'), in millionths. */
const millionths = (text: string): bigint => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
};
/** The pairings up to which a search's missing shares are read pairing by pairing (searchTotals). */
const FEW_SEARCH_PIECES = 8;

async function readSearchPieces(db: DbOrTx, ids: string[], q: string): Promise<Map<string, SearchPiece>> {
  const few = ids.length <= FEW_SEARCH_PIECES;
  const columns = { title: projects.title, investor: projects.investor, code: projects.projectCode };
  const infix = sql`(${ilike(projects.title, sql.placeholder('qLike'))} OR ${ilike(projects.investor, sql.placeholder('qLike'))})`;
  const inPairings = sql`= ANY(${sql.placeholder('ids')}::uuid[])`;
  // Many pairings' shares: the matches through the pairs' index, then those of the pairings asked (OFFSET 0 keeps the
  // planner from ANDing the pairing index's entries in: for the whole programme's 228 pairings that read all 100,000
  // of them, 28 of the statement's 68 ms). A few pairings': their own rows, checked by ILIKE.
  const matches = few
    ? sql`SELECT * FROM ${projects} WHERE ${projects.pairingId} ${inPairings} AND ${searchCondition(columns, sql.placeholder('q'), infix, false)}`
    : sql`SELECT * FROM (SELECT ${projects.pairingId}, ${projects.signedWan}, ${projects.plannedWan}, ${projects.arrivedWan},
        ${projects.completedWan} FROM ${projects} WHERE ${searchCondition(columns, sql.placeholder('q'), infix, true)} OFFSET 0) m
        WHERE m.pairing_id ${inPairings}`;
  const read = preparedByShape(db, ANY_READER, `ledger|search-pieces|${few}`, () =>
    preparedRows<SearchPiece & { pairingId: string }>(
      db,
      sql`SELECT m.pairing_id::text AS "pairingId", count(*)::int AS total, sum(m.signed_wan)::text AS signed,
        sum(m.planned_wan)::text AS planned, sum(m.arrived_wan)::text AS arrived,
        sum(m.completed_wan)::text AS completed
      FROM (${matches}) m GROUP BY m.pairing_id`,
    ),
  );
  const rows = await read({ ids: uuidArrayText(ids), q, qLike: containing(q) });
  return new Map(rows.map(({ pairingId, ...piece }) => [pairingId, piece]));
}

export async function listProjects(db: DbOrTx, actor: Actor, f: ProjectListQuery) {
  const values = ledgerValues(f);
  const shape = ledgerShape(f);
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...totalsFilter } = f;
  const { given, shape: givenShape } = placeholdersOf(values, VALUE_KEYS);
  // The totals first (kept per filter set, mostly from the rollups; a search's per pairing): how many rows the
  // filter keeps decides how the page is found, and a page past the end needs no statement.
  const totals =
    givenShape === 'q,qLike' && shape.searchByGrams
      ? await searchTotals(db, actor, f.q!)
      : await ledgerTotals(db, actor, totalsFilter);
  const offset = (f.page - 1) * f.pageSize;
  if (offset >= totals.total) return { items: [] as ProjectListRow[], totals };
  // Sorted by title, amount or signing date, the rows a filter or a scope keeps may lie anywhere along that sort's
  // index — a stage's, an industry's and a county's projects cluster by title and amount — and the planner, counting
  // them as spread evenly, walked up to the whole index for a page (EXPLAIN (ANALYZE, BUFFERS) on the mix's 10× data:
  // a pairing office's 终止 projects by amount 70,748 buffers, the national office's industry J 96,599, a county's
  // projects by title at page 3 5,175). A set of up to ledgerFindFirst.maxRows rows (the total says how many) is found
  // whole and sorted instead: at most the pages the set lies on (687, 6,003 and 1,656 buffers there). A larger set
  // is walked (a pairing office's 14,000 projects by amount: ~600 buffers a page, found whole ~5,900), and so is a
  // signing year by signing date, a range of that index. A search is always found first: walking computed every row's
  // character pairs on the way (national office by signing date PostgreSQL 1.0 s, PGlite 5.2 s → 14 / 10 ms).
  // Newest first, a filter on top of the scope sent the planner down the creation time's index of every project,
  // checking each against scope and filter (EXPLAIN (ANALYZE, BUFFERS), mix's 10x data: a lead unit's pairing with
  // its sub-pairs 5,600-11,000 buffers, a county's industry R 14,621): a pairing asked for is found whole from the
  // pairing's index (migration 0034), a stage or an industry section of a scope from the pairing's by stage or by
  // section (migration 0035), index-only. Not so for the whole programme (no pairing to start from: its walk meets
  // the stage's rows every few entries) nor for a year or a side (found whole they would cost the scope's rows).
  // The whole programme at one stage or in one industry section, by title, amount or signing date, is walked along
  // that filter's index by the sort's key (migration 0037): the page's entries and no others, however many rows the
  // filter keeps (found whole, 终止 by title read every project: 5,819 buffers, 68 ms; walked on the sort's index
  // alone, industry A by amount passed 21,740 other rows).
  const walkByFilter =
    actor.scope.all && f.sort !== 'createdAt' && (givenShape === 'stage' || givenShape === 'industrySection');
  const findFirst =
    !walkByFilter &&
    (f.sort !== 'createdAt'
      ? !!f.q || (totals.total <= ledgerFindFirst.maxRows && !(f.year && f.sort === 'signedOn'))
      : totals.total <= ledgerFindFirst.maxRows &&
        (!!f.pairingId || (!actor.scope.all && (!!f.stage || !!f.industrySection))));
  // A scope too large to find whole, unfiltered, by title, amount or signing date, is walked pairing by pairing: each
  // pairing's entries of that sort's index by pairing (migration 0036) as far as the page reaches, index-only, instead
  // of the sort's index of every project past other scopes' rows (an office's 14,000 projects by title: 20,572-45,897
  // buffers for a page -> 318-566). Up to ledgerPerPairing.maxEntries entries in all (pairings × the page's reach).
  // Not filtered (each pairing's walk checks the filter on the rows: a lead unit's industry by amount 656 -> 3,469
  // buffers), nor newest first (an office's or a lead unit's deep pages sorted 10,000+ entries at 4x the time) but
  // for a scope of a few pairings (a county's, 1-4), whose pages newest first, filtered by a side or a year or not,
  // walked the creation time's index of every project (49 such pages of the mix's counties: 38,417 -> 12,899 buffers).
  const upTo = offset + f.pageSize;
  const pairings = actor.scope.all ? Infinity : actor.scope.pairingIds.length;
  const way: PageWay = findFirst
    ? 'findFirst'
    : !f.q &&
        pairings * upTo <= ledgerPerPairing.maxEntries &&
        (f.sort === 'createdAt' ? pairings <= FEW_PAIRINGS : givenShape === '')
      ? 'perPairing'
      : 'walk';
  // Built once per shape whoever reads, and run with the reader's pairings: built per scope, the mix's ~100 readers
  // times the ledger's shapes were more statements than preparedByShape keeps, each miss building its own.
  const scoped = !actor.scope.all;
  const key = `ledger|${givenShape}|${shape.withSubPairs ?? ''}|${shape.searchByGrams}|${f.sort}|${f.order}|${way}|${scoped}`;
  const page = preparedByShape(db, ANY_READER, key, () =>
    preparedRows<ProjectListRow>(db, ledgerPageStatement(scoped, given, shape, f, way)),
  );
  const items = await page({ ...values, ...scopeValues(actor.scope), limit: f.pageSize, offset, upTo });
  return { items, totals };
}

/**
 * A project with everything its page shows: the row with the names it refers to (pairing, regions, park, event),
 * its task ids, moves, reports and attachments. Read in one statement; undefined when out of scope. With
 * `forUpdate` the project's row is read first and stays locked until the transaction ends, and the history is
 * read after it in statements of their own, so it includes every other writer's commit (one statement's
 * subqueries would see only what was committed when it began).
 */
export async function findProjectDetail(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const head = {
    row: projects,
    pairingName: pairings.name,
    hostRegionName: listColumns.hostRegionName,
    investorRegionName: listColumns.investorRegionName,
    parkName: parks.name,
    eventTitle: events.title,
    taskIds: sql<string[]>`ARRAY(SELECT t.task_id::text FROM project_tasks t WHERE t.project_id = ${projects.id})`,
  };
  const named = <Q extends PgSelect>(q: Q, projectId: string | Placeholder) =>
    q
      .innerJoin(pairings, eq(pairings.id, projects.pairingId))
      .leftJoin(parks, eq(parks.id, projects.parkId))
      .leftJoin(events, eq(events.id, projects.eventId))
      .where(and(eq(projects.id, projectId), projectScope(actor)));
  if (opts.forUpdate) {
    // One after the other: a transaction has a single connection.
    const [found] = await named(db.select(head).from(projects).$dynamic(), id).for('update', { of: projects });
    if (!found) return undefined;
    const moves = await movesOf(db, id);
    const reports = await reportsOf(db, id);
    const attachments = await attachmentsOf(db, { kind: 'project', id });
    return { ...found, moves, reports, attachments };
  }
  // Built once per scope and run with this id (kernel/prepared-by-shape.ts).
  const page = preparedByShape(db, actor, 'project', () =>
    named(
      db
        .select({
          ...head,
          moves: movesColumn(projects.id),
          reports: reportsColumn(projects.id),
          attachments: attachmentsColumn('project', projects.id),
        })
        .from(projects)
        .$dynamic(),
      sql.placeholder('id'),
    ).prepare(undefined as never),
  );
  const [found] = await page.execute({ id });
  return found;
}
export type ProjectDetailRows = NonNullable<Awaited<ReturnType<typeof findProjectDetail>>>;

export type NewProjectRow = typeof projects.$inferInsert;

export async function insertProject(db: DbOrTx, values: NewProjectRow): Promise<string> {
  const [row] = await db.insert(projects).values(values).returning({ id: projects.id });
  return row!.id;
}

/** Saves an edit over the version it was read at; false when someone saved in between. */
export async function updateProjectRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewProjectRow>,
): Promise<boolean> {
  const updated = await db
    .update(projects)
    .set(patch)
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning({ id: projects.id });
  return updated.length > 0;
}

/** Saves a row the caller holds locked; answers it as stored. */
export async function saveLockedProject(db: DbOrTx, id: string, patch: Partial<NewProjectRow>): Promise<ProjectRow> {
  const [row] = await db.update(projects).set(patch).where(eq(projects.id, id)).returning();
  return row!;
}

/** Whether another project than `exceptId` has this 项目代码. */
export async function projectCodeTaken(db: DbOrTx, projectCode: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.projectCode, projectCode), exceptId ? ne(projects.id, exceptId) : undefined));
  return !!row;
}

/** Whether another project than `exceptId` has this natural key (sheet/project-import-plan.ts). */
export async function naturalKeyTaken(db: DbOrTx, key: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.naturalKey, key), exceptId ? ne(projects.id, exceptId) : undefined));
  return !!row;
}

/** Every row of a filtered ledger, for the Excel export (bounded by the caller). */
export async function ledgerRows(db: DbOrTx, actor: Actor, f: Partial<ProjectListQuery>, limit: number) {
  return listQuery(db)
    .where(filters(actor, f))
    .orderBy(asc(pairings.name), asc(projects.signedOn), asc(projects.title))
    .limit(limit);
}

export async function taskIdsOf(db: DbOrTx, projectId: string) {
  return (
    await db.select({ taskId: projectTasks.taskId }).from(projectTasks).where(eq(projectTasks.projectId, projectId))
  ).map((r) => r.taskId);
}

export async function replaceTasks(db: DbOrTx, projectId: string, taskIds: string[]) {
  await db.delete(projectTasks).where(eq(projectTasks.projectId, projectId));
  if (taskIds.length)
    await db.insert(projectTasks).values([...new Set(taskIds)].map((taskId) => ({ projectId, taskId })));
}

/** Tasks of the pairing's plans among `ids`. */
export async function pairingTaskIds(db: DbOrTx, pairingId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await db.execute<{ id: string }>(
    sql`SELECT id FROM tasks WHERE pairing_id = ${pairingId} AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
  return new Set(r.rows.map((x) => x.id));
}

/**
 * Which side of a pairing each region belongs to: the side's own regions and everything below them. One query
 * per pairing; the import resolves thousands of rows against the map it returns.
 */
export async function pairingSideRoots(db: DbOrTx, pairingId: string) {
  return db
    .select({ code: pairingSideRegions.regionCode, side: pairingSideRegions.side })
    .from(pairingSideRegions)
    .where(eq(pairingSideRegions.pairingId, pairingId));
}

export async function pairingName(db: DbOrTx, pairingId: string) {
  const [row] = await db.select({ name: pairings.name }).from(pairings).where(eq(pairings.id, pairingId));
  return row?.name ?? null;
}

export async function parkInPairing(db: DbOrTx, pairingId: string, parkId: string) {
  const [row] = await db
    .select({ id: parks.id })
    .from(parks)
    .where(and(eq(parks.id, parkId), eq(parks.pairingId, pairingId)));
  return !!row;
}

export async function parksByName(db: DbOrTx, pairingId: string) {
  const rows = await db.select({ id: parks.id, name: parks.name }).from(parks).where(eq(parks.pairingId, pairingId));
  return new Map(rows.map((r) => [r.name, r.id]));
}

export async function projectsByNaturalKey(db: DbOrTx, keys: string[]) {
  if (!keys.length) return [];
  return db
    .select({
      id: projects.id,
      naturalKey: projects.naturalKey,
      fingerprint: projects.importFingerprint,
      furthestStage: projects.furthestStage,
      pairingId: projects.pairingId,
    })
    .from(projects)
    .where(inArray(projects.naturalKey, keys));
}
