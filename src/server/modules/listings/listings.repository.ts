import { attachmentsOf } from '../../kernel/attachments/attachments.repository.ts';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ListingCategory, ListingKind, ListingState } from '../../../common/api/enums.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { containing } from '../../kernel/like-pattern.ts';
import { rowsInPairingScope, uuidArray } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { regionPlace } from '../regions/region-place.ts';
import { regions } from '../regions/regions.tables.ts';
import { listingInterests, listingMatchViews, listings } from './listings.tables.ts';
import { type ScoreParts, type ScoreRequest, scoreCandidate } from './listing-score.ts';

/**
 * What an actor sees: every published listing; and, beyond those, its own organisation's listings in any state and,
 * for a moderator (`moderates`), every listing of the pairings in its scope.
 */
export function listingVisibility(actor: Actor, moderates: boolean, publishedOnly: boolean): SQL | undefined {
  if (publishedOnly) return eq(listings.state, 'published');
  return or(
    eq(listings.state, 'published'),
    eq(listings.ownerOrganisationId, actor.organisationId),
    moderates ? (rowsInPairingScope(actor, listings.pairingId) ?? sql`true`) : undefined,
  );
}

export const summaryColumns = {
  id: listings.id,
  ref: listings.ref,
  kind: listings.kind,
  category: listings.category,
  title: listings.title,
  description: listings.description,
  regionCode: listings.regionCode,
  regionName: regions.name,
  industryDivision: listings.industryDivision,
  tags: listings.tags,
  quantity: listings.quantity,
  unit: listings.unit,
  validUntil: listings.validUntil,
  organisationName: listings.organisationName,
  ownerOrganisationId: listings.ownerOrganisationId,
  pairingId: listings.pairingId,
  pairingName: pairings.name,
  state: listings.state,
  contactCipher: listings.contactCipher,
  terms: listings.terms,
  isDemo: listings.isDemo,
  isSynthetic: listings.isSynthetic,
  version: listings.version,
  createdAt: listings.createdAt,
  updatedAt: listings.updatedAt,
};
export type ListingRow = Awaited<ReturnType<typeof findListing>> & {};

export interface ListingFilter {
  kind?: ListingKind;
  category?: ListingCategory;
  regionCode?: string;
  industryDivision?: string;
  pairingId?: string;
  valid?: boolean;
  state?: ListingState;
  mine?: boolean;
}

/** A region filter takes the region and everything inside it (codes share the province's or city's prefix). */
function regionPrefix(code: string): string {
  if (/^\d{6}$/.test(code))
    return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return code;
}

function filterConditions(actor: Actor, f: ListingFilter, today: string): (SQL | undefined)[] {
  return [
    f.kind ? eq(listings.kind, f.kind) : undefined,
    f.category ? eq(listings.category, f.category) : undefined,
    f.regionCode ? sql`${listings.regionCode} LIKE ${`${regionPrefix(f.regionCode)}%`}` : undefined,
    f.industryDivision ? eq(listings.industryDivision, f.industryDivision) : undefined,
    f.pairingId ? eq(listings.pairingId, f.pairingId) : undefined,
    f.valid ? sql`(${listings.validUntil} IS NULL OR ${listings.validUntil} >= ${today})` : undefined,
    f.state ? eq(listings.state, f.state) : undefined,
    f.mine ? eq(listings.ownerOrganisationId, actor.organisationId) : undefined,
  ];
}

export async function listListings(
  db: DbOrTx,
  actor: Actor,
  visibility: SQL | undefined,
  f: ListingFilter,
  today: string,
  page: number,
  pageSize: number,
) {
  const where = and(visibility, ...filterConditions(actor, f, today));
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(listings)
      .innerJoin(regions, eq(regions.code, listings.regionCode))
      .innerJoin(pairings, eq(pairings.id, listings.pairingId))
      .where(where)
      .orderBy(desc(listings.createdAt), asc(listings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(listings).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findListing(
  db: DbOrTx,
  visibility: SQL | undefined,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  const q = db
    .select(summaryColumns)
    .from(listings)
    .innerJoin(regions, eq(regions.code, listings.regionCode))
    .innerJoin(pairings, eq(pairings.id, listings.pairingId))
    .where(and(eq(listings.id, id), visibility));
  const [row] = await (opts.forUpdate ? q.for('update', { of: listings }) : q);
  return row;
}

/** A listing by its publisher's reference (编号), as the command line names it. */
export async function findListingIdByRef(db: DbOrTx, visibility: SQL | undefined, ref: string) {
  const rows = await db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.ref, ref), visibility))
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : undefined;
}

