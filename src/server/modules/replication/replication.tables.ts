import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ADOPTION_STAGES, PRACTICE_CATEGORIES, SIDES } from '../../../common/api/enums.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { regions } from '../regions/regions.tables.ts';

/**
 * 复制推广: a practice (典型经验做法) of one side of a pairing — 浙江 "最多跑一次", 天津 并联审批 — registered for the
 * other side to learn from. Its side is the side of its source region, read when it is written.
 */
export const replicationPractices = pgTable(
  'replication_practices',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    title: text().notNull(),
    category: text({ enum: PRACTICE_CATEGORIES }).notNull(),
    sourceSide: text({ enum: SIDES }).notNull(),
    sourceRegionCode: text()
      .notNull()
      .references(() => regions.code),
    description: text().notNull(),
    sourceDocTitle: text(),
    sourceDocNumber: text(),
    sourceDocDate: date(),
    sourceLink: text(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('replication_practices_pairing_idx').on(t.pairingId, t.createdAt)],
);

/**
 * A unit of the other side taking a practice up. `stage` and `stageReachedOn` repeat its furthest stage not
 * withdrawn (kept with each stage change, in the same transaction), so lists and counts need no history scan.
 */
export const replicationAdoptions = pgTable(
  'replication_adoptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => replicationPractices.id, { onDelete: 'cascade' }),
    adopterOrganisationId: uuid().references(() => organisations.id),
    adopterName: text().notNull(),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    side: text({ enum: SIDES }).notNull(),
    stage: text({ enum: ADOPTION_STAGES }).notNull(),
    stageReachedOn: date().notNull(),
    results: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('replication_adoptions_practice_idx').on(t.practiceId),
    index('replication_adoptions_org_idx').on(t.adopterOrganisationId),
  ],
);

/** Each stage an adoption reached, with its date and local document; a withdrawn stage stays, marked, with why. */
export const replicationStages = pgTable(
  'replication_stages',
  {
    id: uuid().primaryKey().defaultRandom(),
    adoptionId: uuid()
      .notNull()
      .references(() => replicationAdoptions.id, { onDelete: 'cascade' }),
    stage: text({ enum: ADOPTION_STAGES }).notNull(),
    reachedOn: date().notNull(),
    note: text(),
    docTitle: text(),
    docNumber: text(),
    docDate: date(),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnReason: text(),
    recordedBy: uuid(),
    recordedByName: text(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('replication_stages_adoption_idx').on(t.adoptionId, t.reachedOn)],
);
