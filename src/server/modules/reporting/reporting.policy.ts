import type { SlotState } from '../../../common/api/reporting.ts';
import { AppError, bilingual, conflict, fieldError } from '../../http/app-error.ts';
import { nextState, type ReportAction } from './report-rules.ts';

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
  const { zh: stateZh, en: stateEn } = bilingual(`errors.reportStates.${state}`);
  const { zh: actionZh, en: actionEn } = bilingual(`errors.reportActions.${action}`);
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
