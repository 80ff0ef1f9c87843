import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { programmes } from '../programmes/programmes.tables.ts';
import { indicatorProgrammeTargets, indicators, indicatorTargets } from './indicators.tables.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorInsert = typeof indicators.$inferInsert;

export async function listIndicators(db: DbOrTx, opts: { activeOnly?: boolean; ids?: readonly string[] } = {}) {
  return db
    .select()
    .from(indicators)
    .where(
      and(
        opts.activeOnly ? eq(indicators.active, true) : undefined,
        opts.ids ? (opts.ids.length ? inArray(indicators.id, [...opts.ids]) : sql`false`) : undefined,
      ),
    )
    .orderBy(asc(indicators.ordinal), asc(indicators.code));
}

export async function findIndicator(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(indicators).where(eq(indicators.id, id));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

export async function codeTaken(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, code));
  return Boolean(row);
}

export async function insertIndicator(db: DbOrTx, values: typeof indicators.$inferInsert): Promise<string> {
  const [row] = await db.insert(indicators).values(values).returning({ id: indicators.id });
  return row!.id;
}

/** The built-in set: new codes are added, existing ones left as the national office may have renamed them. */
export async function insertMissingIndicators(db: DbOrTx, rows: (typeof indicators.$inferInsert)[]): Promise<number> {
  if (!rows.length) return 0;
  const added = await db
    .insert(indicators)
    .values(rows)
    .onConflictDoNothing({ target: indicators.code })
    .returning({ id: indicators.id });
  return added.length;
}

export async function updateIndicatorRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof indicators.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(indicators)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(indicators.id, id), eq(indicators.version, version)))
    .returning({ id: indicators.id });
  return updated.length > 0;
}

/** Targets of the indicators for the years, by `indicatorId|pairingId|year`. */
export async function targetsOf(
  db: DbOrTx,
  indicatorIds: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<Map<string, string>> {
  if (!indicatorIds.length) return new Map();
  const rows = await db
    .select()
    .from(indicatorTargets)
    .where(
      and(
        inArray(indicatorTargets.indicatorId, [...indicatorIds]),
        sql`${indicatorTargets.year} BETWEEN ${fromYear} AND ${toYear}`,
      ),
    );
  return new Map(rows.map((r) => [`${r.indicatorId}|${r.pairingId}|${r.year}`, r.value]));
}

/** Sets (value) or removes (null) each pairing's target; returns the values they replace, for the audit row. */
export async function saveTargets(
  db: DbOrTx,
  indicatorId: string,
  year: number,
  targets: readonly { pairingId: string; value: string | null }[],
): Promise<Record<string, string | null>> {
  const before: Record<string, string | null> = {};
  const current = await targetsOf(db, [indicatorId], year, year);
  for (const t of targets) {
    before[t.pairingId] = current.get(`${indicatorId}|${t.pairingId}|${year}`) ?? null;
    if (t.value === null) {
      await db
        .delete(indicatorTargets)
        .where(
          and(
            eq(indicatorTargets.indicatorId, indicatorId),
            eq(indicatorTargets.pairingId, t.pairingId),
            eq(indicatorTargets.year, year),
          ),
        );
    } else {
      await db
        .insert(indicatorTargets)
        .values({ indicatorId, pairingId: t.pairingId, year, value: t.value })
        .onConflictDoUpdate({
          target: [indicatorTargets.indicatorId, indicatorTargets.pairingId, indicatorTargets.year],
          set: { value: t.value, updatedAt: new Date() },
        });
    }
  }
  return before;
}

/** The programme's targets of indicators for the years, by `indicatorId|null|year` (the pairings' key, no pairing). */
export async function programmeTargetsOf(
  db: DbOrTx,
  indicatorIds: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<Map<string, string>> {
  if (!indicatorIds.length) return new Map();
  const rows = await db
    .select()
    .from(indicatorProgrammeTargets)
    .where(
      and(
        inArray(indicatorProgrammeTargets.indicatorId, [...indicatorIds]),
        sql`${indicatorProgrammeTargets.year} BETWEEN ${fromYear} AND ${toYear}`,
      ),
    );
  return new Map(rows.map((r) => [`${r.indicatorId}|null|${r.year}`, r.value]));
}

/** Sets (value) or removes (null) the programme's target; returns the value it replaces, for the audit row. */
export async function saveProgrammeTarget(
  db: DbOrTx,
  indicatorId: string,
  year: number,
  value: string | null,
): Promise<string | null> {
  const before = (await programmeTargetsOf(db, [indicatorId], year, year)).get(`${indicatorId}|null|${year}`) ?? null;
  if (value === null)
    await db
      .delete(indicatorProgrammeTargets)
      .where(and(eq(indicatorProgrammeTargets.indicatorId, indicatorId), eq(indicatorProgrammeTargets.year, year)));
  else
    await db
      .insert(indicatorProgrammeTargets)
      .values({ indicatorId, year, value })
      .onConflictDoUpdate({
        target: [indicatorProgrammeTargets.indicatorId, indicatorProgrammeTargets.year],
        set: { value, updatedAt: new Date() },
      });
  return before;
}

/** Which of these ids are pairings (a target names a pairing that exists). */
export async function existingPairings(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: pairings.id })
    .from(pairings)
    .where(inArray(pairings.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

/** The indicator codes the pairing's programme measures (programmes.indicator_codes); null: the whole library. */
export async function programmeIndicatorCodes(db: DbOrTx, pairingId: string): Promise<string[] | null> {
  const [row] = await db
    .select({ codes: programmes.indicatorCodes })
    .from(pairings)
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .where(eq(pairings.id, pairingId));
  return row?.codes ?? null;
}

/** Gives a built-in indicator new texts when it still has the Chinese name it was shipped with; true when it did. */
export async function renameShippedIndicator(
  db: DbOrTx,
  code: string,
  formerNameZh: string,
  texts: Pick<typeof indicators.$inferInsert, 'nameZh' | 'nameEn' | 'definitionZh' | 'definitionEn'>,
): Promise<boolean> {
  const rows = await db
    .update(indicators)
    .set({ ...texts, version: sql`${indicators.version} + 1`, updatedAt: new Date() })
    .where(and(eq(indicators.code, code), eq(indicators.builtIn, true), eq(indicators.nameZh, formerNameZh)))
    .returning({ id: indicators.id });
  return rows.length > 0;
}
