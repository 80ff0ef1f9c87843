import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  numeric,
  date,
  bigserial,
  index,
  uniqueIndex,
  check,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { pairings } from '../pairings/pairings.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { tasks, TASK_STATUSES } from '../tasks/tasks.tables.ts';
import { REPORT_FREQUENCIES, CYCLE_STATUSES, SLOT_STATES } from '../../../common/api/reporting.ts';

/**
 * A reporting period of one pairing (调度: 2026年第四季度 …). Approving the cycle as a whole locks it: nothing in it
 * changes until the office unlocks it, which is recorded with its reason.
 */
export const reportingCycles = pgTable(
  'reporting_cycles',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    frequency: text({ enum: REPORT_FREQUENCIES }).notNull(),
    year: integer().notNull(),
    period: integer().notNull(),
    periodLabel: text().notNull(),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    dueOn: date().notNull(),
    reminderDays: integer().notNull().default(7),
    status: text({ enum: CYCLE_STATUSES }).notNull().default('open'),
    lockedAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The same period cannot be opened twice for a pairing, even by two offices at once.
    uniqueIndex('reporting_cycles_period_uq').on(t.pairingId, t.frequency, t.periodStart),
    index('reporting_cycles_due_idx').on(t.status, t.dueOn),
  ],
);

/**
 * Creation, approval (lock) and unlocking of a cycle, with the reason the office gave for unlocking, and the slots
 * the office added for units assigned after it opened.
 */
export const reportingCycleEvents = pgTable(
  'reporting_cycle_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    cycleId: uuid()
      .notNull()
      .references(() => reportingCycles.id, { onDelete: 'cascade' }),
    action: text({ enum: ['created', 'approved', 'unlocked', 'slots_added'] }).notNull(),
    reason: text(),
    actorUserId: uuid(),
    actorName: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reporting_cycle_events_cycle_idx').on(t.cycleId, t.at)],
);

/**
 * What one unit owes for one task in one cycle, and what it reported. The unit is copied from the task's units
 * when the cycle opens (task units are replaced wholesale when a task is edited, so they cannot be referenced);
 * a unit known only by name has no organisation and its office fills the report for it.
 */
export const reportSlots = pgTable(
  'report_slots',
  {
    id: uuid().primaryKey().defaultRandom(),
    cycleId: uuid()
      .notNull()
      .references(() => reportingCycles.id, { onDelete: 'cascade' }),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id),
    organisationId: uuid().references(() => organisations.id),
    unitName: text().notNull(),
    /** The organisation id, or the unit's name when it has none: one slot per unit and task in a cycle. */
    unitKey: text().notNull(),
    side: text({ enum: ['a', 'b'] }).notNull(),
    role: text({ enum: ['lead', 'co'] }).notNull(),
    state: text({ enum: SLOT_STATES }).notNull().default('pending'),
    taskStatus: text({ enum: TASK_STATUSES }),
    percent: integer(),
    narrative: text(),
    reviewComment: text(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: uuid(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_slots_unit_uq').on(t.cycleId, t.taskId, t.unitKey),
    index('report_slots_organisation_idx').on(t.organisationId, t.state),
    index('report_slots_task_idx').on(t.taskId),
    check('report_slots_percent_ck', sql`${t.percent} IS NULL OR ${t.percent} BETWEEN 0 AND 100`),
  ],
);

/**
 * A figure reported against one of the task's targets. The target's id, wording and unit are copied, as task
 * targets are replaced when the task is edited and a report must keep saying what it was measured against.
 */
export const reportFigures = pgTable(
  'report_figures',
  {
    id: uuid().primaryKey().defaultRandom(),
    slotId: uuid()
      .notNull()
      .references(() => reportSlots.id, { onDelete: 'cascade' }),
    ordinal: integer().notNull().default(0),
    targetId: uuid().notNull(),
    targetText: text().notNull(),
    unit: text().notNull(),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
    note: text(),
  },
  (t) => [index('report_figures_slot_idx').on(t.slotId)],
);

/** The life of a report: saves, submissions, returns with their comment, approvals, attachments. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    slotId: uuid()
      .notNull()
      .references(() => reportSlots.id, { onDelete: 'cascade' }),
    action: text({ enum: ['opened', 'saved', 'submitted', 'returned', 'approved', 'attached', 'detached'] }).notNull(),
    comment: text(),
    actorUserId: uuid(),
    actorName: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_events_slot_idx').on(t.slotId, t.at)],
);
