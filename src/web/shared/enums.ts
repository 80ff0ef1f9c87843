// Lists of API enum values for filters and selects. src/common/api/* holds them too, but importing a value from
// there would pull zod into the bundle; the records below make the compiler check that they stay complete.
import type {
  AuditItem,
  ImportPlanInput,
  PairingSummary,
  PlanSummary,
  TargetInput,
  TaskSummary,
} from '../app/api-types.ts';

const levels: Record<PairingSummary['level'], true> = {
  province: true,
  city: true,
  county: true,
  zone: true,
  department: true,
};
const statuses: Record<PairingSummary['status'], true> = { active: true, exploratory: true, inactive: true };
const sides: Record<'a' | 'b', true> = { a: true, b: true };
const auditResults: Record<AuditItem['result'], true> = { success: true, failure: true, denied: true };

export const PAIRING_LEVELS = Object.keys(levels) as PairingSummary['level'][];
export const PAIRING_STATUSES = Object.keys(statuses) as PairingSummary['status'][];
export const SIDES = Object.keys(sides) as ('a' | 'b')[];
export const AUDIT_RESULTS = Object.keys(auditResults) as AuditItem['result'][];

const taskStatuses: Record<TaskSummary['status'], true> = {
  not_started: true,
  in_progress: true,
  done: true,
  delayed: true,
  suspended: true,
};
const taskLights: Record<TaskSummary['light'], true> = { green: true, yellow: true, red: true, grey: true };
const unitRoles: Record<TaskSummary['units'][number]['role'], true> = { lead: true, co: true };
const comparisons: Record<TargetInput['comparison'], true> = {
  atLeast: true,
  atMost: true,
  range: true,
  exactly: true,
};
const planKinds: Record<PlanSummary['kind'], true> = {
  implementation: true,
  annual: true,
  special: true,
  division: true,
  national: true,
};
const importKinds: Record<ImportPlanInput['kind'], true> = {
  implementation: true,
  special: true,
  division: true,
  national: true,
};

export const TASK_STATUSES = Object.keys(taskStatuses) as TaskSummary['status'][];
export const TASK_LIGHTS = Object.keys(taskLights) as TaskSummary['light'][];
export const UNIT_ROLES = Object.keys(unitRoles) as TaskSummary['units'][number]['role'][];
export const TARGET_COMPARISONS = Object.keys(comparisons) as TargetInput['comparison'][];
export const PLAN_KINDS = Object.keys(planKinds) as PlanSummary['kind'][];
export const IMPORT_KINDS = Object.keys(importKinds) as ImportPlanInput['kind'][];
