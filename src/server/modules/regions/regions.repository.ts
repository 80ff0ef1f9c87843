import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containing, startingWith } from '../../kernel/like-pattern.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/database.ts';
import type { RegionLevel } from '../../../common/regions/region-types.ts';
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

/**
 * A region with its children (zones among them) and the chain from the nation down to it, in three queries run
 * together; undefined when no region has the code.
 */
export async function findRegionDetail(db: DbOrTx, code: string) {
  const [[region], children, path] = await Promise.all([
    db
      .select(itemColumns)
      .from(regions)
      .leftJoin(parent, eq(parent.code, regions.parentCode))
      .where(eq(regions.code, code)),
    db
      .select(itemColumns)
      .from(regions)
      .leftJoin(parent, eq(parent.code, regions.parentCode))
      .where(eq(regions.parentCode, code))
      .orderBy(asc(regions.sortOrder)),
    db.execute<{ code: string; name: string; level: RegionLevel; depth: number }>(sql`
      WITH RECURSIVE up AS (
        SELECT code, name, level, parent_code, 0 AS depth FROM regions WHERE code = ${code}
        UNION ALL
        SELECT r.code, r.name, r.level, r.parent_code, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent_code
      ) SELECT code, name, level, depth FROM up ORDER BY depth DESC`),
  ]);
  return region && { region, children, path: path.rows };
}
export type RegionItemRow = Awaited<ReturnType<typeof listRegions>>['items'][number];
export type RegionDetailRows = NonNullable<Awaited<ReturnType<typeof findRegionDetail>>>;

export async function existingRegionCodes(db: DbOrTx, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
  return new Set(rows.map((r) => r.code));
}
