import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { parks, parkEnterprises, sharingAgreements, parkLedgerEntries } from './parks.tables.ts';

/** Parks of the pairings in the actor's scope; every query below goes through it. */
const parkScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, parks.pairingId);

const summaryColumns = {
  id: parks.id,
  pairingId: parks.pairingId,
  pairingName: pairings.name,
  name: parks.name,
  type: parks.type,
  hostRegionCode: parks.hostRegionCode,
  hostRegionName: sql<string>`(SELECT r.name FROM regions r WHERE r.code = ${parks.hostRegionCode})`,
  partnerRegionCode: parks.partnerRegionCode,
  partnerRegionName: sql<string | null>`(SELECT r.name FROM regions r WHERE r.code = ${parks.partnerRegionCode})`,
  mainParkId: parks.mainParkId,
  mainParkName: sql<string | null>`(SELECT m.name FROM parks m WHERE m.id = ${parks.mainParkId})`,
  branchCount: sql<number>`(SELECT count(*)::int FROM parks b WHERE b.main_park_id = ${parks.id})`,
  enterpriseCount: sql<number>`(SELECT count(*)::int FROM park_enterprises e WHERE e.park_id = ${parks.id})`,
  areaKm2: parks.areaKm2,
  isDemo: parks.isDemo,
};
const summaryQuery = (db: DbOrTx) =>
  db.select(summaryColumns).from(parks).innerJoin(pairings, eq(pairings.id, parks.pairingId));
export type ParkSummaryRow = Awaited<ReturnType<typeof summaryQuery>>[number];

export async function listParks(
  db: DbOrTx,
  actor: Actor,
  f: { pairingId?: string; type?: string; demo?: boolean },
  page: number,
  pageSize: number,
) {
  const where = and(
    parkScope(actor),
    f.pairingId ? eq(parks.pairingId, f.pairingId) : undefined,
    f.type ? eq(parks.type, f.type as never) : undefined,
    f.demo !== undefined ? eq(parks.isDemo, f.demo) : undefined,
  );
  const [items, [total]] = await Promise.all([
    summaryQuery(db)
      .where(where)
      .orderBy(asc(pairings.name), sql`${parks.mainParkId} NULLS FIRST`, asc(parks.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(parks).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findPark(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(parks)
    .where(and(eq(parks.id, id), parkScope(actor)));
  return row;
}

/** A park with its summary figures, branches, enterprises and agreements, in four queries; undefined when out of scope. */
export async function findParkDetail(db: DbOrTx, actor: Actor, id: string) {
  const [[found], branches, enterprises, agreements] = await Promise.all([
    db
      .select({ summary: summaryColumns, row: parks })
      .from(parks)
      .innerJoin(pairings, eq(pairings.id, parks.pairingId))
      .where(and(eq(parks.id, id), parkScope(actor))),
    branchesOf(db, id),
    enterprisesOf(db, id),
    agreementsOf(db, id),
  ]);
  return found && { ...found, branches, enterprises, agreements };
}
export type ParkDetailRows = NonNullable<Awaited<ReturnType<typeof findParkDetail>>>;

/** A park of the pairing, whatever the actor's scope (the pairing is already the actor's). */
export async function findParkOfPairing(db: DbOrTx, pairingId: string, id: string) {
  const [row] = await db
    .select()
    .from(parks)
    .where(and(eq(parks.id, id), eq(parks.pairingId, pairingId)));
  return row;
}

/** Whether another park of the pairing has this name. */
export async function parkNameTaken(db: DbOrTx, pairingId: string, name: string, exceptId?: string) {
  const [dup] = await db
    .select({ id: parks.id })
    .from(parks)
    .where(and(eq(parks.pairingId, pairingId), eq(parks.name, name), exceptId ? ne(parks.id, exceptId) : undefined));
  return !!dup;
}

export async function insertPark(db: DbOrTx, values: typeof parks.$inferInsert): Promise<string> {
  const [row] = await db.insert(parks).values(values).returning({ id: parks.id });
  return row!.id;
}

/** Saves an edit over the version it was read at; false when someone saved in between. */
export async function updateParkRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof parks.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(parks)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(parks.id, id), eq(parks.version, version)))
    .returning({ id: parks.id });
  return updated.length > 0;
}

export async function branchesOf(db: DbOrTx, id: string) {
  return db
    .select({ id: parks.id, name: parks.name, type: parks.type })
    .from(parks)
    .where(eq(parks.mainParkId, id))
    .orderBy(asc(parks.name));
}

export async function enterprisesOf(db: DbOrTx, parkId: string) {
  return db.select().from(parkEnterprises).where(eq(parkEnterprises.parkId, parkId)).orderBy(asc(parkEnterprises.name));
}

export async function insertEnterprise(db: DbOrTx, values: typeof parkEnterprises.$inferInsert): Promise<string> {
  const [row] = await db.insert(parkEnterprises).values(values).returning({ id: parkEnterprises.id });
  return row!.id;
}

export async function agreementsOf(db: DbOrTx, parkId: string) {
  return db
    .select()
    .from(sharingAgreements)
    .where(eq(sharingAgreements.parkId, parkId))
    .orderBy(asc(sharingAgreements.startsOn));
}

export async function findAgreement(db: DbOrTx, parkId: string, id: string) {
  const [row] = await db
    .select()
    .from(sharingAgreements)
    .where(and(eq(sharingAgreements.id, id), eq(sharingAgreements.parkId, parkId)));
  return row;
}

export async function insertAgreement(db: DbOrTx, values: typeof sharingAgreements.$inferInsert): Promise<string> {
  const [row] = await db.insert(sharingAgreements).values(values).returning({ id: sharingAgreements.id });
  return row!.id;
}

/** A park's ledger, a year at a time on the page; without a year, the latest years first, capped. */
const LEDGER_PAGE_LIMIT = 10_000;

function ledgerOf(db: DbOrTx, parkId: string, year?: number) {
  return db
    .select({ entry: parkLedgerEntries, enterpriseName: parkEnterprises.name })
    .from(parkLedgerEntries)
    .innerJoin(parkEnterprises, eq(parkEnterprises.id, parkLedgerEntries.enterpriseId))
    .where(and(eq(parkLedgerEntries.parkId, parkId), year ? eq(parkLedgerEntries.periodYear, year) : undefined))
    .orderBy(
      year ? asc(parkLedgerEntries.periodYear) : desc(parkLedgerEntries.periodYear),
      sql`${parkLedgerEntries.periodMonth} NULLS LAST`,
      asc(parkEnterprises.name),
      asc(parkLedgerEntries.recordedAt),
    )
    .limit(LEDGER_PAGE_LIMIT);
}
export type LedgerRow = Awaited<ReturnType<typeof ledgerOf>>[number];

/** The years a park's ledger has entries for, latest first. */
async function ledgerYears(db: DbOrTx, parkId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: parkLedgerEntries.periodYear })
    .from(parkLedgerEntries)
    .where(eq(parkLedgerEntries.parkId, parkId))
    .orderBy(desc(parkLedgerEntries.periodYear));
  return rows.map((r) => r.year);
}

