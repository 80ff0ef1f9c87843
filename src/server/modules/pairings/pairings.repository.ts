import { type AnyColumn, and, asc, count, desc, eq, getTableColumns, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import { containing } from '../../kernel/like-pattern.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import {
  ANY_READER,
  rowsInGivenScope,
  rowsInPairingScope,
  scopeValues,
  uuidArray,
} from '../../kernel/pairing-scope.repository.ts';
import { jsonRows } from '../../kernel/json-rows.ts';
import { placeholdersOf, preparedByShape, type Given } from '../../kernel/prepared-by-shape.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { programmes, sourceDocuments } from '../programmes/programmes.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { pairingContacts, pairingOffices, pairingSideRegions, pairings } from './pairings.tables.ts';
import { withGenericPlan } from '../../db/generic-plans.ts';

/** The rows an actor may see; every query below goes through it. */
const pairingScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, pairings.id);

/*
 * The subqueries below name the outer row as "pairings"."id": drizzle leaves columns unqualified in a query
 * without joins, and a bare "id" there would be the subquery's own.
 */
const sideCodes = (side: 'a' | 'b') => {
  const ofPairing = sql`SELECT s.region_code FROM pairing_side_regions s WHERE s.pairing_id = "pairings"."id"`;
  return sql<string[]>`ARRAY(${ofPairing} AND s.side = ${side} ORDER BY s.ordinal)`;
};

const summaryColumns = {
  id: pairings.id,
  programmeId: pairings.programmeId,
  parentId: pairings.parentId,
  name: pairings.name,
  level: pairings.level,
  status: pairings.status,
  theme: pairings.theme,
  startedOn: pairings.startedOn,
  /** Each side's region codes in the order the pairing lists them. */
  sideA: sideCodes('a'),
  sideB: sideCodes('b'),
  subPairCount: sql<number>`(SELECT count(*)::int FROM pairings c WHERE c.parent_id = "pairings"."id")`,
};

const summaryQuery = (db: DbOrTx) => db.select(summaryColumns).from(pairings);
export type PairingSummaryRow = Awaited<ReturnType<typeof summaryQuery>>[number];

export interface PairingFilter {
  programmeId?: string;
  parentId?: string;
  level?: string;
  status?: string;
  regionCode?: string;
  q?: string;
}

const SORTS = {
  name: pairings.name,
  level: pairings.level,
  startedOn: pairings.startedOn,
  createdAt: pairings.createdAt,
};

/** A filter's values as the list's statements take them: `parentId` other than 'root', the name searched as a LIKE pattern. */
type PairingValues = Omit<PairingFilter, 'q'> & { qLike?: string };
const VALUE_KEYS = ['programmeId', 'parentId', 'level', 'status', 'regionCode', 'qLike'] as const;
type GivenValues = Given<PairingValues>;

