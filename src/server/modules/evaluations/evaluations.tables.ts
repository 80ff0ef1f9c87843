import { index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, date } from 'drizzle-orm/pg-core';
import {
  AWARD_KINDS,
  type FrozenValue,
  type GradeBand,
  ROUND_SIDES,
  ROUND_STATES,
  type RoundIndicator,
  SUBJECT_SIDES,
} from '../../../common/api/evaluations.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { trackedItems } from '../tracking/tracking.tables.ts';

/**
 * 成效评估: a round for one year, opened by the national office with its indicators (weights, scoring rules) and
 * grade scale as data. open (self-assessment) → closed (values frozen, scores computed) → published.
 */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: uuid().primaryKey().defaultRandom(),
    year: integer().notNull(),
    title: text().notNull(),
    state: text({ enum: ROUND_STATES }).notNull().default('open'),
    /** Whole pairings, or each side of each pairing apart. */
    sides: text({ enum: ROUND_SIDES }).notNull(),
    selfDeadline: date().notNull(),
    indicators: jsonb().$type<RoundIndicator[]>().notNull(),
    gradeScale: jsonb().$type<GradeBand[]>().notNull(),
    closedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_rounds_year_idx').on(t.year)],
);

/** One pairing (or one side of it) evaluated in a round: its self-assessment, frozen values, score, rank and grade. */
export const evaluationSubjects = pgTable(
  'evaluation_subjects',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    side: text({ enum: SUBJECT_SIDES }).notNull(),
    narrative: text(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: uuid(),
    /** The values as they stood when the round closed; a published score is computed from these only. */
    frozen: jsonb().$type<FrozenValue[]>(),
    score: numeric({ precision: 7, scale: 2 }),
    adjustedScore: numeric({ precision: 7, scale: 2 }),
    adjustReason: text(),
    rank: integer(),
    grade: text(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_subjects_uq').on(t.roundId, t.pairingId, t.side),
    index('evaluation_subjects_pairing_idx').on(t.pairingId),
  ],
);

/** 通报表扬 and 整改要求 of a subject; a rectification order is a tracked item (督办) followed to closure. */
export const evaluationAwards = pgTable(
  'evaluation_awards',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    subjectId: uuid()
      .notNull()
      .references(() => evaluationSubjects.id, { onDelete: 'cascade' }),
    kind: text({ enum: AWARD_KINDS }).notNull(),
    text: text().notNull(),
    trackedItemId: uuid().references(() => trackedItems.id),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_awards_round_idx').on(t.roundId)],
);
