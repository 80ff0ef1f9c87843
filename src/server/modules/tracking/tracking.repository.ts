import { and, asc, desc, eq, inArray, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { ItemStatus } from '../../../common/api/enums.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { attachmentsOf } from '../../kernel/attachments/attachments.repository.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { cachedPerPairing } from '../../kernel/cached-per-pairing.ts';
import { fromTop, idsFromTop, isMark, pageStart } from '../../kernel/page-marks.ts';
import { placeholdersOf, preparedByShape, preparedRows, underOwnNames } from '../../kernel/prepared-by-shape.ts';
import { pairingCondition, rowsInPairingScope, uuidArray } from '../../kernel/pairing-scope.repository.ts';
import { notifications } from '../../kernel/notifications/notifications.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { trackedItemNotes, trackedItemOwners, trackedItems } from './tracking.tables.ts';
import { seesOnlyOwnItems } from './tracking.policy.ts';

/**
 * The unit's items by id, from its owner rows: an ARRAY(…) is computed once, and the items are then read by primary
 * key. As EXISTS, the planner took a unit's ~500 of 50,000 items for a hash join over every item (8–30 ms against
 * 1.5–3.5 ms, EXPLAIN ANALYZE on the bench's PostgreSQL data).
 */
const ownedBy = (organisationId: string | Placeholder) =>
  sql`${trackedItems.id} = ANY(ARRAY(SELECT o.item_id FROM ${trackedItemOwners} o WHERE o.organisation_id = ${organisationId}))`;

/** Items of the pairings in scope; a unit that only reports sees the items it owns. */
export function itemScope(actor: Actor): SQL | undefined {
  return and(
    rowsInPairingScope(actor, trackedItems.pairingId),
    seesOnlyOwnItems(actor) ? ownedBy(actor.organisationId) : undefined,
  );
}

/** 逾期 is read from the deadline at query time, so a list never shows a stale status. */
const statusSql = (today: string | Placeholder) =>
  sql<ItemStatus>`CASE WHEN ${trackedItems.state} = 'closed' THEN 'closed' WHEN ${trackedItems.deadline} < ${today}::date THEN 'overdue' ELSE ${trackedItems.state} END`;

/**
 * The same statuses as conditions on the stored columns, so a status filter can use the deadline indexes
 * (`statusSql(today) = x` cannot: it is computed for every row).
 */
const hasStatus = (status: ItemStatus, today: string | Placeholder): SQL => {
  const late = sql`${trackedItems.deadline} < ${today}::date`;
  if (status === 'closed') return sql`${trackedItems.state} = 'closed'`;
  if (status === 'overdue') return sql`${trackedItems.state} <> 'closed' AND ${late}`;
  return sql`${trackedItems.state} = ${status} AND NOT (${late})`;
};

const summaryColumns = (today: string | Placeholder) => ({
  id: trackedItems.id,
  pairingId: trackedItems.pairingId,
  pairingName: pairings.name,
  source: trackedItems.source,
  sourceId: trackedItems.sourceId,
  sourceTitle: trackedItems.sourceTitle,
  seq: trackedItems.seq,
  text: trackedItems.text,
  deadline: trackedItems.deadline,
  status: statusSql(today),
  closedAt: trackedItems.closedAt,
  isDemo: trackedItems.isDemo,
});

export interface ItemFilter {
  pairingId?: string;
  withSubPairs?: boolean;
  source?: string;
  sourceId?: string;
  status?: ItemStatus;
  organisationId?: string;
  taskId?: string;
  projectId?: string;
  mine?: boolean;
  dueBefore?: string;
  demo?: boolean;
}

/** The filters a page statement takes as placeholders (kernel/prepared-by-shape.ts); the others shape it by value. */
const PLACEHOLDER_KEYS = ['source', 'sourceId', 'organisationId', 'taskId', 'projectId', 'dueBefore', 'demo'] as const;
type GivenItemFilter = Omit<ItemFilter, 'status' | (typeof PLACEHOLDER_KEYS)[number]> & {
  [K in (typeof PLACEHOLDER_KEYS)[number]]?: ItemFilter[K] | Placeholder;
};

function filterCondition(actor: Actor, f: GivenItemFilter): SQL | undefined {
  return and(
    itemScope(actor),
    pairingCondition(trackedItems.pairingId, f.pairingId, f.withSubPairs),
    f.source ? eq(trackedItems.source, f.source as never) : undefined,
    f.sourceId ? eq(trackedItems.sourceId, f.sourceId) : undefined,
    f.organisationId ? ownedBy(f.organisationId) : undefined,
    f.mine ? ownedBy(actor.organisationId) : undefined,
    f.taskId ? sql`${trackedItems.taskIds} @> ARRAY[${f.taskId}]::uuid[]` : undefined,
    f.projectId ? sql`${trackedItems.projectIds} @> ARRAY[${f.projectId}]::uuid[]` : undefined,
    f.dueBefore ? sql`${trackedItems.deadline} <= ${f.dueBefore}::date` : undefined,
    f.demo !== undefined ? eq(trackedItems.isDemo, f.demo) : undefined,
  );
}

/** An item's owner units as they are shown: the lead first, then by name. */
const ownerOrder = [asc(trackedItemOwners.role), asc(organisations.name)];

type OwnerFields = Pick<OwnerRow, 'organisationId' | 'name' | 'side' | 'role'>;
type ListedRow = Awaited<ReturnType<typeof listedRows>>[number];
export type ItemSummaryRow = ListedRow & { pairingName: string; owners: readonly OwnerFields[] };

/** What a list shows of an item beside its own row: its pairing's name, and its owner units in their order. */
interface ListedPiece {
  pairingName: string;
  owners: ReadonlyMap<string, readonly OwnerFields[]>;
}
const NO_OWNERS: readonly OwnerFields[] = Object.freeze([]);
const NO_PIECE: ListedPiece = { pairingName: '', owners: new Map() };

/**
 * Each of `pairingIds`' name and its items' owner units (in ownerOrder), kept per pairing until its items, their
 * owners, the organisations or the pairing change (kernel/cached-per-pairing.ts): read by every list page far more
 * often than written. Joined in each page's statement, the owner rows and their units' names were 40 % of its
 * database time (two index probes and a heap row per item: 0.71 against 0.42 ms per page on PostgreSQL, the bench's
 * data), and the pairing's name another 0.06 ms. An owner, and an item's list of owners, read alike are kept once.
 */
function listedPieces(db: DbOrTx, pairingIds: readonly string[]): Promise<ListedPiece[]> {
  return cachedPerPairing(
    db,
    pairingIds,
    'tracking|listed',
    async (ids) => {
      const rows = await db
        .select({
          pairingId: pairings.id,
          pairingName: pairings.name,
          itemId: trackedItemOwners.itemId,
          organisationId: trackedItemOwners.organisationId,
          name: organisations.name,
          side: trackedItemOwners.side,
          role: trackedItemOwners.role,
        })
        .from(pairings)
        .leftJoin(trackedItems, eq(trackedItems.pairingId, pairings.id))
        .leftJoin(trackedItemOwners, eq(trackedItemOwners.itemId, trackedItems.id))
        .leftJoin(organisations, eq(organisations.id, trackedItemOwners.organisationId))
        .where(inArray(pairings.id, ids))
        .orderBy(asc(trackedItemOwners.itemId), ...ownerOrder);
      const pieces = new Map<string, ListedPiece & { owners: Map<string, readonly OwnerFields[]> }>();
      const shared = new Map<string, OwnerFields | readonly OwnerFields[]>();
      const once = <T extends OwnerFields | readonly OwnerFields[]>(key: string, value: T): T => {
        const found = shared.get(key) as T | undefined;
        if (found) return found;
        Object.freeze(value);
        shared.set(key, value);
        return value;
      };
      let item: string | null = null;
      let list: OwnerFields[] = [];
      let listKey = '';
      let into: Map<string, readonly OwnerFields[]> | undefined;
      const flush = () => {
        if (item !== null) into!.set(item, once(listKey, list));
      };
      for (const r of rows) {
        let piece = pieces.get(r.pairingId);
        if (!piece) pieces.set(r.pairingId, (piece = { pairingName: r.pairingName, owners: new Map() }));
        // An item's rows come together (ordered by item); an item without owners, or a pairing without items, has
        // no owner row (its owner fields are null through the left joins).
        if (r.itemId === null || r.organisationId === null) continue;
        if (r.itemId !== item) {
          flush();
          item = r.itemId;
          list = [];
          listKey = '';
          into = piece.owners;
        }
        const key = `${r.organisationId}|${r.role}|${r.side}|${r.name}`;
        list.push(once(key, { organisationId: r.organisationId, name: r.name!, side: r.side, role: r.role! }));
        listKey += `${key};`;
      }
      flush();
      return pieces;
    },
    NO_PIECE,
  );
}

/** Listed rows as items, each with its pairing's name and its owners (listedPieces). */
async function withPieces(db: DbOrTx, rows: ListedRow[]): Promise<ItemSummaryRow[]> {
  const pairingIds = [...new Set(rows.map((r) => r.pairingId))];
  const pieces = await listedPieces(db, pairingIds);
  const byPairing = new Map(pairingIds.map((id, i) => [id, pieces[i]!]));
  const items = rows as ItemSummaryRow[];
  for (const r of items) {
    const piece = byPairing.get(r.pairingId)!;
    r.pairingName = piece.pairingName;
    r.owners = piece.owners.get(r.id) ?? NO_OWNERS;
  }
  return items;
}

/** A listed item's own columns: its pairing's name comes with its owners (listedPieces). */
const listedFields = (day: string | Placeholder) => {
  const { pairingName: _name, ...own } = summaryColumns(day);
  return own;
};

/**
 * Listed items' own rows in `order` (withPieces adds their pairings' names and their owners). `named`: each field
 * under its own name, for a page statement run by itemPage (its builder's row type is then not what it reads; only its
 * SQL is used).
 */
const listedRows = (db: DbOrTx, day: string | Placeholder, where: SQL | undefined, order: SQL[], named = false) => {
  const fields = listedFields(day);
  return db
    .select(named ? (underOwnNames(fields) as unknown as typeof fields) : fields)
    .from(trackedItems)
    .where(where)
    .orderBy(...order);
};

/**
 * A page statement whose rows are taken as the driver gives them (kernel/prepared-by-shape.ts preparedRows), without
 * Drizzle's mapping of each field of each row; every column reads as Drizzle would map it but the closing time, made
 * a Date here as Drizzle makes it.
 */
function itemPage(db: DbOrTx, statement: SQL) {
  const rows = preparedRows<ListedRow>(db, statement);
  return async (values: Record<string, unknown>) => {
    const page = await rows(values);
    for (const r of page) if (r.closedAt !== null) r.closedAt = new Date(r.closedAt as unknown as string);
    return withPieces(db, page);
  };
}

/** An item's place in a list: what its status and the list's order are decided from. */
interface ItemKey {
  id: string;
  state: string;
  deadline: string;
  seq: number;
}

/** `statusSql` on a kept key. */
const statusOfKey = (k: ItemKey, today: string): ItemStatus =>
  k.state === 'closed' ? 'closed' : k.deadline < today ? 'overdue' : (k.state as ItemStatus);

/** The list's order without its closed-last part: deadline, seq, id (a uuid's text sorts as PostgreSQL sorts it). */
const byDeadline = (a: ItemKey, b: ItemKey) =>
  a.deadline < b.deadline
    ? -1
    : a.deadline > b.deadline
      ? 1
      : a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A unit's items (an owner filter, 'mine', or a unit that sees only its own): its few hundred items' keys, read once
 * per data version, give every page's ids and the counts by status. From the indexes, each page read all the unit's
 * items by key (its ids are scattered over the table) to filter and sort them: 3.6–5.3 ms of backend CPU per page on
 * the bench's data (a unit with 543 items), against a page read by its ids.
 */
async function unitItemKeys(db: DbOrTx, actor: Actor, ownUnit: string, f: Omit<ItemFilter, 'status'>) {
  return cachedByVersion(db, actor, `itemKeys|${ownUnit}|${JSON.stringify(f)}`, async () => {
    const keys = await db
      .select({
        id: trackedItems.id,
        state: trackedItems.state,
        deadline: sql<string>`${trackedItems.deadline}::text`,
        seq: trackedItems.seq,
      })
      .from(trackedItems)
      .where(filterCondition(actor, f));
    return keys.sort(byDeadline);
  });
}

/** A unit's kept keys as its pages read them on a day: the ids of each status and of the whole list, and the counts. */
interface UnitView {
  today: string;
  /** In the list's order; the whole list ('') has the closed items last. */
  ids: Record<ItemStatus | '', string[]>;
  counts: Record<ItemStatus, number>;
}
const unitViews = new WeakMap<readonly ItemKey[], UnitView>();

/**
 * The view of a unit's kept keys on `today`, made once per keys (a data version) and day. Made for each page, the
 * status of each of the unit's ~500 keys was ~5 % of the main thread's busy time under the bench's tracked-items load
 * (--cpu-prof; a key's state, a string from the driver, indexed the counts by its text every time).
 */
function unitView(keys: readonly ItemKey[], today: string): UnitView {
  const kept = unitViews.get(keys);
  if (kept?.today === today) return kept;
  const ids: UnitView['ids'] = { not_started: [], in_progress: [], closed: [], overdue: [], '': [] };
  for (const k of keys) {
    ids[statusOfKey(k, today)].push(k.id);
    if (k.state !== 'closed') ids[''].push(k.id);
  }
  ids[''].push(...ids.closed);
  const counts = {
    not_started: ids.not_started.length,
    in_progress: ids.in_progress.length,
    closed: ids.closed.length,
    overdue: ids.overdue.length,
  };
  const view = { today, ids, counts };
  unitViews.set(keys, view);
  return view;
}

/** The list's order under a status (all open or all closed): tracked_items_open_order_idx's and _state_order_idx's. */
const byDeadlineSql = [asc(trackedItems.deadline), asc(trackedItems.seq), asc(trackedItems.id)];

/**
 * The key of every MARK_EVERY-th item of a status under a filter (kernel/page-marks.ts), in the list's order, kept per
 * scope, day and filter until the items are written: one pass over the status's index entries, against a walk of
 * every entry before each deep page (the bench's overdue and closed lists: 30,000 and 19,000 items, pages 6,000
 * deep on average).
 */
function statusMarks(
  db: DbOrTx,
  actor: Actor,
  ownUnit: string,
  status: ItemStatus,
  f: Omit<ItemFilter, 'status'>,
  today: string,
) {
  return cachedByVersion(db, actor, `items|marks|${ownUnit}|${status}|${today}|${JSON.stringify(f)}`, async () => {
    const numbered = db
      .select({
        deadline: sql<string>`${trackedItems.deadline}::text`.as('deadline'),
        seq: trackedItems.seq,
        id: trackedItems.id,
        n: sql<number>`row_number() OVER (ORDER BY ${sql.join(byDeadlineSql, sql`, `)})`.as('n'),
      })
      .from(trackedItems)
      .where(and(filterCondition(actor, f), hasStatus(status, today)))
      .as('numbered');
    // Awaited inside: a query run lazily, after compute returned, would escape the tracking of what it read.
    return await db
      .select({ deadline: numbered.deadline, seq: numbered.seq, id: numbered.id })
      .from(numbered)
      .where(isMark(numbered.n))
      .orderBy(numbered.n);
  });
}

/**
 * A page of items (most urgent first), the total, and the counts by status under every filter but the status (`f`
 * below is the filter without it: the counts do not depend on it, and the total is the status's count).
 */
export async function listItems(
  db: DbOrTx,
  actor: Actor,
  { status, ...f }: ItemFilter,
  today: string,
  page: { page: number; pageSize: number } | 'all',
) {
  const base = filterCondition(actor, f);
  // Closed items last; under a status filter they are all closed or all open, and the plain order can walk an index.
  const order = [
    ...(status ? [] : [sql`${trackedItems.state} = 'closed'`]),
    asc(trackedItems.deadline),
    asc(trackedItems.seq),
    asc(trackedItems.id),
  ];
  const whereOf = (given: GivenItemFilter, day: string | Placeholder) =>
    and(filterCondition(actor, given), status ? hasStatus(status, day) : undefined);
  // A page's statement, built once per shape (below) and run by itemPage.
  const statement = (given: GivenItemFilter, day: Placeholder, fromMark?: SQL) => {
    const where = whereOf(given, day);
    const listed = (w: SQL | undefined) => listedRows(db, day, w, order, true);
    // A page's ids first, in the list's order from tracked_items_open_order_idx / tracked_items_state_order_idx: the
    // rows before the page are index entries, not rows read and joined; only the page's rows are read whole.
    const inOrder = (cond: SQL | undefined) =>
      db
        .select({ id: trackedItems.id })
        .from(trackedItems)
        .where(and(where, fromMark, cond))
        .orderBy(...byDeadlineSql);
    // Closed last (no index has that order): the first `end` open ids, then as many closed ones, each from its
    // index, and the page is that array's slice — instead of sorting every item in scope for each page.
    const end = sql.placeholder('end');
    const first = (cond: SQL) => inOrder(cond).limit(end);
    // Under a status, the first ids from the top or the mark, to the page's end, and the page their slice (page-marks).
    const pageIds = status
      ? idsFromTop(trackedItems.id, inOrder(undefined))
      : sql`${trackedItems.id} = ANY((ARRAY(${first(sql`${trackedItems.state} <> 'closed'`)}) || ARRAY(${first(
          sql`${trackedItems.state} = 'closed'`,
        )}))[${sql.placeholder('start')}:${end}])`;
    return itemPage(db, listed(pageIds).getSQL());
  };
  // Built once per filter shape, status, scope and own unit, run with this request's values.
  const ownUnit = seesOnlyOwnItems(actor) || f.mine ? actor.organisationId : '';
  if (page !== 'all' && (f.organisationId || ownUnit)) {
    const { ids: idsOf, counts } = unitView(await unitItemKeys(db, actor, ownUnit, f), today);
    const from = (page.page - 1) * page.pageSize;
    const ids = idsOf[status ?? ''].slice(from, from + page.pageSize);
    const prepared = preparedByShape(db, actor, `items|byIds|${ownUnit}|${status ? 'status' : ''}`, () =>
      // The scope again: the ids were chosen under it, and a page never shows what the scope does not.
      itemPage(
        db,
        listedRows(
          db,
          sql.placeholder('today'),
          and(itemScope(actor), sql`${trackedItems.id} = ANY(${sql.placeholder('ids')}::uuid[])`),
          order,
          true,
        ).getSQL(),
      ),
    );
    const items = ids.length ? await prepared({ today, ids }) : [];
    const total = status ? counts[status] : idsOf[''].length;
    return { items, total, counts };
  }
  // The counts are the same for every page: kept per scope (and, where only owned items are seen or asked for, per
  // unit), day and filter until a table they read is written (kernel/cached-by-version.ts).
  const countsKey = `items|${ownUnit}|${today}|${JSON.stringify(f)}`;
  const countsOf = () =>
    cachedByVersion(db, actor, countsKey, async () => {
      const [row] = await db
        .select({
          not_started: sql<number>`count(*) FILTER (WHERE ${hasStatus('not_started', today)})::int`,
          in_progress: sql<number>`count(*) FILTER (WHERE ${hasStatus('in_progress', today)})::int`,
          closed: sql<number>`count(*) FILTER (WHERE ${hasStatus('closed', today)})::int`,
          overdue: sql<number>`count(*) FILTER (WHERE ${hasStatus('overdue', today)})::int`,
        })
        .from(trackedItems)
        .where(base);
      return row!;
    });
  if (page !== 'all' && status) {
    // A status's page: its count (kept) says a page past the end is empty without a query, and a deep page walks
    // its index from the nearest kept mark (kernel/page-marks.ts), not from the status's first item.
    const counts = await countsOf();
    const total = counts[status];
    const from = (page.page - 1) * page.pageSize;
    if (from >= total) return { items: [], total, counts };
    const { mark, skip } = await pageStart(from, () => statusMarks(db, actor, ownUnit, status, f, today));
    const { given, shape } = placeholdersOf(f, PLACEHOLDER_KEYS);
    const prepared = preparedByShape(
      db,
      actor,
      `items|${ownUnit}|${status}|${f.pairingId ?? ''}|${!!f.withSubPairs}|${!!f.mine}|${shape}|${mark ? 'fromMark' : ''}`,
      () =>
        statement(
          { ...f, ...given },
          sql.placeholder('today'),
          // The list's order is one direction on every column: the mark is a row comparison the index starts from.
          mark
            ? sql`(${trackedItems.deadline}, ${trackedItems.seq}, ${trackedItems.id}) >= (${sql.placeholder('markDeadline')}::date, ${sql.placeholder('markSeq')}::int, ${sql.placeholder('markId')}::uuid)`
            : undefined,
        ),
    );
    const items = await prepared({
      ...f,
      today,
      ...fromTop(skip, page.pageSize),
      ...(mark && { markDeadline: mark.deadline, markSeq: mark.seq, markId: mark.id }),
    });
    return { items, total, counts };
  }
  const query = () => {
    if (page === 'all') return listedRows(db, today, whereOf(f, today), order).then((rows) => withPieces(db, rows));
    const { given, shape } = placeholdersOf(f, PLACEHOLDER_KEYS);
    const prepared = preparedByShape(
      db,
      actor,
      `items|${ownUnit}|${status ?? ''}|${f.pairingId ?? ''}|${!!f.withSubPairs}|${!!f.mine}|${shape}`,
      () => statement({ ...f, ...given }, sql.placeholder('today')),
    );
    const from = (page.page - 1) * page.pageSize;
    return prepared({ ...f, today, size: page.pageSize, from, start: from + 1, end: from + page.pageSize });
  };
  const [items, counts] = await Promise.all([query(), countsOf()]);
  const total = status ? counts[status] : counts.not_started + counts.in_progress + counts.closed + counts.overdue;
  return { items, total, counts };
}

export type OwnerRow = Awaited<ReturnType<typeof ownersOf>>[number];

/** The owners of one item (its detail page); a list aggregates its items' owners in its own statement (`itemOwners`). */
export async function ownersOf(db: DbOrTx, itemIds: readonly string[]) {
  if (!itemIds.length) return [];
  return db
    .select({
      itemId: trackedItemOwners.itemId,
      organisationId: trackedItemOwners.organisationId,
      name: organisations.name,
      side: trackedItemOwners.side,
      role: trackedItemOwners.role,
    })
    .from(trackedItemOwners)
    .innerJoin(organisations, eq(organisations.id, trackedItemOwners.organisationId))
    .where(inArray(trackedItemOwners.itemId, [...itemIds]))
    .orderBy(...ownerOrder);
}

/** The item as stored, for a change (locked when asked, so two closings cannot both pass the version check). */
export async function findItem(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(trackedItems)
    .where(and(eq(trackedItems.id, id), itemScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update', { of: trackedItems }) : q);
  return row;
}

/** An item with its owners, its record and its files, in four queries; undefined when out of scope. */
export async function findItemDetail(db: DbOrTx, actor: Actor, id: string, today: string) {
  const [[summary], owners, notes, files] = await Promise.all([
    db
      .select({
        ...summaryColumns(today),
        taskIds: trackedItems.taskIds,
        projectIds: trackedItems.projectIds,
        version: trackedItems.version,
      })
      .from(trackedItems)
      .innerJoin(pairings, eq(pairings.id, trackedItems.pairingId))
      .where(and(eq(trackedItems.id, id), itemScope(actor))),
    ownersOf(db, [id]),
    db
      .select({
        id: trackedItemNotes.id,
        kind: trackedItemNotes.kind,
        note: trackedItemNotes.note,
        percent: trackedItemNotes.percent,
        link: trackedItemNotes.link,
        actorName: trackedItemNotes.actorName,
        organisationName: organisations.name,
        at: trackedItemNotes.at,
      })
      .from(trackedItemNotes)
      .leftJoin(organisations, eq(organisations.id, trackedItemNotes.organisationId))
      .where(eq(trackedItemNotes.itemId, id))
      .orderBy(desc(trackedItemNotes.at), desc(trackedItemNotes.id)),
    attachmentsOf(db, { kind: 'tracked_item', id }),
  ]);
  // Owners, notes and files were read by id alongside the scoped row; they count only when that row is visible.
  if (!summary) return undefined;
  const links = await linkedRecords(db, actor, summary.taskIds, summary.projectIds);
  return { summary, owners, notes, files, ...links };
}

/** The linked tasks (number and title) and projects (title) the caller can see, to show and link by name. */
async function linkedRecords(db: DbOrTx, actor: Actor, taskIds: string[], projectIds: string[]) {
  const [linkedTasks, linkedProjects] = await Promise.all([
    taskIds.length
      ? db
          .select({ id: tasks.id, code: tasks.code, title: tasks.title })
          .from(tasks)
          .where(and(inArray(tasks.id, taskIds), rowsInPairingScope(actor, tasks.pairingId)))
          .orderBy(asc(tasks.code))
      : [],
    projectIds.length
      ? db
          .select({ id: projects.id, title: projects.title })
          .from(projects)
          .where(and(inArray(projects.id, projectIds), rowsInPairingScope(actor, projects.pairingId)))
          .orderBy(asc(projects.title))
      : [],
  ]);
  return { linkedTasks, linkedProjects };
}
export type ItemDetailRows = NonNullable<Awaited<ReturnType<typeof findItemDetail>>>;

/**
 * The side of each organisation in a pairing, read from its region or any region above it; null for a unit on
 * neither side (which cannot own the pairing's items). Unknown ids are absent.
 */
export async function ownerSides(db: DbOrTx, pairingId: string, organisationIds: readonly string[]) {
  if (!organisationIds.length) return new Map<string, { name: string; side: 'a' | 'b' | null }>();
  const result = await db.execute<{ id: string; name: string; side: 'a' | 'b' | null }>(sql`
    WITH RECURSIVE up AS (
      SELECT o.id AS org_id, r.code, r.parent_code FROM organisations o JOIN regions r ON r.code = o.region_code
      WHERE o.id = ANY(${uuidArray(organisationIds)})
      UNION
      SELECT up.org_id, r.code, r.parent_code FROM up JOIN regions r ON r.code = up.parent_code
    )
    SELECT o.id, o.name,
      (SELECT s.side FROM up JOIN pairing_side_regions s ON s.region_code = up.code AND s.pairing_id = ${pairingId}
       WHERE up.org_id = o.id LIMIT 1) AS side
    FROM organisations o WHERE o.id = ANY(${uuidArray(organisationIds)})`);
  return new Map(result.rows.map((r) => [r.id, { name: r.name, side: r.side }]));
}

export async function nextSeq(db: DbOrTx, source: string, sourceId: string | null, pairingId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${trackedItems.seq}), 0)::int` })
    .from(trackedItems)
    .where(
      and(
        eq(trackedItems.source, source as never),
        sourceId ? eq(trackedItems.sourceId, sourceId) : eq(trackedItems.pairingId, pairingId),
      ),
    );
  return (row?.n ?? 0) + 1;
}

export async function insertItem(db: DbOrTx, values: typeof trackedItems.$inferInsert): Promise<string> {
  const [row] = await db.insert(trackedItems).values(values).returning({ id: trackedItems.id });
  return row!.id;
}

export async function replaceOwners(
  db: DbOrTx,
  itemId: string,
  owners: { organisationId: string; role: 'lead' | 'co'; side: 'a' | 'b' | null }[],
): Promise<void> {
  await db.delete(trackedItemOwners).where(eq(trackedItemOwners.itemId, itemId));
  if (owners.length) await db.insert(trackedItemOwners).values(owners.map((o) => ({ itemId, ...o })));
}

/** Saves a change over the version it was read at; false when someone saved in between. */
export async function updateItemRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof trackedItems.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(trackedItems)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(trackedItems.id, id), eq(trackedItems.version, version)))
    .returning({ id: trackedItems.id });
  return updated.length > 0;
}

export async function insertNote(db: DbOrTx, values: typeof trackedItemNotes.$inferInsert): Promise<string> {
  const [row] = await db.insert(trackedItemNotes).values(values).returning({ id: trackedItemNotes.id });
  return row!.id;
}

/** Whether the organisation owns the item (a unit reports only on its own items). */
export async function ownsItem(db: DbOrTx, itemId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trackedItemOwners)
    .where(and(eq(trackedItemOwners.itemId, itemId), eq(trackedItemOwners.organisationId, organisationId)));
  return (row?.n ?? 0) > 0;
}

/** Of the task and project ids an item links to, those that do not exist or lie outside the actor's pairings. */
export async function unknownLinks(
  db: DbOrTx,
  actor: Actor,
  taskIds: readonly string[],
  projectIds: readonly string[],
): Promise<{ taskIds: Set<string>; projectIds: Set<string> }> {
  const [foundTasks, foundProjects] = await Promise.all([
    taskIds.length
      ? db
          .select({ id: tasks.id })
          .from(tasks)
          .where(and(inArray(tasks.id, [...taskIds]), rowsInPairingScope(actor, tasks.pairingId)))
      : [],
    projectIds.length
      ? db
          .select({ id: projects.id })
          .from(projects)
          .where(and(inArray(projects.id, [...projectIds]), rowsInPairingScope(actor, projects.pairingId)))
      : [],
  ]);
  const known = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const t = known(foundTasks);
  const p = known(foundProjects);
  return {
    taskIds: new Set(taskIds.filter((id) => !t.has(id))),
    projectIds: new Set(projectIds.filter((id) => !p.has(id))),
  };
}

/**
 * The reminders owners of open items are due today and have not had (item-reminders.ts says the rule): for each
 * owner of an item whose deadline is at most `soonDays` away, one "due soon" standing for the first day of that
 * window; past the deadline, one "overdue" per `everyDays` days, standing for the first day of its week. Chosen
 * in one statement, those already given left out through the notices' unique index, so a run with nothing new
 * reads only what it must and sends nothing back. Only organisations are reminded, so every owner row qualifies.
 */
export async function dueItemReminders(db: DbOrTx, today: string, soonDays: number, everyDays: number) {
  const late = sql<number>`(${today}::date - ${trackedItems.deadline})`;
  const kind = sql<
    'item_overdue' | 'item_due_soon'
  >`(CASE WHEN ${late} > 0 THEN 'item_overdue' ELSE 'item_due_soon' END)`;
  const day = sql`(CASE WHEN ${late} > 0 THEN ${trackedItems.deadline} + 1 + (${late} - 1) / ${everyDays}::int * ${everyDays}::int
    ELSE ${trackedItems.deadline} - ${soonDays}::int END)`;
  return db
    .select({
      id: trackedItems.id,
      sourceTitle: trackedItems.sourceTitle,
      seq: trackedItems.seq,
      text: trackedItems.text,
      deadline: trackedItems.deadline,
      organisationId: trackedItemOwners.organisationId,
      kind,
      day: sql<string>`to_char(${day}, 'YYYY-MM-DD')`,
      late: sql<number>`${late}::int`,
    })
    .from(trackedItems)
    .innerJoin(trackedItemOwners, eq(trackedItemOwners.itemId, trackedItems.id))
    .where(
      and(
        sql`${trackedItems.state} <> 'closed'`,
        sql`${trackedItems.deadline} - ${soonDays}::int <= ${today}::date`,
        sql`NOT EXISTS (SELECT 1 FROM ${notifications} n WHERE n.subject_id = ${trackedItems.id}
          AND n.organisation_id = ${trackedItemOwners.organisationId} AND n.kind = ${kind} AND n.day = ${day})`,
      ),
    );
}