const listCondition = (scoped: boolean, f: GivenValues, topOnly: boolean) =>
  and(
    rowsInGivenScope(scoped, pairings.id),
    f.programmeId ? eq(pairings.programmeId, f.programmeId) : undefined,
    topOnly ? isNull(pairings.parentId) : f.parentId ? eq(pairings.parentId, f.parentId) : undefined,
    f.level ? eq(pairings.level, f.level as never) : undefined,
    f.status ? eq(pairings.status, f.status as never) : undefined,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM pairing_side_regions s WHERE s.pairing_id = ${pairings.id} AND s.region_code = ${f.regionCode})`
      : undefined,
    f.qLike ? ilike(pairings.name, f.qLike) : undefined,
  );

export async function listPairings(
  db: DbOrTx,
  actor: Actor,
  f: PairingFilter,
  paging: { page: number; pageSize: number; sort: keyof typeof SORTS; order: 'asc' | 'desc' },
) {
  const topOnly = f.parentId === 'root';
  const { q, ...rest } = f;
  const values: PairingValues = {
    ...rest,
    parentId: topOnly ? undefined : f.parentId,
    qLike: q ? containing(q) : undefined,
  };
  // Both statements are built once per shape, whoever reads, and run with this request's values and its reader's
  // pairings (kernel/prepared-by-shape.ts, pairing-scope.repository.ts SCOPE_PAIRINGS).
  const { given, shape } = placeholdersOf(values, VALUE_KEYS);
  const scoped = !actor.scope.all;
  const key = `pairings|${shape}|${topOnly}|${paging.sort}|${paging.order}|${scoped}`;
  const { pageQuery, countQuery } = preparedByShape(db, ANY_READER, key, () => {
    const where = listCondition(scoped, given, topOnly);
    const dir = paging.order === 'desc' ? desc : asc;
    return {
      pageQuery: summaryQuery(db)
        .where(where)
        .orderBy(dir(SORTS[paging.sort]), asc(pairings.id))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(undefined as never),
      countQuery: db
        .select({ n: count() })
        .from(pairings)
        .where(where)
        .prepare(undefined as never),
    };
  });
  // The count is the same for every page and sort of a filter: kept per scope and filter until pairings change.
  const ofReader = scopeValues(actor.scope);
  const [items, [total]] = await Promise.all([
    pageQuery.execute({ ...values, ...ofReader, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize }),
    cachedByVersion(db, actor, `pairings|count|${topOnly}|${JSON.stringify(values)}`, () =>
      countQuery.execute({ ...values, ...ofReader }),
    ),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** A pairing in the actor's scope with what a change checks against: its version, dates and sides. */
export async function findPairing(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ ...summaryColumns, endedOn: pairings.endedOn, note: pairings.note, version: pairings.version })
    .from(pairings)
    .where(and(eq(pairings.id, id), pairingScope(actor)));
  return row;
}

/** The pairings in the actor's scope named exactly `name` (two at most: enough to tell the name is ambiguous). */
export async function findPairingsNamed(db: DbOrTx, actor: Actor, name: string) {
  return db
    .select({ ...summaryColumns, endedOn: pairings.endedOn, note: pairings.note, version: pairings.version })
    .from(pairings)
    .where(and(eq(pairings.name, name), pairingScope(actor)))
    .orderBy(asc(pairings.id))
    .limit(2);
}

const parent = alias(pairings, 'parent');

/**
 * A pairing with its programme, source clause, parent (when the actor sees it), offices, contacts and the
 * sub-pairs the actor sees, in one statement (the lists as JSON subqueries, kernel/json-rows.ts); undefined when
 * out of scope.
 */
export async function findPairingDetail(db: DbOrTx, actor: Actor, id: string) {
  // Built once, whoever reads, and run with this id and the reader's pairings (kernel/prepared-by-shape.ts).
  const scoped = !actor.scope.all;
  const inScope = (column: AnyColumn) => rowsInGivenScope(scoped, column);
  const detail = preparedByShape(db, ANY_READER, `pairing|${scoped}`, () => {
    const pairingId = sql.placeholder('id');
    const prepared = db
      .select({
        row: {
          ...summaryColumns,
          endedOn: pairings.endedOn,
          note: pairings.note,
          version: pairings.version,
          createdAt: pairings.createdAt,
          updatedAt: pairings.updatedAt,
          sourceLine: pairings.sourceLine,
          sourceQuote: pairings.sourceQuote,
          sourceDocumentId: pairings.sourceDocumentId,
          sourceTitle: sourceDocuments.title,
          sourceDocNo: sourceDocuments.docNo,
          programmeName: programmes.name,
          programmeDocNo: programmes.docNo,
          parentName: parent.name,
        },
        offices: jsonRows(getTableColumns(pairingOffices), pairingOffices, eq(pairingOffices.pairingId, pairingId), [
          asc(pairingOffices.side),
          asc(pairingOffices.officeName),
        ]),
        contacts: jsonRows(
          getTableColumns(pairingContacts),
          pairingContacts,
          eq(pairingContacts.pairingId, pairingId),
          [asc(pairingContacts.side), asc(pairingContacts.name)],
        ),
        // Inside this subquery "pairings" is the sub-pair (summaryColumns name the row they are in so).
        subPairs: jsonRows(summaryColumns, pairings, and(eq(pairings.parentId, pairingId), inScope(pairings.id)), [
          asc(pairings.createdAt),
          asc(pairings.id),
        ]),
      })
      .from(pairings)
      .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
      .leftJoin(sourceDocuments, eq(sourceDocuments.id, pairings.sourceDocumentId))
      .leftJoin(parent, and(eq(parent.id, pairings.parentId), inScope(parent.id)))
      .where(and(eq(pairings.id, pairingId), inScope(pairings.id)))
      .prepare(undefined as never);
    // A primary-key lookup whose lists are read by their pairing's index whatever the pairing: on PGlite it is planned
    // once (db/generic-plans.ts) instead of on every run — 0.7–1.0 ms of planning for 0.2–0.8 ms of execution, the
    // generic plan reading the same pages (±2) in the mix's cases.
    return withGenericPlan(prepared);
  });
  const [found] = await detail.execute({ id, ...scopeValues(actor.scope) });
  return found;
}
export type PairingDetailRows = NonNullable<Awaited<ReturnType<typeof findPairingDetail>>>;

/**
 * The dashboard's view of the pairings in the actor's scope, in one statement: how many there are of each kind
 * and of regions on their sides, and the "top" pairings with their summaries (a JSON subquery, kernel/json-rows.ts).
 * A scoped user's "top" pairings are those whose parent they cannot see (长春市 sees 长春—杭州 under 吉林—浙江).
 */
export async function pairingOverviewRows(db: DbOrTx, actor: Actor) {
  const visibleParent = actor.scope.all
    ? isNull(pairings.parentId)
    : sql`(${pairings.parentId} IS NULL OR NOT (${pairings.parentId} = ANY(${uuidArray(actor.scope.pairingIds)})))`;
  const [row] = await db
    .select({
      top: sql<number>`count(*) FILTER (WHERE ${pairings.parentId} IS NULL AND ${pairings.status} <> 'exploratory')::int`,
      sub: sql<number>`count(*) FILTER (WHERE ${pairings.parentId} IS NOT NULL)::int`,
      exploratory: sql<number>`count(*) FILTER (WHERE ${pairings.status} = 'exploratory')::int`,
      regions: sql<number>`(SELECT count(DISTINCT s.region_code)::int FROM pairing_side_regions s WHERE s.pairing_id IN (SELECT p2.id FROM pairings p2 WHERE ${actor.scope.all ? sql`true` : sql`p2.id = ANY(${uuidArray(actor.scope.pairingIds)})`}))`,
      // Not correlated with the counted rows: inside it "pairings" is the listed pairing.
      pairings: jsonRows(summaryColumns, pairings, and(pairingScope(actor), visibleParent), [
        asc(pairings.createdAt),
        asc(pairings.id),
      ]),
    })
    .from(pairings)
    .where(pairingScope(actor));
  return row!;
}

/** Every region on either side of a pairing, the sides' own regions and all regions inside them, with its side. */
export async function regionSides(db: DbOrTx, pairingId: string): Promise<Map<string, 'a' | 'b'>> {
  const r = await db.execute<{ code: string; side: 'a' | 'b' }>(sql`
    WITH RECURSIVE down AS (
      SELECT s.region_code AS code, s.side FROM ${pairingSideRegions} s WHERE s.pairing_id = ${pairingId}
      UNION
      SELECT r.code, d.side FROM ${regions} r JOIN down d ON r.parent_code = d.code
    )
    SELECT code, side FROM down`);
  const m = new Map<string, 'a' | 'b'>();
  for (const row of r.rows) if (!m.has(row.code)) m.set(row.code, row.side);
  return m;
}

export async function sidesKeyTaken(db: DbOrTx, programmeId: string, sidesKey: string, exceptId?: string) {
  const [row] = await db
    .select({ n: count() })
    .from(pairings)
    .where(
      and(
        eq(pairings.programmeId, programmeId),
        eq(pairings.sidesKey, sidesKey),
        exceptId ? sql`${pairings.id} <> ${exceptId}` : undefined,
      ),
    );
  return (row?.n ?? 0) > 0;
}

/** Ids of the pairing and everything below it, to refuse a parent that would make a cycle. */
export async function descendantIds(db: DbOrTx, id: string): Promise<Set<string>> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree AS (SELECT id FROM pairings WHERE id = ${id} UNION SELECT c.id FROM pairings c JOIN tree t ON c.parent_id = t.id)
    SELECT id FROM tree`);
  return new Set(result.rows.map((r) => r.id));
}

