import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containing, startingWith } from '../../kernel/like-pattern.ts';
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
  childCount: sql<number>`(SELECT count(*)::int FROM regions c WHERE c.parent_code = "regions"."code")`,
};

export interface RegionFilter {
  q?: string;
  level?: string;
  parentCode?: string;
}

function filterCondition(f: RegionFilter): SQL | undefined {
  return and(
    f.q
      ? or(
          ilike(regions.name, containing(f.q)),
          sql`${regions.code} LIKE ${startingWith(f.q)}`,
          sql`${f.q} = ANY(${regions.aliases})`,
        )
      : undefined,
    f.level ? eq(regions.level, f.level as never) : undefined,
    f.parentCode ? eq(regions.parentCode, f.parentCode) : undefined,
  );
}

export async function listRegions(db: DbOrTx, f: RegionFilter, page: number, pageSize: number) {
  const where = filterCondition(f);
  const [items, [total]] = await Promise.all([
    db
      .select(itemColumns)
      .from(regions)
      .leftJoin(parent, eq(parent.code, regions.parentCode))
      .where(where)
      .orderBy(asc(regions.sortOrder))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(regions).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findRegion(db: DbOrTx, code: string) {
  const [row] = await db
    .select(itemColumns)
    .from(regions)
    .leftJoin(parent, eq(parent.code, regions.parentCode))
    .where(eq(regions.code, code));
  return row;
}

export async function childRegions(db: DbOrTx, code: string) {
  return db
    .select(itemColumns)
    .from(regions)
    .leftJoin(parent, eq(parent.code, regions.parentCode))
    .where(eq(regions.parentCode, code))
    .orderBy(asc(regions.sortOrder));
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
