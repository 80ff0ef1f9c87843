import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  numeric,
  date,
  boolean,
  index,
  uniqueIndex,
  primaryKey,
  check,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { pairings } from '../pairings/pairings.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { parks } from '../parks/parks.tables.ts';
import { events, eventAgreements } from '../events/events.tables.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { PROJECT_STAGES, PIPELINE_STAGES, PROJECT_TYPES, MONEY_FIGURES } from '../../../common/api/projects.ts';
import { rowSearchGrams } from './search-grams.ts';

const wan = () => numeric({ precision: 20, scale: 6 });

/**
 * A cooperation project. Its stage history and money reports are rows of their own (append-only); the columns
 * `stage`, `furthest_stage`, the stage dates and the four current figures are kept in step with them by the
 * service, so the ledger, the funnel and the rates read one table.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    side: text({ enum: ['a', 'b'] }).notNull(),
    title: text().notNull(),
    investor: text().notNull(),
    investorRegionCode: text().references(() => regions.code),
    hostRegionCode: text()
      .notNull()
      .references(() => regions.code),
    parkId: uuid().references(() => parks.id),
    industrySection: text(),
    industryDivision: text(),
    type: text({ enum: PROJECT_TYPES }).notNull(),
    projectCode: text(),
    landmark: boolean().notNull().default(false),
    greenChannel: boolean().notNull().default(false),
    stage: text({ enum: PROJECT_STAGES }).notNull(),
    pausedFrom: text({ enum: PIPELINE_STAGES }),
    furthestStage: text({ enum: PIPELINE_STAGES }).notNull(),
    signedOn: date(),
    startedOn: date(),
    producingOn: date(),
    signedWan: wan().notNull().default('0'),
    plannedWan: wan().notNull().default('0'),
    arrivedWan: wan().notNull().default('0'),
    completedWan: wan().notNull().default('0'),
    centralBudgetWan: wan(),
    bankCreditWan: wan(),
    industryFundWan: wan(),
    eventId: uuid().references(() => events.id),
    eventAgreementId: uuid().references(() => eventAgreements.id),
    contactName: text(),
    contactPhone: text(),
    note: text(),
    /** Set when the pairing office publishes the project (portal, open data, IATI); nothing is public before. */
    publishedAt: timestamp({ withTimezone: true }),
    /** The text shown to the public, written for it (the internal note never leaves the product). */
    publicSummary: text(),
    /** 项目代码, else pairing + normalised title + investor: what makes a re-import idempotent (sheet/project-import-plan.ts). */
    naturalKey: text().notNull(),
    importFingerprint: text(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_natural_key_uq').on(t.naturalKey),
    uniqueIndex('projects_code_uq').on(t.projectCode).where(sql`${t.projectCode} IS NOT NULL`),
    // A scope's (or a pairing's) projects at one stage or in one industry section, newest first: a ledger page so
    // filtered finds the set from these entries alone (listProjects, findFirst), index-only, and sorts it.
    index('projects_pairing_stage_created_idx').on(t.pairingId, t.stage, t.createdAt, t.id),
    index('projects_pairing_industry_created_idx').on(t.pairingId, t.industrySection, t.createdAt, t.id),
    index('projects_park_idx').on(t.parkId),
    index('projects_event_idx').on(t.eventId),
    index('projects_created_idx').on(t.createdAt, t.id),
    // A scoped ledger, newest first (the mix's commonest page): the scope's rows from its pairings' entries alone,
    // index-only, then sorted, instead of walking every pairing's rows by date to pick out the scope's.
    index('projects_pairing_created_idx').on(t.pairingId, t.createdAt, t.id),
    // A scope's ledger by title, 签约额 or signing date, walked pairing by pairing (listProjects, perPairing).
    index('projects_pairing_title_idx').on(t.pairingId, t.title, t.id),
    index('projects_pairing_signed_idx').on(t.pairingId, t.signedWan, t.id),
    index('projects_pairing_signed_on_idx').on(t.pairingId, t.signedOn, t.id),
    // The ledger's other sorts (title, 签约额, signing date) and the signing-year filter (a range of signed_on).
    index('projects_title_idx').on(t.title, t.id),
    index('projects_signed_idx').on(t.signedWan, t.id),
    index('projects_signed_on_idx').on(t.signedOn, t.id),
    // The whole programme's ledger at one stage or in one industry section by title, 签约额 or signing date
    // (listProjects, walkByFilter): the page's entries read straight off the index, index-only, instead of walking
    // the sort's index of every project past the other stages' or sections' rows (EXPLAIN (ANALYZE, BUFFERS), the
    // mix's 100,000 projects, PostgreSQL: up to 88,309 buffers and 0.5 s for a page; 1-5 buffers with these).
    index('projects_stage_title_idx').on(t.stage, t.title, t.id),
    index('projects_stage_signed_idx').on(t.stage, t.signedWan, t.id),
    index('projects_stage_signed_on_idx').on(t.stage, t.signedOn, t.id),
    index('projects_industry_title_idx').on(t.industrySection, t.title, t.id),
    index('projects_industry_signed_idx').on(t.industrySection, t.signedWan, t.id),
    index('projects_industry_signed_on_idx').on(t.industrySection, t.signedOn, t.id),
    index('projects_published_idx').on(t.pairingId).where(sql`${t.publishedAt} IS NOT NULL`),
    // The search by an infix of the title or investor reads only the rows holding its character pairs.
    index('projects_search_grams_idx').using('gin', rowSearchGrams(t.title, t.investor)),
    check(
      'projects_money_not_negative',
      sql`${t.signedWan} >= 0 AND ${t.plannedWan} >= 0 AND ${t.arrivedWan} >= 0 AND ${t.completedWan} >= 0`,
    ),
  ],
);

