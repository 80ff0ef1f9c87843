import type { SlotState } from '../../../common/api/reporting.ts';
import type { TaskStatus } from '../../../common/api/tasks.ts';
import { fieldError, type ErrorDetail } from '../../http/app-error.ts';

export type ReportAction = 'save' | 'submit' | 'return' | 'approve';

/**
 * Which states each action starts from. A unit edits until it submits; the office reviews what was submitted.
 * An approved report can be returned for correction only while its cycle is open again (after an unlock).
 */
const FROM: Record<ReportAction, readonly SlotState[]> = {
  save: ['pending', 'draft', 'returned'],
  submit: ['pending', 'draft', 'returned'],
  return: ['submitted', 'approved'],
  approve: ['submitted'],
};
const TO: Record<ReportAction, SlotState> = {
  save: 'draft',
  submit: 'submitted',
  return: 'returned',
  approve: 'approved',
};

export function nextState(state: SlotState, action: ReportAction): SlotState | null {
  return FROM[action].includes(state) ? TO[action] : null;
}

/** A unit is one slot per task however the plan lists it: by its organisation when it has one, else by its name. */
export const unitKey = (u: { organisationId: string | null; name: string }) => u.organisationId ?? `name:${u.name}`;

export const isEditable = (state: SlotState) => FROM.save.includes(state);
/** Slots that still owe a submission: the not-reported view, the inbox and reminders count these. */
export const UNREPORTED_STATES: readonly SlotState[] = FROM.save;

export interface TargetForFigure {
  id: string;
  unit: string;
  text: string;
}
export interface FigureForCheck {
  targetId: string;
  value: string;
  unit: string;
}

/** Each figure must name one of the task's targets, once, in that target's unit, and cannot be negative. */
export function figureProblems(
  figures: readonly FigureForCheck[],
  targets: readonly TargetForFigure[],
  prefix = 'figures',
): ErrorDetail[] {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  figures.forEach((f, i) => {
    const at = `${prefix}.${i}`;
    const target = byId.get(f.targetId);
    if (!target) {
      out.push(fieldError(`${at}.targetId`, 'unknown_target'));
      return;
    }
    if (seen.has(f.targetId))
      out.push(fieldError(`${at}.targetId`, 'duplicate_target_figure', { target: target.text }));
    seen.add(f.targetId);
    if (f.unit.trim() !== target.unit)
      out.push(
        fieldError(`${at}.unit`, 'figure_wrong_unit', { unit: f.unit, expected: target.unit, target: target.text }),
      );
    if (f.value.startsWith('-')) out.push(fieldError(`${at}.value`, 'negative_figure'));
  });
  return out;
}

export interface ReportContent {
  taskStatus: TaskStatus | null;
  percent: number | null;
  narrative: string | null;
}

/** What a saved draft may leave open but a submission must have, and statuses that contradict the percentage. */
export function contentProblems(r: ReportContent, forSubmit: boolean): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (forSubmit) {
    if (!r.taskStatus) out.push(fieldError('taskStatus', 'required'));
    if (r.percent === null) out.push(fieldError('percent', 'required'));
    if (!r.narrative?.trim()) out.push(fieldError('narrative', 'required'));
  }
  if (r.taskStatus === 'done' && r.percent !== null && r.percent !== 100)
    out.push(fieldError('percent', 'done_needs_full_percent'));
  if (r.taskStatus === 'not_started' && r.percent !== null && r.percent > 0)
    out.push(fieldError('percent', 'not_started_needs_zero'));
  return out;
}

export interface ApprovedReport {
  role: 'lead' | 'co';
  taskStatus: TaskStatus;
  percent: number;
}

/**
 * The task status approved reports of one cycle add up to. The lead units speak for the task when any of theirs is
 * approved; co-responsible units only when no lead unit's is. Any 滞后 makes the task 滞后; done only when all say
 * done; 暂缓 only when all say so; otherwise any progress (a status past 未启动 or a percentage above 0) is 推进中.
 */
export function reportedTaskStatus(reports: readonly ApprovedReport[]): TaskStatus | null {
  if (!reports.length) return null;
  const leads = reports.filter((r) => r.role === 'lead');
  const voice = leads.length ? leads : reports;
  const statuses = voice.map((r) => r.taskStatus);
  if (statuses.includes('delayed')) return 'delayed';
  if (statuses.every((s) => s === 'done')) return 'done';
  if (statuses.every((s) => s === 'suspended')) return 'suspended';
  if (voice.some((r) => (r.taskStatus !== 'not_started' && r.taskStatus !== 'suspended') || r.percent > 0))
    return 'in_progress';
  return 'not_started';
}