/** A park's ledger (of one year, or the latest) and the years it has entries for; undefined when out of scope. */
export async function findParkLedger(db: DbOrTx, actor: Actor, parkId: string, year?: number) {
  if (!(await findPark(db, actor, parkId))) return undefined;
  const [rows, years] = await Promise.all([ledgerOf(db, parkId, year), ledgerYears(db, parkId)]);
  return { rows, years };
}

/** The entries of the given years (with every correction: a correction has its original's period). */
export async function ledgerEntriesOfYears(db: DbOrTx, parkId: string, years: readonly number[]) {
  if (!years.length) return [];
  return db
    .select()
    .from(parkLedgerEntries)
    .where(and(eq(parkLedgerEntries.parkId, parkId), inArray(parkLedgerEntries.periodYear, [...years])));
}

/** One enterprise's entries of one figure, every period. */
export async function ledgerSeries(db: DbOrTx, parkId: string, enterpriseId: string, figure: string) {
  return db
    .select()
    .from(parkLedgerEntries)
    .where(
      and(
        eq(parkLedgerEntries.parkId, parkId),
        eq(parkLedgerEntries.enterpriseId, enterpriseId),
        eq(parkLedgerEntries.figure, figure as never),
      ),
    );
}

/** Stores ledger entries 500 to a statement; their ids in the order given. */
export async function insertLedgerEntries(
  db: DbOrTx,
  rows: (typeof parkLedgerEntries.$inferInsert)[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insert(parkLedgerEntries)
      .values(rows.slice(i, i + 500))
      .returning({ id: parkLedgerEntries.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
