import { z } from 'zod';
import { isoDate, optionalText, pageQuery, paged, type QueryParams, text, uuid, programmeFilter } from './common.ts';
import {
  TARGET_COMPARISONS,
  TASK_LIGHTS,
  TASK_STATUSES,
  UNIT_ROLES,
  type TaskLight,
  type TaskStatus,
} from './enums.ts';

export { TARGET_COMPARISONS, TASK_LIGHTS, TASK_STATUSES, UNIT_ROLES, type TaskLight, type TaskStatus };

const DECIMAL_RE = /^-?\d{1,16}(?:\.\d{1,4})?$/;

/**
 * A figure as the database keeps it (numeric, never floating point): the API answers decimal strings and accepts
 * a string or a JSON number (the parser's preview gives numbers), normalised to a string.
 */
export const decimalInput = z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? (Number.isFinite(v) && Math.abs(v) < 1e16 ? String(v) : '') : v;
  if (!DECIMAL_RE.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'invalid decimal', params: { code: 'invalid_decimal' } });
    return z.NEVER;
  }
  return s;
});

export const targetInput = z.strictObject({
  min: decimalInput.nullable(),
  max: decimalInput.nullable(),
  unit: text(20),
  perYear: z.boolean().default(false),
  comparison: z.enum(TARGET_COMPARISONS),
  source: optionalText(500),
});
export type TargetInput = z.infer<typeof targetInput>;
export type TargetBody = z.input<typeof targetInput>;

export const unitInput = z.strictObject({
  /** A registered organisation; the name defaults to its name. */
  organisationId: uuid.nullable().optional(),
  name: optionalText(200),
  side: z.enum(['a', 'b']),
  role: z.enum(UNIT_ROLES),
});
export type UnitInput = z.infer<typeof unitInput>;

export const milestoneInput = z.strictObject({
  title: text(300),
  dueOn: isoDate.nullable().optional(),
  doneOn: isoDate.nullable().optional(),
});

export const target = z.object({
  id: z.uuid(),
  min: z.string().nullable(),
  max: z.string().nullable(),
  unit: z.string(),
  perYear: z.boolean(),
  comparison: z.enum(TARGET_COMPARISONS),
  source: z.string().nullable(),
});
export const taskUnit = z.object({
  id: z.uuid(),
  organisationId: z.uuid().nullable(),
  name: z.string(),
  side: z.enum(['a', 'b']),
  role: z.enum(UNIT_ROLES),
});
export const milestone = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
});

export const taskSummary = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  planKind: z.string(),
  pairingId: z.uuid().nullable(),
  pairingName: z.string().nullable(),
  sectionId: z.uuid().nullable(),
  sectionTitle: z.string().nullable(),
  code: z.string(),
  no: z.number().int(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  light: z.enum(TASK_LIGHTS),
  deadline: z.string().nullable(),
  warningDays: z.number().int(),
  units: z.array(taskUnit),
  targetCount: z.number().int(),
  tracedTaskId: z.uuid().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TaskSummary = z.infer<typeof taskSummary>;

const taskRef = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  planId: z.uuid(),
  planTitle: z.string(),
  year: z.number().int().nullable(),
});

export const taskDetail = taskSummary.extend({
  /** The full clause as the plan words it, and where it stands in the plan's source text. */
  text: z.string(),
  sourceLine: z.number().int().nullable(),
  sourceEndLine: z.number().int().nullable(),
  source: z.object({ documentId: z.uuid(), title: z.string(), fileName: z.string() }).nullable(),
  progressNote: z.string().nullable(),
  targets: z.array(target),
  milestones: z.array(milestone),
  tracedTask: taskRef.nullable(),
  /** Annual-plan items that serve this task. */
  servedBy: z.array(taskRef),
  history: z.array(
    z.object({ at: z.string(), actorName: z.string().nullable(), action: z.string(), changes: z.unknown() }),
  ),
  createdAt: z.string(),
});
export type TaskDetail = z.infer<typeof taskDetail>;

export const taskListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  planId: uuid.optional(),
  sectionId: uuid.optional(),
  side: z.enum(['a', 'b']).optional(),
  organisationId: uuid.optional(),
  /** Part of a unit's name (牵头或配合单位). */
  unit: z.string().trim().min(1).max(50).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  light: z.enum(TASK_LIGHTS).optional(),
  /** Only the tasks the user's own organisation leads or co-operates on. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().min(1).max(50).optional(),
  sort: z.enum(['plan', 'deadline', 'status', 'updatedAt']).default('plan'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;
export type TaskListParams = QueryParams<typeof taskListQuery>;
export const taskListResponse = paged(taskSummary).extend({
  /** How many tasks of each light match the other filters. */
  lights: z.object({
    green: z.number().int(),
    yellow: z.number().int(),
    red: z.number().int(),
    grey: z.number().int(),
  }),
});
export type TaskList = z.infer<typeof taskListResponse>;

export const updateTaskInput = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(TASK_STATUSES).optional(),
  deadline: isoDate.nullable().optional(),
  warningDays: z.number().int().min(0).max(365).optional(),
  progressNote: optionalText(5000),
  milestones: z.array(milestoneInput).max(50).optional(),
  units: z.array(unitInput).max(50).optional(),
  targets: z.array(targetInput).max(20).optional(),
});
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;
export type UpdateTaskBody = z.input<typeof updateTaskInput>;
