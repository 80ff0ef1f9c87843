import { pgTable, text, uuid, date, timestamp, integer, primaryKey, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../users/users.tables.ts';

/** An official document the programme data was taken from, kept whole so every record can quote its clause. */
export const sourceDocuments = pgTable('source_documents', {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  docNo: text(),
  issuer: text(),
  issuedOn: date(),
  fileName: text().notNull(),
  sha256: text().notNull().unique(),
  body: text().notNull(),
  /** The body's lines, kept with it: a plan's page shows the count, and splitting a 446,000-character body on every read cost 15–50 ms. */
  lineCount: integer().generatedAlwaysAs(sql`array_length(string_to_array(body, E'\\n'), 1)`),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const programmes = pgTable('programmes', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  shortName: text(),
  docNo: text(),
  issuer: text(),
  issuedOn: date(),
  periodStart: integer(),
  periodEnd: integer(),
  goals: text(),
  ownerOffice: text(),
  sourceDocumentId: uuid().references(() => sourceDocuments.id),
  /**
   * The programme's own names for its two sides (东北地区/东部地区, 东部/西部, 支援方/受援方), in Chinese and English:
   * every label that names a side is made from them (common/programme-sides.ts). Null: the neutral 甲方/乙方.
   */
  sideAZh: text(),
  sideAEn: text(),
  sideBZh: text(),
  sideBEn: text(),
  /** The pairing levels the programme works at (province, city, …), in its own order; null: any. */
  levels: text().array(),
  /** The period as dates (a programme loaded from a file); periodStart/periodEnd keep the years of the seeded one. */
  periodFrom: date(),
  periodTo: date(),
  /**
   * The plan kinds offered in this programme (PLAN_KINDS codes, in its own order) and the indicator set measured for
   * its pairings (indicator codes); null: every kind, the whole active library (what the programme had before).
   */
  planKinds: text().array(),
  indicatorCodes: text().array(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The programmes a national-office user works in. A national-office user with no grant sees every programme (the
 * office of the whole platform, as before programmes were data); with grants, only the pairings of those.
 */
export const programmeGrants = pgTable(
  'programme_grants',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.programmeId] }),
    index('programme_grants_programme_idx').on(t.programmeId),
  ],
);