/** The columns a new listing is given, with their types, for the one-statement insert below (the rest: defaults). */
const INSERTED: readonly [keyof ListingInsert, string][] = [
  ['id', 'uuid'],
  ['ref', 'text'],
  ['source', 'text'],
  ['kind', 'text'],
  ['category', 'text'],
  ['title', 'text'],
  ['description', 'text'],
  ['regionCode', 'text'],
  ['industryDivision', 'text'],
  ['tags', 'text[]'],
  ['quantity', 'numeric'],
  ['unit', 'text'],
  ['validUntil', 'date'],
  ['organisationName', 'text'],
  ['ownerOrganisationId', 'uuid'],
  ['pairingId', 'uuid'],
  ['state', 'text'],
  ['contactCipher', 'text'],
  ['terms', 'text'],
  ['isDemo', 'boolean'],
  ['isSynthetic', 'boolean'],
  ['createdBy', 'uuid'],
];
type ListingInsert = typeof listings.$inferInsert;
const columnName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A text[] value as one array literal (unnest cannot take an array of arrays of different lengths). */
const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** A column's value in a new row: what the table would default to when the row leaves it out. */
function insertedValue(row: ListingInsert, key: keyof ListingInsert) {
  if (key === 'tags') return arrayLiteral((row.tags as string[] | undefined) ?? []);
  if (key === 'state') return row.state ?? 'pending';
  if (key === 'isDemo' || key === 'isSynthetic') return !!row[key];
  return row[key] ?? null;
}

/**
 * Listings in one statement: one array per column, unnested into rows. A multi-row VALUES list of 500 listings binds
 * 11,000 parameters, which drizzle spent most of an import's own time building (10,000 rows: ~2 s of CPU at load).
 */
export async function insertListings(db: DbOrTx, rows: readonly (ListingInsert & { id: string })[]): Promise<string[]> {
  if (!rows.length) return [];
  const columns = sql.join(
    INSERTED.map(([key]) => sql.identifier(columnName(key))),
    sql`, `,
  );
  const arrays = sql.join(
    INSERTED.map(
      ([key, type]) =>
        sql`${sql.param(rows.map((r) => insertedValue(r, key)))}::${sql.raw(type === 'text[]' ? 'text' : type)}[]`,
    ),
    sql`, `,
  );
  const names = INSERTED.map((_, i) => `c${i}`);
  const selected = sql.raw(INSERTED.map(([, type], i) => (type === 'text[]' ? `c${i}::text[]` : `c${i}`)).join(', '));
  await db.execute(
    sql`INSERT INTO ${listings} (${columns}) SELECT ${selected} FROM unnest(${arrays}) AS u(${sql.raw(names.join(', '))})`,
  );
  return rows.map((r) => r.id);
}

export async function updateListingRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof listings.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(listings)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(listings.id, id), eq(listings.version, version)))
    .returning({ id: listings.id });
  return rows.length === 1;
}

/** The listings an import source already holds under these references (an import updates them). */
export async function listingsByRefs(db: DbOrTx, source: string, refs: string[]) {
  if (!refs.length) return [];
  return db
    .select({ id: listings.id, ref: listings.ref, version: listings.version, state: listings.state })
    .from(listings)
    .where(and(eq(listings.source, source), inArray(listings.ref, refs)));
}

/** How many candidates the cheap first stage keeps for the full score. */
const PRESELECT = 300;

export interface RankRequest extends ScoreRequest {
  /**
   * Whether titles and names similar to `fuzzy` are candidates too (a typo's only way in). Not when the words already
   * bring many: at 200,000 listings a two-word query's trigrams matched ~1,700 titles, each rechecked, for ~90 ms.
   */
  fuzzyCandidates?: boolean;
  kind?: ListingKind;
  excludeId?: string;
  /** The tsquery choosing the candidates (an index scan); every word still counts in the score. Default: any word. */
  candidates?: string;
  filter: ListingFilter;
  today: string;
  top: number;
}

/**
 * Ranks published listings in two stages. First one statement takes the candidates — from the index over the
 * segmented words (see candidateQuery), or a similar title or organisation name for a typo — with the filters in
 * the same WHERE (no top-k is taken before filtering, so filters cannot starve the result), keeps the best few
 * hundred by ts_rank and reads what their score needs. Then each gets its full score (listing-score.ts: text,
 * trigram similarity, industry, category, counterpart region, freshness), and a second statement reads the top ones.
 */
