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
  bigserial,
  index,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { pairings } from '../pairings/pairings.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { plans, planSections } from '../plans/plans.tables.ts';

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'delayed', 'suspended'] as const;
export const TARGET_COMPARISONS = ['atLeast', 'atMost', 'range', 'exactly'] as const;

/**
 * A numbered key task of a plan, or an item of an annual plan. A task keeps its id across re-imports of its plan
 * (it moves to the new version) so its assignment, reports and history stay with it.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => plans.id),
    sectionId: uuid().references(() => planSections.id, { onDelete: 'set null' }),
    /** Null for a task of a programme-level plan. */
    pairingId: uuid().references(() => pairings.id),
    /**
     * The task's number as officials cite it, unique in the plan: "12" where numbers run through the plan, "（二）3"
     * where they restart in each section (the national plan). Re-imports match tasks by it.
     */
    code: text().notNull(),
    no: integer().notNull(),
    ordinal: integer().notNull(),
    title: text().notNull(),
    text: text().notNull(),
    sourceLine: integer(),
    sourceEndLine: integer(),
    status: text({ enum: TASK_STATUSES }).notNull().default('not_started'),
    deadline: date(),
    /** Days before the deadline from which a task without progress shows yellow. */
    warningDays: integer().notNull().default(30),
    progressNote: text(),
    /** The implementation-plan task an annual-plan item serves. */
    tracedTaskId: uuid().references((): AnyPgColumn => tasks.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tasks_plan_code_uq').on(t.planId, t.code),
    index('tasks_pairing_idx').on(t.pairingId),
    index('tasks_traced_idx').on(t.tracedTaskId),
    index('tasks_deadline_idx').on(t.deadline),
  ],
);

/** A quantitative target read from the task text or set by the office: figures are numeric, never floating point. */
export const taskTargets = pgTable(
  'task_targets',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    ordinal: integer().notNull().default(0),
    min: numeric({ precision: 20, scale: 4 }),
    max: numeric({ precision: 20, scale: 4 }),
    unit: text().notNull(),
    perYear: boolean().notNull().default(false),
    comparison: text({ enum: TARGET_COMPARISONS }).notNull(),
    /** The words of the plan the target was read from; null when the office set it. */
    source: text(),
  },
  (t) => [index('task_targets_task_idx').on(t.taskId)],
);

/** 牵头/配合单位 on either side. A unit may be a registered organisation or only a name the plan gives. */
export const taskUnits = pgTable(
  'task_units',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    organisationId: uuid().references(() => organisations.id),
    name: text().notNull(),
    side: text({ enum: ['a', 'b'] }).notNull(),
    role: text({ enum: ['lead', 'co'] }).notNull(),
    ordinal: integer().notNull().default(0),
  },
  (t) => [index('task_units_task_idx').on(t.taskId), index('task_units_organisation_idx').on(t.organisationId)],
);

export const taskMilestones = pgTable(
  'task_milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    ordinal: integer().notNull().default(0),
    title: text().notNull(),
    dueOn: date(),
    doneOn: date(),
  },
  (t) => [index('task_milestones_task_idx').on(t.taskId)],
);

/** What changed on a task and by whom: re-imports of its plan and edits by the office. */
export const taskHistory = pgTable(
  'task_history',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    planId: uuid()
      .notNull()
      .references(() => plans.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorName: text(),
    action: text({ enum: ['created', 'imported', 'reimported', 'removed', 'updated'] }).notNull(),
    changes: jsonb(),
  },
  (t) => [index('task_history_task_idx').on(t.taskId, t.at)],
);
