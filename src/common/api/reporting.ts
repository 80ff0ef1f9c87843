import { z } from 'zod';
import { isoDate, optionalText, pageQuery, paged, type QueryParams, text, uuid, programmeFilter } from './common.ts';
import { attachment } from './attachments.ts';
import { decimalInput } from './tasks.ts';
import {
  ATTACHMENT_KINDS,
  CYCLE_STATUSES,
  REPORT_FREQUENCIES,
  SLOT_STATES,
  TASK_STATUSES,
  UNIT_ROLES,
  type AttachmentKind,
  type CycleStatus,
  type ReportFrequency,
  type SlotState,
} from './enums.ts';

export {
  ATTACHMENT_KINDS,
  CYCLE_STATUSES,
  REPORT_FREQUENCIES,
  SLOT_STATES,
  type AttachmentKind,
  type CycleStatus,
  type ReportFrequency,
  type SlotState,
};

const side = z.enum(['a', 'b']);

// ---- cycles ----

export const createCycleInput = z.strictObject({
  pairingId: uuid,
  frequency: z.enum(REPORT_FREQUENCIES),
  year: z.number().int().min(2000).max(2100),
  /** Month 1–12, quarter 1–4, half 1–2; 1 for a yearly cycle. */
  period: z.number().int().min(1).max(12),
  /** Defaults to ten days after the period ends. */
  dueOn: isoDate.optional(),
  /** Days before the due date from which units are reminded. */
  reminderDays: z.number().int().min(0).max(60).default(7),
});
export type CreateCycleInput = z.infer<typeof createCycleInput>;
export type CreateCycleBody = z.input<typeof createCycleInput>;

export const approveCycleInput = z.strictObject({
  version: z.number().int().min(1),
  comment: optionalText(2000),
  /** Lock the period even though some slots were never submitted; they stay on record as not reported. */
  closeUnreported: z.boolean().default(false),
});
export type ApproveCycleInput = z.infer<typeof approveCycleInput>;
export type ApproveCycleBody = z.input<typeof approveCycleInput>;

export const unlockCycleInput = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(2).max(1000),
});
export type UnlockCycleInput = z.infer<typeof unlockCycleInput>;
export type UnlockCycleBody = z.input<typeof unlockCycleInput>;

export const cycleListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  /** With a pairing: its sub-pairs' periods too. */
  withSubPairs: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  status: z.enum(CYCLE_STATUSES).optional(),
  frequency: z.enum(REPORT_FREQUENCIES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageQuery,
});
export type CycleListQuery = z.infer<typeof cycleListQuery>;
export type CycleListParams = QueryParams<typeof cycleListQuery>;

const stateCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  approved: z.number().int(),
});

