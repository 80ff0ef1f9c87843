import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { MeetingKind, Side } from '../../../common/api/enums.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { cachedPerPairing } from '../../kernel/cached-per-pairing.ts';
import { dayMarks, fromDayMark, fromTop, idsFromDayMark, idsFromTop, pageStart } from '../../kernel/page-marks.ts';
import {
  type Given,
  placeholdersOf,
  preparedByShape,
  preparedRows,
  underOwnNames,
} from '../../kernel/prepared-by-shape.ts';
import { rowsInPairingScope, uuidArray } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { trackedItems } from '../tracking/tracking.tables.ts';
import { meetingRotations, meetings } from './meetings.tables.ts';

export const meetingScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, meetings.pairingId);

const decisionsOf = sql`${trackedItems.source} = 'meeting_decision' AND ${trackedItems.sourceId} = ${meetings.id}`;

/**
 * A meeting's two decision counts from one walk of its decisions in tracked_items_source_state_idx, joined to each
 * listed meeting: as two subqueries, a page of 50 walked each meeting's decisions twice (327 → 226 buffer hits,
 * EXPLAIN ANALYZE on the bench's data).
 */
const decisionCounts = sql`LATERAL (SELECT count(*)::int AS n, count(*) FILTER (WHERE ${trackedItems.state} <> 'closed')::int AS open
  FROM ${trackedItems} WHERE ${decisionsOf}) decisions`;

const summaryColumns = {
  id: meetings.id,
  pairingId: meetings.pairingId,
  pairingName: pairings.name,
  kind: meetings.kind,
  title: meetings.title,
  heldOn: meetings.heldOn,
  endsOn: meetings.endsOn,
  place: meetings.place,
  hostSide: meetings.hostSide,
  decisionCount: sql<number>`decisions.n`,
  openDecisionCount: sql<number>`decisions.open`,
  isDemo: meetings.isDemo,
};
export type MeetingSummaryRow = SelectResultFields<typeof summaryColumns>;

/**
 * A list page's row: the summary but its decision counts (kept per pairing, decisionCountsOf), its pairing's name
 * looked up by key for each of the page's rows rather than by hashing every pairing (10–100 rows against 228).
 */
const { decisionCount: _n, openDecisionCount: _open, ...pageFields } = summaryColumns;
const pageColumns = {
  ...pageFields,
  pairingName: sql<string>`(SELECT ${pairings.name} FROM ${pairings} WHERE ${pairings.id} = ${meetings.pairingId})`,
};
type MeetingPageRow = Omit<MeetingSummaryRow, 'decisionCount' | 'openDecisionCount'>;

/** A meeting's decisions and how many of them are not closed. */
type DecisionCounts = readonly [n: number, open: number];
const NO_DECISIONS: DecisionCounts = [0, 0];

/**
 * The decision counts of every meeting of each of `pairingIds`, kept per pairing until its meetings or tracked items
 * change (kernel/cached-per-pairing.ts; a decision is of its meeting's pairing, tracking.service raiseItems): counted
 * in each list page's statement they were half its database time (a walk of each row's decisions, 0.40 → 0.20 ms
 * per page on PostgreSQL, the stage's data).
 */
function decisionCountsOf(db: DbOrTx, pairingIds: readonly string[]): Promise<Map<string, DecisionCounts>[]> {
  return cachedPerPairing(
    db,
    pairingIds,
    'meetings|decision-counts',
    async (ids) => {
      const { rows } = await db.execute<{ pairingId: string; id: string; n: number; open: number }>(sql`
        SELECT ${meetings.pairingId} AS "pairingId", ${meetings.id} AS id, count(*)::int AS n,
               count(*) FILTER (WHERE ${trackedItems.state} <> 'closed')::int AS open
        FROM ${meetings} JOIN ${trackedItems} ON ${decisionsOf}
        WHERE ${meetings.pairingId} = ANY(${uuidArray(ids)})
        GROUP BY ${meetings.pairingId}, ${meetings.id}`);
      const out = new Map<string, Map<string, DecisionCounts>>();
      for (const r of rows) {
        let counts = out.get(r.pairingId);
        if (!counts) out.set(r.pairingId, (counts = new Map()));
        counts.set(r.id, [r.n, r.open]);
      }
      return out;
    },
    new Map<string, DecisionCounts>(),
  );
}

type MeetingFilter = { pairingId?: string; kind?: MeetingKind; year?: number; demo?: boolean };
const FILTER_KEYS = ['pairingId', 'kind', 'year', 'demo'] as const;
type GivenFilter = Given<MeetingFilter>;

const filterOf = (actor: Actor, f: GivenFilter) =>
  and(
    meetingScope(actor),
    f.pairingId ? eq(meetings.pairingId, f.pairingId) : undefined,
    f.kind ? eq(meetings.kind, f.kind) : undefined,
    f.year
      ? sql`${meetings.heldOn} >= make_date(${f.year}::int, 1, 1) AND ${meetings.heldOn} < make_date(${f.year}::int + 1, 1, 1)`
      : undefined,
    f.demo !== undefined ? eq(meetings.isDemo, f.demo) : undefined,
  );

/** The list's order, latest first; its marks (kernel/page-marks.ts) are keys in this order. */
const listOrder = [desc(meetings.heldOn), asc(meetings.id)];

