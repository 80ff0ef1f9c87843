import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  jsonb,
  boolean,
  index,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { programmes, sourceDocuments } from '../programmes/programmes.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';

export const PLAN_KINDS = ['implementation', 'annual', 'special', 'division', 'national'] as const;

/**
 * A plan document of a pairing (or, for the national plan, of the programme). A re-imported changed version is a
 * new row that supersedes the previous one; only the current row of a lineage is `current`.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id),
    /** Null for a programme-level plan (the State Council's 工作方案). */
    pairingId: uuid().references(() => pairings.id),
    kind: text({ enum: PLAN_KINDS }).notNull(),
    title: text().notNull(),
    docNo: text(),
    /** The year of an annual work plan (年度工作计划/工作要点). */
    year: integer(),
    /** The implementation plan an annual plan serves. */
    parentPlanId: uuid().references((): AnyPgColumn => plans.id),
    sourceDocumentId: uuid().references(() => sourceDocuments.id),
    /**
     * Which plans are versions of one another: the pairing (or programme) and the title, or the pairing and year of
     * an annual plan. The partial unique index keeps one current version per lineage, even under a race.
     */
    lineageKey: text().notNull(),
    versionNo: integer().notNull().default(1),
    supersedesId: uuid().references((): AnyPgColumn => plans.id),
    current: boolean().notNull().default(true),
    /** What this version changed against the one it supersedes: task codes added, removed, changed. */
    changes: jsonb(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_pairing_idx').on(t.pairingId),
    index('plans_parent_idx').on(t.parentPlanId),
    uniqueIndex('plans_current_lineage_uq').on(t.lineageKey).where(sql`${t.current}`),
  ],
);

/** The heading tree of a plan (一、/（一）/ un-numbered) and its safeguard measures, with their line in the source. */
export const planSections = pgTable(
  'plan_sections',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => planSections.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['section', 'measure'] })
      .notNull()
      .default('section'),
    ordinal: integer().notNull(),
    no: text().notNull().default(''),
    title: text().notNull(),
    level: integer().notNull().default(1),
    line: integer(),
    /** A measure's clause text; sections carry their text in their tasks. */
    text: text(),
  },
  (t) => [index('plan_sections_plan_idx').on(t.planId, t.ordinal)],
);