export type PairingInsert = typeof pairings.$inferInsert;

export async function insertPairing(db: DbOrTx, row: PairingInsert) {
  const [created] = await db.insert(pairings).values(row).returning({ id: pairings.id });
  return created!.id;
}

export async function updatePairingRow(db: DbOrTx, id: string, version: number, patch: Partial<PairingInsert>) {
  const rows = await db
    .update(pairings)
    .set({ ...patch, updatedAt: new Date(), version: sql`${pairings.version} + 1` })
    .where(and(eq(pairings.id, id), eq(pairings.version, version)))
    .returning({ id: pairings.id });
  return rows.length > 0;
}

export async function replaceSides(db: DbOrTx, id: string, a: string[], b: string[]) {
  await db.delete(pairingSideRegions).where(eq(pairingSideRegions.pairingId, id));
  const rows = [
    ...a.map((regionCode, ordinal) => ({ pairingId: id, side: 'a' as const, regionCode, ordinal })),
    ...b.map((regionCode, ordinal) => ({ pairingId: id, side: 'b' as const, regionCode, ordinal })),
  ];
  if (rows.length) await db.insert(pairingSideRegions).values(rows);
}

type OfficeValues = Omit<typeof pairingOffices.$inferInsert, 'pairingId'>;

export async function replaceOffices(db: DbOrTx, id: string, offices: OfficeValues[]) {
  await db.delete(pairingOffices).where(eq(pairingOffices.pairingId, id));
  if (offices.length) await db.insert(pairingOffices).values(offices.map((o) => ({ ...o, pairingId: id })));
}

export async function replaceContacts(
  db: DbOrTx,
  id: string,
  contacts: Omit<typeof pairingContacts.$inferInsert, 'pairingId'>[],
) {
  await db.delete(pairingContacts).where(eq(pairingContacts.pairingId, id));
  if (contacts.length) await db.insert(pairingContacts).values(contacts.map((c) => ({ ...c, pairingId: id })));
}

/** Every pairing of a programme with its sides, whatever the actor's scope (a programme file is loaded whole). */
export async function programmePairings(db: DbOrTx, programmeId: string) {
  return db
    .select({
      id: pairings.id,
      sidesKey: pairings.sidesKey,
      parentId: pairings.parentId,
      level: pairings.level,
      theme: pairings.theme,
      startedOn: pairings.startedOn,
      name: pairings.name,
      version: pairings.version,
      sideA: sideCodes('a'),
      sideB: sideCodes('b'),
    })
    .from(pairings)
    .where(eq(pairings.programmeId, programmeId))
    .orderBy(asc(pairings.createdAt));
}