export async function listMeetings(db: DbOrTx, actor: Actor, f: MeetingFilter, page: number, pageSize: number) {
  // The filter's total and every MARK_EVERY-th meeting's key (kernel/page-marks.ts) are the same for every page:
  // each kept per scope and filter until the meetings are written (kernel/cached-by-version.ts), the marks asked
  // only for a page past the first mark. A page past the total reads nothing; a deep page walks from its nearest
  // mark, not from the first meeting. The page is always read.
  const key = JSON.stringify(f);
  const where = () => filterOf(actor, f);
  // Awaited inside: a query run lazily, after compute returned, would escape the tracking of what it read.
  const total = await cachedByVersion(db, actor, `meetings|count|${key}`, async () => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(meetings).where(where());
    return row!.n;
  });
  const offset = (page - 1) * pageSize;
  if (offset >= total) return { items: [], total };
  const { mark, skip } = await pageStart(offset, () =>
    cachedByVersion(
      db,
      actor,
      `meetings|marks|${key}`,
      async () => await dayMarks(db, meetings, meetings.heldOn, meetings.id, where()),
    ),
  );
  // The page's ids first, then its rows by key. Built once per filter shape and scope (kernel/page-marks.ts), run
  // with this request's values.
  const { given, shape } = placeholdersOf(f, FILTER_KEYS);
  const pageQuery = preparedByShape(db, actor, `meetings|${shape}|${mark ? 'fromMark' : ''}`, () => {
    const inOrder = (after?: SQL) =>
      db
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(filterOf(actor, given), after))
        .orderBy(...listOrder);
    const page = db
      .select(underOwnNames(pageColumns))
      .from(meetings)
      .where(mark ? idsFromDayMark(meetings.heldOn, meetings.id, inOrder) : idsFromTop(meetings.id, inOrder()))
      .orderBy(...listOrder);
    // Its rows as the driver gives them: every column reads as Drizzle would map it (text, uuid, dates as text,
    // numbers, booleans), without its mapping of each field of each row.
    return preparedRows<MeetingPageRow>(db, page.getSQL());
  });
  const rows = await pageQuery({ ...f, ...(mark ? fromDayMark(mark, skip, pageSize) : fromTop(skip, pageSize)) });
  const pairingIds = [...new Set(rows.map((r) => r.pairingId))];
  const counts = await decisionCountsOf(db, pairingIds);
  const countsOf = new Map(pairingIds.map((id, i) => [id, counts[i]!]));
  // Set on the driver's own rows: a copy of each row with its counts cost more than reading them.
  const items = rows as MeetingSummaryRow[];
  for (const r of items) {
    const counts = countsOf.get(r.pairingId)!.get(r.id) ?? NO_DECISIONS;
    r.decisionCount = counts[0];
    r.openDecisionCount = counts[1];
  }
  return { items, total };
}

export async function findMeeting(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), meetingScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

/** A meeting with its summary figures, in one query; undefined when out of scope. */
export async function findMeetingDetail(db: DbOrTx, actor: Actor, id: string) {
  const [found] = await db
    .select({ summary: summaryColumns, row: meetings })
    .from(meetings)
    .innerJoin(pairings, eq(pairings.id, meetings.pairingId))
    .innerJoin(decisionCounts, sql`true`)
    .where(and(eq(meetings.id, id), meetingScope(actor)));
  return found;
}
export type MeetingDetailRows = NonNullable<Awaited<ReturnType<typeof findMeetingDetail>>>;

export async function insertMeeting(db: DbOrTx, values: typeof meetings.$inferInsert): Promise<string> {
  const [row] = await db.insert(meetings).values(values).returning({ id: meetings.id });
  return row!.id;
}

export async function updateMeetingRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof meetings.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(meetings)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning({ id: meetings.id });
  return updated.length > 0;
}

export async function findRotation(db: DbOrTx, pairingId: string, kind: MeetingKind): Promise<Side[]> {
  const [row] = await db
    .select({ sides: meetingRotations.sides })
    .from(meetingRotations)
    .where(and(eq(meetingRotations.pairingId, pairingId), eq(meetingRotations.kind, kind)));
  return row?.sides ?? [];
}

export async function saveRotation(
  db: DbOrTx,
  pairingId: string,
  kind: MeetingKind,
  sides: Side[],
  isDemo = false,
): Promise<void> {
  if (!sides.length) {
    await db
      .delete(meetingRotations)
      .where(and(eq(meetingRotations.pairingId, pairingId), eq(meetingRotations.kind, kind)));
    return;
  }
  await db
    .insert(meetingRotations)
    .values({ pairingId, kind, sides, isDemo })
    .onConflictDoUpdate({
      target: [meetingRotations.pairingId, meetingRotations.kind],
      set: { sides, isDemo, updatedAt: new Date() },
    });
}

/** The latest meeting of a kind held before a date (or at all), other than the one being edited. */
export async function lastMeeting(
  db: DbOrTx,
  pairingId: string,
  kind: MeetingKind,
  opts: { before?: string; except?: string } = {},
) {
  const [row] = await db
    .select({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn, hostSide: meetings.hostSide })
    .from(meetings)
    .where(
      and(
        eq(meetings.pairingId, pairingId),
        eq(meetings.kind, kind),
        opts.before ? sql`${meetings.heldOn} < ${opts.before}::date` : undefined,
        opts.except ? sql`${meetings.id} <> ${opts.except}` : undefined,
      ),
    )
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
    .limit(1);
  return row;
}