export async function rankListings(db: DbOrTx, actor: Actor, r: RankRequest): Promise<RankedRow[]> {
  const tsq = r.words.join(' | ');
  const query = sql`to_tsquery('simple', ${tsq})`;
  // A one-character query is looked for inside the stored words (a scan, but such queries are rare and short).
  const inside = r.prefixes.length
    ? or(...r.prefixes.map((p) => sql`${listings.terms} LIKE ${containing(p)}`))
    : undefined;
  const similarity = (table: string) =>
    r.fuzzy
      ? sql`greatest(similarity(${sql.raw(table)}.title, ${r.fuzzy}), similarity(${sql.raw(table)}.organisation_name, ${r.fuzzy}))`
      : sql`0`;
  const leading = r.candidates ?? tsq;
  const candidates = or(
    leading ? sql`${listings.searchVector} @@ to_tsquery('simple', ${leading})` : inside,
    r.fuzzy && r.fuzzyCandidates !== false
      ? sql`(${listings.title} % ${r.fuzzy} OR ${listings.organisationName} % ${r.fuzzy})`
      : undefined,
  );
  const filters = and(
    eq(listings.state, 'published'),
    sql`(${listings.validUntil} IS NULL OR ${listings.validUntil} >= ${r.today})`,
    r.kind ? eq(listings.kind, r.kind) : undefined,
    r.excludeId ? sql`${listings.id} <> ${r.excludeId}` : undefined,
    ...filterConditions(actor, r.filter, r.today),
  );
  // Without words (a typo, one character) the candidates are ordered by their similarity or the character found.
  const rank = tsq ? sql`ts_rank(${listings.searchVector}, ${query})` : sql`0`;
  const cheap = tsq ? rank : sql`${similarity('listings')} + CASE WHEN ${inside ?? sql`false`} THEN 0.5 ELSE 0 END`;
  // The candidates come from the text indexes alone (OFFSET 0 keeps the filters out of that scan): with the filters
  // beside it the planner ANDed the GIN bitmap with the kind/state index, reading 104,000 entries of it to narrow ~550
  // candidates (8-11 ms of a match at 200,000 listings); the filters then apply to those rows as they stream by (a
  // MATERIALIZED CTE did the same but copied every candidate row first, 5x the heap scan's time on PGlite). The
  // subquery takes the table's name, so the column references written for the table read the candidates.
  const found = await db.execute<{
    id: string;
    rank: number;
    similarity: number;
    terms: string;
    industry_division: string | null;
    category: string;
    region_code: string;
    age_seconds: number;
  }>(sql`
    SELECT c.id, c.rank, ${similarity('c')}::float8 AS similarity, c.terms, c.industry_division, c.category,
           c.region_code, c.age_seconds
      FROM (SELECT ${listings.id}, ${rank}::float8 AS rank, ${listings.terms}, ${listings.industryDivision},
                   ${listings.category}, ${listings.regionCode}, ${listings.title}, ${listings.organisationName},
                   extract(epoch FROM now() - ${listings.updatedAt})::float8 AS age_seconds
              FROM (SELECT * FROM ${listings} WHERE ${candidates ?? sql`false`} OFFSET 0) ${sql.raw('listings')}
             WHERE ${filters} ORDER BY ${cheap} DESC LIMIT ${PRESELECT}) c`);
  const scored = found.rows
    .map((c) => ({
      id: c.id,
      ...scoreCandidate(r, {
        id: c.id,
        rank: Number(c.rank),
        similarity: Number(c.similarity),
        terms: c.terms,
        industryDivision: c.industry_division,
        category: c.category,
        regionCode: c.region_code,
        ageSeconds: Number(c.age_seconds),
      }),
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, r.top);
  if (!scored.length) return [];
  const rows = await db
    .select(summaryColumns)
    .from(listings)
    .innerJoin(regions, eq(regions.code, listings.regionCode))
    .innerJoin(pairings, eq(pairings.id, listings.pairingId))
    .where(
      inArray(
        listings.id,
        scored.map((s) => s.id),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return scored.flatMap(({ id, ...parts }) => {
    const row = byId.get(id);
    return row ? [{ ...row, ...parts }] : [];
  });
}
export type RankedRow = ListingRow & ScoreParts;

export async function recordMatchView(db: DbOrTx, v: typeof listingMatchViews.$inferInsert) {
  await db.insert(listingMatchViews).values(v);
}

// ---- expressions of interest ----

const interestColumns = {
  id: listingInterests.id,
  listingId: listingInterests.listingId,
  fromListingId: listingInterests.fromListingId,
  organisationId: listingInterests.organisationId,
  message: listingInterests.message,
  state: listingInterests.state,
  revealedAt: listingInterests.revealedAt,
  projectId: listingInterests.projectId,
  version: listingInterests.version,
  createdAt: listingInterests.createdAt,
  updatedAt: listingInterests.updatedAt,
  organisationName: sql<string>`(SELECT o.name FROM organisations o WHERE o.id = ${listingInterests.organisationId})`,
  listingTitle: listings.title,
  listingOrganisation: listings.organisationName,
  listingOwnerId: listings.ownerOrganisationId,
  listingPairingId: listings.pairingId,
  listingContactCipher: listings.contactCipher,
  listingIsDemo: listings.isDemo,
  listingRegionCode: listings.regionCode,
  listingIndustryDivision: listings.industryDivision,
  fromListingTitle: sql<string | null>`(SELECT f.title FROM listings f WHERE f.id = ${listingInterests.fromListingId})`,
};
export type InterestRow = Awaited<ReturnType<typeof findInterest>> & {};

/** The interests the actor's organisation expressed or received (on its own listings). */
export async function listInterests(db: DbOrTx, organisationId: string, listingId?: string) {
  return db
    .select(interestColumns)
    .from(listingInterests)
    .innerJoin(listings, eq(listings.id, listingInterests.listingId))
    .where(
      and(
        or(eq(listingInterests.organisationId, organisationId), eq(listings.ownerOrganisationId, organisationId)),
        listingId ? eq(listingInterests.listingId, listingId) : undefined,
      ),
    )
    .orderBy(desc(listingInterests.updatedAt), asc(listingInterests.id));
}

/** An interest one of whose two sides is the organisation (undefined otherwise: 404). */
export async function findInterest(db: DbOrTx, organisationId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select(interestColumns)
    .from(listingInterests)
    .innerJoin(listings, eq(listings.id, listingInterests.listingId))
    .where(
      and(
        eq(listingInterests.id, id),
        or(eq(listingInterests.organisationId, organisationId), eq(listings.ownerOrganisationId, organisationId)),
      ),
    );
  const [row] = await (opts.forUpdate ? q.for('update', { of: listingInterests }) : q);
  return row;
}

export async function interestTaken(db: DbOrTx, listingId: string, organisationId: string) {
  const [row] = await db
    .select({ id: listingInterests.id })
    .from(listingInterests)
    .where(and(eq(listingInterests.listingId, listingId), eq(listingInterests.organisationId, organisationId)));
  return !!row;
}

export async function insertInterest(db: DbOrTx, v: typeof listingInterests.$inferInsert): Promise<string> {
  const [row] = await db.insert(listingInterests).values(v).returning({ id: listingInterests.id });
  return row!.id;
}

export async function updateInterestRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof listingInterests.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(listingInterests)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(listingInterests.id, id), eq(listingInterests.version, version)))
    .returning({ id: listingInterests.id });
  return rows.length === 1;
}

/** Listings, matches viewed, interests, contacts revealed, deals and projects, per pairing and year. */
export async function countsPerPairingYear(db: DbOrTx, actor: Actor, pairingId?: string, year?: number) {
  const r = await db.execute<{
    pairing_id: string;
    pairing_name: string;
    year: number;
    listings: number;
    matches_viewed: number;
    interests: number;
    contacts_revealed: number;
    deals: number;
    projects: number;
  }>(sql`
    -- A moment's year is China's (as the indicators' measures reckon these facts), not the session time zone's:
    -- what happens there on 1 January before 08:00 is the new year's.
    WITH facts AS (
      SELECT pairing_id, extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS year, 1 AS listings,
             0 AS views, 0 AS interests, 0 AS revealed, 0 AS deals, 0 AS projects
        FROM listings WHERE NOT is_synthetic
      UNION ALL
      SELECT pairing_id, extract(year FROM viewed_at AT TIME ZONE 'Asia/Shanghai')::int, 0, 1, 0, 0, 0, 0
        FROM listing_match_views
      UNION ALL
      SELECT l.pairing_id, extract(year FROM i.created_at AT TIME ZONE 'Asia/Shanghai')::int, 0, 0, 1, 0, 0, 0
        FROM listing_interests i JOIN listings l ON l.id = i.listing_id
      UNION ALL
      SELECT l.pairing_id, extract(year FROM i.revealed_at AT TIME ZONE 'Asia/Shanghai')::int, 0, 0, 0, 1, 0, 0
        FROM listing_interests i JOIN listings l ON l.id = i.listing_id WHERE i.revealed_at IS NOT NULL
      UNION ALL
      SELECT l.pairing_id, extract(year FROM i.signed_on)::int, 0, 0, 0, 0, 1, (i.project_id IS NOT NULL)::int
        FROM listing_interests i JOIN listings l ON l.id = i.listing_id WHERE i.state = 'signed'
    )
    SELECT f.pairing_id, p.name AS pairing_name, f.year, sum(f.listings)::int AS listings,
           sum(f.views)::int AS matches_viewed, sum(f.interests)::int AS interests,
           sum(f.revealed)::int AS contacts_revealed, sum(f.deals)::int AS deals, sum(f.projects)::int AS projects
      FROM facts f JOIN pairings p ON p.id = f.pairing_id
     WHERE ${actor.scope.all ? sql`true` : sql`p.id = ANY(${uuidArray(actor.scope.pairingIds)})`}
       ${pairingId ? sql`AND p.id = ${pairingId}` : sql``}
       ${year ? sql`AND f.year = ${year}` : sql``}
     GROUP BY f.pairing_id, p.name, f.year
     ORDER BY p.name, f.year`);
  return r.rows;
}

/** The top pairings' side regions (those the actor may use; every one when `actor` is null), to place a listing by its region. */
export async function topPairingRegions(db: DbOrTx, actor: Actor | null) {
  const r = await db.execute<{ pairing_id: string; region_code: string }>(sql`
    SELECT s.pairing_id, s.region_code FROM pairing_side_regions s JOIN pairings p ON p.id = s.pairing_id
     WHERE p.parent_id IS NULL
       ${!actor || actor.scope.all ? sql`` : sql`AND p.id = ANY(${uuidArray(actor.scope.pairingIds)})`}
     ORDER BY p.created_at, s.pairing_id`);
  return r.rows;
}

/** The operator's own organisation: the owner of what the command line imports as the system user. */
export async function operatorOrganisationId(db: DbOrTx): Promise<string | undefined> {
  const r = await db.execute<{ id: string }>(
    sql`SELECT id FROM organisations WHERE kind = 'operator' ORDER BY created_at LIMIT 1`,
  );
  return r.rows[0]?.id;
}

/** The side regions of a pairing (a handful of rows), to tell the two sides of a match apart. */
export async function pairingSides(db: DbOrTx, pairingId: string) {
  const r = await db.execute<{ side: 'a' | 'b'; region_code: string }>(
    sql`SELECT side, region_code FROM pairing_side_regions WHERE pairing_id = ${pairingId}`,
  );
  return r.rows;
}

/** How many published listings hold each word (ts_stat over the index's vectors), and how many there are. */
export async function wordFrequencies(db: DbOrTx) {
  const [words, total] = await Promise.all([
    db.execute<{ word: string; ndoc: number }>(
      sql`SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM listings WHERE state = ''published''')`,
    ),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM listings WHERE state = 'published'`),
  ]);
  return { total: total.rows[0]!.n, df: new Map(words.rows.map((r) => [r.word, Number(r.ndoc)])) };
}

/** The files kept with a listing (kernel attachments, owner kind listing). */
export const listingFiles = (db: DbOrTx, id: string) => attachmentsOf(db, { kind: 'listing', id });

/**
 * The pairings a publisher may name for a listing of a region: those in its scope, and the top pairings one of whose
 * sides holds the region (by its province, city or county prefix; a zone by its parent's), by name.
 */
export async function publishablePairings(db: DbOrTx, actor: Actor, regionCode: string | undefined) {
  const inScope = actor.scope.all ? sql`true` : sql`p.id = ANY(${uuidArray(actor.scope.pairingIds)})`;
  const ofRegion = regionCode
    ? sql`(p.parent_id IS NULL AND EXISTS (SELECT 1 FROM pairing_side_regions s
        WHERE s.pairing_id = p.id AND ${regionPlace(regionCode)} LIKE rtrim(s.region_code, '0') || '%'))`
    : sql`false`;
  const r = await db.execute<{ id: string; name: string }>(
    sql`SELECT p.id, p.name FROM pairings p WHERE ${inScope} OR ${ofRegion} ORDER BY p.name`,
  );
  return r.rows;
}
