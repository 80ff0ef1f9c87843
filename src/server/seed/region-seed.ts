import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { regions } from '../modules/regions/regions.tables.ts';
import { loadRegionRecords } from '../modules/regions/region-resolver.ts';

const BATCH = 1000;

/** Loads the shipped GB/T 2260 codes and zones when the table is empty or the shipped file has grown. */
export async function seedRegions(db: Db): Promise<number> {
  const records = loadRegionRecords();
  const [existing] = await db.select({ n: count() }).from(regions);
  if ((existing?.n ?? 0) >= records.length) return 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH).map((r, j) => ({
        code: r.code,
        name: r.name,
        shortName: r.shortName,
        level: r.level,
        parentCode: r.parentCode,
        zoneType: r.zoneType ?? null,
        aliases: r.aliases ?? [],
        lng: r.lng,
        lat: r.lat,
        sortOrder: i + j,
      }));
      await tx
        .insert(regions)
        .values(batch)
        .onConflictDoUpdate({
          target: regions.code,
          set: {
            name: sql`excluded.name`,
            shortName: sql`excluded.short_name`,
            level: sql`excluded.level`,
            parentCode: sql`excluded.parent_code`,
            zoneType: sql`excluded.zone_type`,
            aliases: sql`excluded.aliases`,
            lng: sql`excluded.lng`,
            lat: sql`excluded.lat`,
            sortOrder: sql`excluded.sort_order`,
          },
        });
    }
  });
  return records.length;
}
