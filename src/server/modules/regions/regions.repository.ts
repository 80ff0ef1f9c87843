import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.ts';
import { regions } from './regions.tables.ts';

const parent = alias(regions, 'parent');

const itemColumns = {
  code: regions.code,
  name: regions.name,
  shortName: regions.shortName,
  level: regions.level,
  zoneType: regions.zoneType,
  parentCode: regions.parentCode,
  parentName: parent.name,
  aliases: regions.aliases,
  childCount: sql<number>`(SELECT count(*)::int FROM regions c WHERE c.parent_code = ${regions.code})`,
};

export interface RegionFilter {
  q?: string;
  level?: string;
  parentCode?: string;
}

function filterCondition(f: RegionFilter): SQL | undefined {
  return and(
    f.q ? or(ilike(regions.name, `%${f.q}%`), sql`${regions.code} LIKE ${f.q + '%'}`, sql`${f.q} = ANY(${regions.aliases})`) : undefined,
    f.level ? eq(regions.level, f.level as never) : undefined,
    f.parentCode ? eq(regions.parentCode, f.parentCode) : undefined,
  );
}

export async function listRegions(db: DbOrTx, f: RegionFilter, page: number, pageSize: number) {
  const where = filterCondition(f);
  const [items, [total]] = await Promise.all([
    db.select(itemColumns).from(regions).leftJoin(parent, eq(parent.code, regions.parentCode)).where(where)
      .orderBy(asc(regions.sortOrder)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(regions).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findRegion(db: DbOrTx, code: string) {
  const [row] = await db.select(itemColumns).from(regions).leftJoin(parent, eq(parent.code, regions.parentCode)).where(eq(regions.code, code));
  return row;
}

export async function childRegions(db: DbOrTx, code: string) {
  return db.select(itemColumns).from(regions).leftJoin(parent, eq(parent.code, regions.parentCode)).where(eq(regions.parentCode, code)).orderBy(asc(regions.sortOrder));
}

/** The chain from the nation down to the region itself. */
export async function regionPath(db: DbOrTx, code: string) {
  const result = await db.execute<{ code: string; name: string; level: string; depth: number }>(sql`
    WITH RECURSIVE up AS (
      SELECT code, name, level, parent_code, 0 AS depth FROM regions WHERE code = ${code}
      UNION ALL
      SELECT r.code, r.name, r.level, r.parent_code, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent_code
    ) SELECT code, name, level, depth FROM up ORDER BY depth DESC`);
  return result.rows;
}

export async function existingRegionCodes(db: DbOrTx, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
  return new Set(rows.map((r) => r.code));
}

/**
 * Map positions for regions with the nearest ancestor's as fallback (counties have none of their own), and the
 * province each lies in.
 */
export async function regionRefs(db: DbOrTx, codes: string[]) {
  if (!codes.length) return new Map<string, RegionRefRow>();
  const result = await db.execute<RegionRefRow & { depth: number }>(sql`
    WITH RECURSIVE up AS (
      SELECT r.code AS origin, r.code, r.parent_code, r.level, r.lng, r.lat, 0 AS depth
        FROM regions r WHERE r.code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})
      UNION ALL
      SELECT up.origin, p.code, p.parent_code, p.level, p.lng, p.lat, up.depth + 1
        FROM regions p JOIN up ON p.code = up.parent_code
    )
    SELECT o.code, o.name, o.level,
      (SELECT u.lng FROM up u WHERE u.origin = o.code AND u.lng IS NOT NULL ORDER BY u.depth LIMIT 1) AS lng,
      (SELECT u.lat FROM up u WHERE u.origin = o.code AND u.lat IS NOT NULL ORDER BY u.depth LIMIT 1) AS lat,
      (o.lng IS NULL) AS approximate,
      (SELECT u.code FROM up u WHERE u.origin = o.code AND u.level = 'province' LIMIT 1) AS "provinceCode"
    FROM regions o WHERE o.code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
  return new Map(result.rows.map((r) => [r.code, { ...r, lng: r.lng === null ? null : Number(r.lng), lat: r.lat === null ? null : Number(r.lat) }]));
}

export type RegionRefRow = {
  code: string;
  name: string;
  level: 'nation' | 'province' | 'city' | 'county' | 'zone';
  lng: number | null;
  lat: number | null;
  approximate: boolean;
  provinceCode: string | null;
};
