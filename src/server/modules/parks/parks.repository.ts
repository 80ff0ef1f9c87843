import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { parks, parkEnterprises, sharingAgreements, parkLedgerEntries } from './parks.tables.ts';

/** Parks of the pairings in the actor's scope; every query below goes through it. */
export const parkScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, parks.pairingId);

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

export async function findParkSummary(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await summaryQuery(db).where(and(eq(parks.id, id), parkScope(actor)));
  return row;
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

/** A park's ledger, a year at a time on the page; without a year, the latest years first, capped. */
export const LEDGER_PAGE_LIMIT = 10_000;

export async function ledgerOf(db: DbOrTx, parkId: string, year?: number) {
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

/** The years a park's ledger has entries for, latest first. */
export async function ledgerYears(db: DbOrTx, parkId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: parkLedgerEntries.periodYear })
    .from(parkLedgerEntries)
    .where(eq(parkLedgerEntries.parkId, parkId))
    .orderBy(desc(parkLedgerEntries.periodYear));
  return rows.map((r) => r.year);
}
