import type { SlotState } from '../../../common/api/reporting.ts';
import { AppError, conflict, fieldError } from '../../http/app-error.ts';
import { nextState, type ReportAction } from './report-rules.ts';

const STATE_NAMES: Record<SlotState, [string, string]> = {
  pending: ['未填报', 'not started'],
  draft: ['草稿', 'a draft'],
  submitted: ['已提交待审核', 'submitted, awaiting review'],
  returned: ['已退回', 'returned'],
  approved: ['已审核通过', 'approved'],
};
const ACTION_NAMES: Record<ReportAction | 'attach', [string, string]> = {
  save: ['保存', 'be saved'],
  submit: ['提交', 'be submitted'],
  return: ['退回', 'be returned'],
  approve: ['审核通过', 'be approved'],
  attach: ['增删附件', 'have its attachments changed'],
};

/**
 * A locked period refuses every change to its reports, with the reason and what to do. 409: the request is sound,
 * the period's state is what stands in the way.
 */
export function assertCycleOpen(cycle: { status: string; periodLabel: string }) {
  if (cycle.status === 'locked') {
    throw new AppError(
      409,
      'report_period_locked',
      [fieldError('cycleId', 'period_locked', { period: cycle.periodLabel })],
      { period: cycle.periodLabel },
    );
  }
}

export function assertVersion(current: number, expected: number) {
  if (current !== expected) throw conflict();
}

/** The state a report moves to, or a refusal that says what state it is in and what cannot be done. */
export function transition(state: SlotState, action: ReportAction | 'attach'): SlotState {
  const next = action === 'attach' ? (nextState(state, 'save') ? state : null) : nextState(state, action);
  if (next) return next;
  const [stateZh, stateEn] = STATE_NAMES[state];
  const [actionZh, actionEn] = ACTION_NAMES[action];
  throw new AppError(
    409,
    'report_state',
    [fieldError('state', 'report_state', { stateZh, stateEn, actionZh, actionEn })],
    { stateZh, stateEn, actionZh, actionEn },
  );
}

/** A unit reports only on tasks it leads or co-operates on; the refusal names the task. */
export function unitNotAssigned(taskCode: string) {
  return new AppError(403, 'unit_not_assigned', [fieldError('taskId', 'unit_not_assigned', { code: taskCode })], {
    code: taskCode,
  });
}
