import { pgTable, text, uuid, timestamp, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.tables.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: text({
      enum: [
        'national_office',
        'pairing_office',
        'lead_unit',
        'org_dept',
        'enterprise',
        'institution',
        'public',
        'operator',
      ],
    }).notNull(),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_region_idx').on(t.regionCode),
    uniqueIndex('organisations_name_region_uq').on(t.name, t.regionCode),
  ],
);
