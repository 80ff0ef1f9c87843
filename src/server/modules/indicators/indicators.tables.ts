import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { INDICATOR_DIRECTIONS, INDICATOR_TYPES, INDICATOR_UNITS, type Term } from '../../../common/api/indicators.ts';
import { pairings } from '../pairings/pairings.tables.ts';

/**
 * An indicator is data: a name, a definition, and a formula that combines code-defined measures (numerator,
 * optional denominator, factor; each term with its filters). The built-in set is seeded with the programme; the
 * national office adds its own.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    definitionZh: text().notNull(),
    definitionEn: text().notNull(),
    unit: text({ enum: INDICATOR_UNITS }).notNull(),
    direction: text({ enum: INDICATOR_DIRECTIONS }).notNull(),
    type: text({ enum: INDICATOR_TYPES }).notNull(),
    numerator: jsonb().$type<Term>().notNull(),
    denominator: jsonb().$type<Term>(),
    factor: numeric({ precision: 20, scale: 4 }).notNull().default('1'),
    builtIn: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    ordinal: integer().notNull().default(1000),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicators_code_uq').on(t.code)],
);

/** What a pairing should reach on an indicator in a year (目标值), set by the national office. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id, { onDelete: 'cascade' }),
    year: integer().notNull(),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_targets_uq').on(t.indicatorId, t.pairingId, t.year),
    index('indicator_targets_pairing_idx').on(t.pairingId, t.year),
  ],
);

/**
 * What the whole programme should reach on an indicator in a year (the national dashboard's target), set by the
 * national office beside the pairings' own targets; not the sum of theirs (a ratio's target is not a sum).
 */
export const indicatorProgrammeTargets = pgTable(
  'indicator_programme_targets',
  {
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer().notNull(),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_programme_targets_uq').on(t.indicatorId, t.year)],
);