/** Every stage move with its date, in order; never updated. */
export const projectStageMoves = pgTable(
  'project_stage_moves',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    ordinal: integer().notNull(),
    fromStage: text({ enum: PROJECT_STAGES }),
    toStage: text({ enum: PROJECT_STAGES }).notNull(),
    on: date().notNull(),
    note: text(),
    recordedBy: uuid(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_stage_moves_ordinal_uq').on(t.projectId, t.ordinal)],
);

/**
 * Money reports: one figure's cumulative value at the end of a period. A later report of the same figure and
 * period is a correction; both stay (project-money.ts).
 */
export const projectFigureReports = pgTable(
  'project_figure_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    figure: text({ enum: MONEY_FIGURES }).notNull(),
    periodYear: integer().notNull(),
    periodMonth: integer(),
    amountWan: wan().notNull(),
    overrideReason: text(),
    recordedBy: uuid(),
    recordedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    index('project_figure_reports_project_idx').on(t.projectId, t.figure),
    check('project_figure_reports_amount_not_negative', sql`${t.amountWan} >= 0`),
    check('project_figure_reports_month', sql`${t.periodMonth} IS NULL OR ${t.periodMonth} BETWEEN 1 AND 12`),
  ],
);

/** Plan tasks a project serves. */
export const projectTasks = pgTable(
  'project_tasks',
  {
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.taskId] })],
);

/**
 * The projects counted and summed by pairing, demo flag and furthest stage, along one dimension at a time: side,
 * industry section, signing year, current stage (`dim`, with its value in `key`; '' for none). Kept by statement
 * triggers on projects (migration 0012) in the same transaction as every insert, update and delete, so the
 * stats, the dashboard and the ledger's totals read a few thousand rows instead of every project. Rows whose
 * counts fall to zero stay (they add nothing).
 */
export const projectRollups = pgTable(
  'project_rollups',
  {
    dim: text({ enum: ['side', 'industry', 'year', 'stage'] }).notNull(),
    pairingId: uuid().notNull(),
    isDemo: boolean().notNull(),
    key: text().notNull(),
    furthestStage: text({ enum: PIPELINE_STAGES }).notNull(),
    projects: integer().notNull().default(0),
    landmark: integer().notNull().default(0),
    // Sums of numeric(20,6) may outgrow it: unbounded numeric.
    signedWan: numeric().notNull().default('0'),
    plannedWan: numeric().notNull().default('0'),
    arrivedWan: numeric().notNull().default('0'),
    completedWan: numeric().notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.dim, t.pairingId, t.isDemo, t.key, t.furthestStage] })],
);
