import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  numeric,
  date,
  boolean,
  jsonb,
  index,
  uniqueIndex,
  check,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { pairings } from '../pairings/pairings.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { PARK_TYPES, SHARED_FIGURES } from '../../../common/api/parks.ts';

/**
 * A co-built park (合作园区, 分园区, 飞地, 双创基地) of a pairing. Branch parks point at their main park
 * (津长产业合作园: one main park, three branches); a branch has no branches of its own.
 */
export const parks = pgTable(
  'parks',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    name: text().notNull(),
    type: text({ enum: PARK_TYPES }).notNull(),
    hostRegionCode: text()
      .notNull()
      .references(() => regions.code),
    partnerRegionCode: text().references(() => regions.code),
    mainParkId: uuid().references((): AnyPgColumn => parks.id),
    /** 平方公里. */
    areaKm2: numeric({ precision: 12, scale: 4 }),
    /** GB/T 4754-2017 大类 codes. */
    focusIndustries: text().array().notNull().default([]),
    operator: text(),
    /** Where the operating team comes from (e.g. 苏州工业园区管委会选派). */
    operatorTeamFrom: text(),
    establishedOn: date(),
    note: text(),
    /** Set when the pairing office shows the park on the public portal; nothing of a park is public before. */
    publishedAt: timestamp({ withTimezone: true }),
    /** The text shown to the public, written for it (the internal note never leaves the product). */
    publicSummary: text(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('parks_pairing_idx').on(t.pairingId),
    index('parks_main_idx').on(t.mainParkId),
    uniqueIndex('parks_pairing_name_uq').on(t.pairingId, t.name),
  ],
);

/** An enterprise settled in a park. The ledger only takes figures for these. */
export const parkEnterprises = pgTable(
  'park_enterprises',
  {
    id: uuid().primaryKey().defaultRandom(),
    parkId: uuid()
      .notNull()
      .references(() => parks.id),
    name: text().notNull(),
    /** 统一社会信用代码, when known. */
    creditCode: text(),
    industryDivision: text(),
    settledOn: date(),
    isDemo: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('park_enterprises_park_name_uq').on(t.parkId, t.name)],
);

/**
 * A benefit-sharing agreement of a park. Parties, terms (figures shared, dates, shares) and cost shares are
 * small structured values validated as a whole (sharing-agreement.ts), so they are kept as jsonb; shares are
 * strings of ten-thousandths of a percent.
 */
export const sharingAgreements = pgTable(
  'sharing_agreements',
  {
    id: uuid().primaryKey().defaultRandom(),
    parkId: uuid()
      .notNull()
      .references(() => parks.id),
    title: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date(),
    parties: jsonb().notNull(),
    terms: jsonb().notNull(),
    costShares: jsonb(),
    isDemo: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sharing_agreements_park_idx').on(t.parkId)],
);

/**
 * Tax and output per enterprise and period, in 元 exact to the fen. Append-only: a correction is a new row
 * superseding the one it corrects (park-ledger.ts); the unique index allows one correction per row.
 */
export const parkLedgerEntries = pgTable(
  'park_ledger_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    parkId: uuid()
      .notNull()
      .references(() => parks.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => parkEnterprises.id),
    figure: text({ enum: SHARED_FIGURES }).notNull(),
    periodYear: integer().notNull(),
    periodMonth: integer(),
    amountYuan: numeric({ precision: 20, scale: 2 }).notNull(),
    supersedesId: uuid().references((): AnyPgColumn => parkLedgerEntries.id),
    recordedBy: uuid(),
    recordedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [
    index('park_ledger_park_year_idx').on(t.parkId, t.periodYear),
    uniqueIndex('park_ledger_supersedes_uq').on(t.supersedesId),
    check('park_ledger_amount_not_negative', sql`${t.amountYuan} >= 0`),
    check('park_ledger_month', sql`${t.periodMonth} IS NULL OR ${t.periodMonth} BETWEEN 1 AND 12`),
  ],
);
