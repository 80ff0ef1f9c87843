import { pgTable, text, doublePrecision, integer, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const regions = pgTable(
  'regions',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    shortName: text().notNull(),
    level: text({ enum: ['nation', 'province', 'city', 'county', 'zone'] }).notNull(),
    parentCode: text(),
    zoneType: text(),
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
    lng: doublePrecision(),
    lat: doublePrecision(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
