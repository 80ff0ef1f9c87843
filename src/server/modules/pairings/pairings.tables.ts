import {
  pgTable,
  text,
  uuid,
  date,
  timestamp,
  integer,
  index,
  uniqueIndex,
  primaryKey,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { programmes, sourceDocuments } from '../programmes/programmes.tables.ts';
import { regions } from '../regions/regions.tables.ts';

export const pairings = pgTable(
  'pairings',
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id),
    parentId: uuid().references((): AnyPgColumn => pairings.id),
    name: text().notNull(),
    level: text({ enum: ['province', 'city', 'county', 'zone', 'department'] }).notNull(),
    theme: text(),
    status: text({ enum: ['active', 'exploratory', 'inactive'] })
      .notNull()
      .default('active'),
    startedOn: date(),
    endedOn: date(),
    note: text(),
    /** Both sides' region codes in canonical order, so the same two sides cannot be paired twice in a programme. */
    sidesKey: text().notNull(),
    sourceDocumentId: uuid().references(() => sourceDocuments.id),
    sourceLine: integer(),
    sourceQuote: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pairings_programme_idx').on(t.programmeId),
    index('pairings_parent_idx').on(t.parentId),
    uniqueIndex('pairings_sides_uq').on(t.programmeId, t.sidesKey),
  ],
);

/** A side may be several units (长春市 and 长白山开发区 together), so sides are rows, not strings. */
export const pairingSideRegions = pgTable(
  'pairing_side_regions',
  {
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id, { onDelete: 'cascade' }),
    side: text({ enum: ['a', 'b'] }).notNull(),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    ordinal: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.pairingId, t.side, t.regionCode] }),
    index('pairing_side_regions_region_idx').on(t.regionCode),
  ],
);

export const pairingOffices = pgTable(
  'pairing_offices',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id, { onDelete: 'cascade' }),
    side: text({ enum: ['a', 'b'] }).notNull(),
    leadingGroup: text(),
    officeName: text().notNull(),
    hostUnit: text(),
    note: text(),
    sourceDocumentId: uuid().references(() => sourceDocuments.id),
    sourceQuote: text(),
  },
  (t) => [index('pairing_offices_pairing_idx').on(t.pairingId)],
);

export const pairingContacts = pgTable(
  'pairing_contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id, { onDelete: 'cascade' }),
    side: text({ enum: ['a', 'b'] }).notNull(),
    name: text().notNull(),
    post: text(),
    phone: text(),
    email: text(),
  },
  (t) => [index('pairing_contacts_pairing_idx').on(t.pairingId)],
);
