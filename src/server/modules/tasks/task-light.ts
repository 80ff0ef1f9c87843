import type { TaskLight, TaskStatus } from '../../../common/api/tasks.ts';

export interface LightInput {
  status: TaskStatus;
  /** YYYY-MM-DD */
  deadline: string | null;
  warningDays: number;
}

/** Today's date where the programme works (China Standard Time), as YYYY-MM-DD; a task is due on its deadline day. */
export function chinaToday(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The traffic light of a task. Red: past its deadline and not done, or declared 滞后 by the office. Yellow: due
 * within the warning window and not started. Grey: 暂缓, not judged. Green otherwise (done, on track, or no
 * deadline to be late against). `taskLightSql` in tasks.repository.ts is the same rule in SQL, so lists can be
 * filtered and counted by light; task-light.api.test.ts checks the two agree.
 */
export function taskLight(t: LightInput, today: string): TaskLight {
  if (t.status === 'suspended') return 'grey';
  if (t.status === 'done') return 'green';
  if (t.status === 'delayed') return 'red';
  if (!t.deadline) return 'green';
  if (t.deadline < today) return 'red';
  if (t.status === 'not_started' && daysBetween(today, t.deadline) <= t.warningDays) return 'yellow';
  return 'green';
}