export const cycleSummary = z.object({
  id: z.uuid(),
  pairingId: z.uuid(),
  pairingName: z.string(),
  frequency: z.enum(REPORT_FREQUENCIES),
  year: z.number().int(),
  period: z.number().int(),
  periodLabel: z.string(),
  periodLabelEn: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  reminderDays: z.number().int(),
  status: z.enum(CYCLE_STATUSES),
  lockedAt: z.string().nullable(),
  /** Slots the viewer can see, by state (a lead unit counts its own). */
  counts: stateCounts,
  /** Days past the due date (0 before it). */
  daysOverdue: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type CycleSummary = z.infer<typeof cycleSummary>;
export const cycleListResponse = paged(cycleSummary);
export type CycleList = z.infer<typeof cycleListResponse>;

export const cycleDetail = cycleSummary.extend({
  history: z.array(
    z.object({ at: z.string(), action: z.string(), reason: z.string().nullable(), actorName: z.string().nullable() }),
  ),
  /**
   * The pairing's tasks under way that no unit has been given: the period opened without them (no one can report
   * on them); listed so the office assigns them, after which their reports are added to the period.
   */
  unassignedTasks: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
});
export type CycleDetail = z.infer<typeof cycleDetail>;

export const notReportedResponse = z.object({
  cycleId: z.uuid(),
  periodLabel: z.string(),
  periodLabelEn: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  total: z.number().int(),
  units: z.array(
    z.object({
      organisationId: z.uuid().nullable(),
      unitName: z.string(),
      side,
      daysOverdue: z.number().int(),
      slots: z.array(
        z.object({
          slotId: z.uuid(),
          taskId: z.uuid(),
          taskCode: z.string(),
          taskTitle: z.string(),
          role: z.enum(UNIT_ROLES),
          state: z.enum(SLOT_STATES),
        }),
      ),
    }),
  ),
});
export type NotReportedResponse = z.infer<typeof notReportedResponse>;

/** The office adds the slots of units assigned to the pairing's tasks after the period opened. */
export const addSlotsResponse = z.object({
  /** How many slots were added (0 when every assigned unit already had one). */
  added: z.number().int(),
  cycle: cycleDetail,
});
export type AddSlotsResponse = z.infer<typeof addSlotsResponse>;

// ---- reports (slots) ----

export const figureInput = z.strictObject({
  /** One of the task's targets; the figure must be in that target's unit. */
  targetId: uuid,
  value: decimalInput,
  unit: text(20),
  note: optionalText(500),
});

const reportFields = {
  taskStatus: z.enum(TASK_STATUSES).optional(),
  percent: z.number().int().min(0).max(100).optional(),
  narrative: optionalText(10_000),
  figures: z.array(figureInput).max(20).optional(),
};
export const saveReportInput = z.strictObject({ version: z.number().int().min(1), ...reportFields });
export type SaveReportInput = z.infer<typeof saveReportInput>;
export type SaveReportBody = z.input<typeof saveReportInput>;
/** Submitting may carry the last edits, so a form saves and submits in one request. */
export const submitReportInput = saveReportInput;

export const returnReportInput = z.strictObject({ version: z.number().int().min(1), comment: text(2000) });
export type ReturnReportBody = z.input<typeof returnReportInput>;
export const approveReportInput = z.strictObject({ version: z.number().int().min(1), comment: optionalText(2000) });
export type ApproveReportBody = z.input<typeof approveReportInput>;
export type ReviewInput = { version: number; comment?: string | null };

/** A unit asks for its report on a task in a cycle (made on the spot when it was assigned after the cycle opened). */
export const openReportInput = z.strictObject({ taskId: uuid });

export const reportListQuery = z.strictObject({
  ...programmeFilter,
  cycleId: uuid.optional(),
  pairingId: uuid.optional(),
  taskId: uuid.optional(),
  organisationId: uuid.optional(),
  state: z.enum(SLOT_STATES).optional(),
  ...pageQuery,
});
export type ReportListQuery = z.infer<typeof reportListQuery>;
export type ReportListParams = QueryParams<typeof reportListQuery>;

export const reportSummary = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  pairingId: z.uuid(),
  periodLabel: z.string(),
  periodLabelEn: z.string(),
  cycleStatus: z.enum(CYCLE_STATUSES),
  dueOn: z.string(),
  taskId: z.uuid(),
  taskCode: z.string(),
  taskTitle: z.string(),
  organisationId: z.uuid().nullable(),
  unitName: z.string(),
  side,
  role: z.enum(UNIT_ROLES),
  state: z.enum(SLOT_STATES),
  taskStatus: z.enum(TASK_STATUSES).nullable(),
  percent: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ReportSummary = z.infer<typeof reportSummary>;
export const reportListResponse = paged(reportSummary);
export type ReportList = z.infer<typeof reportListResponse>;

export const reportDetail = reportSummary.extend({
  narrative: z.string().nullable(),
  figures: z.array(
    z.object({
      id: z.uuid(),
      targetId: z.uuid(),
      targetText: z.string(),
      unit: z.string(),
      value: z.string(),
      note: z.string().nullable(),
    }),
  ),
  /** The task's targets the figures are reported against, with the unit each must use. */
  targets: z.array(z.object({ id: z.uuid(), text: z.string(), unit: z.string() })),
  attachments: z.array(attachment),
  reviewComment: z.string().nullable(),
  /** Whether the report can still be changed: its cycle is open and it is not waiting for or past review. */
  editable: z.boolean(),
  events: z.array(
    z.object({ at: z.string(), action: z.string(), comment: z.string().nullable(), actorName: z.string().nullable() }),
  ),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const inboxItem = z.object({
  slotId: z.uuid(),
  cycleId: z.uuid(),
  periodLabel: z.string(),
  periodLabelEn: z.string(),
  dueOn: z.string(),
  /** Negative once the due date has passed. */
  daysLeft: z.number().int(),
  state: z.enum(SLOT_STATES),
  taskId: z.uuid(),
  taskCode: z.string(),
  taskTitle: z.string(),
  unitName: z.string(),
  reviewComment: z.string().nullable(),
});
export type InboxItem = z.infer<typeof inboxItem>;
export const inboxResponse = z.object({ items: z.array(inboxItem), overdue: z.number().int() });
export type InboxResponse = z.infer<typeof inboxResponse>;
