import { daysBetween } from '../../kernel/dates.ts';
import type { TaskLight, TaskStatus } from '../../../common/api/tasks.ts';

export interface LightInput {
  status: TaskStatus;
  /** YYYY-MM-DD */
  deadline: string | null;
  warningDays: number;
  /** 牵头/配合单位, registered or by name: a task no one has been given is not judged on track. */
  units: readonly unknown[];
}

/**
 * The traffic light of a task. Red: past its deadline and not done, or declared 滞后 by the office. Yellow: due
 * within the warning window and not started. Grey: not judged — 暂缓, or not started with no unit assigned yet
 * (nobody can be on track with it). Green otherwise (done, on track, or no deadline to be late against). `taskLightSql` in tasks.repository.ts is the same rule in SQL, so lists can be
 * filtered and counted by light; tasks.api.test.ts checks the two agree.
 */
export function taskLight(t: LightInput, today: string): TaskLight {
  if (t.status === 'suspended') return 'grey';
  if (t.status === 'done') return 'green';
  if (t.status === 'delayed') return 'red';
  if (t.deadline && t.deadline < today) return 'red';
  if (t.status === 'not_started' && !t.units.length) return 'grey';
  if (!t.deadline) return 'green';
  if (t.status === 'not_started' && daysBetween(today, t.deadline) <= t.warningDays) return 'yellow';
  return 'green';
}
