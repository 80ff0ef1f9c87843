import { describe, it, expect } from 'vitest';
import { taskLight } from './task-light.ts';
import { chinaToday } from '../../kernel/dates.ts';

const today = '2026-06-15';
const ASSIGNED = [{ name: '省发展改革委' }];
const t = (status: Parameters<typeof taskLight>[0]['status'], deadline: string | null, warningDays = 30) =>
  taskLight({ status, deadline, warningDays, units: ASSIGNED }, today);

describe('task traffic light', () => {
  it('is green on track: no deadline, a far deadline, or started within the window', () => {
    expect(t('not_started', null)).toBe('green');
    expect(t('not_started', '2026-12-31')).toBe('green');
    expect(t('in_progress', '2026-06-20')).toBe('green');
    expect(t('in_progress', '2026-06-15')).toBe('green');
  });

  it('is yellow when due within the warning window without progress, counting the deadline day itself', () => {
    expect(t('not_started', '2026-07-15')).toBe('yellow');
    expect(t('not_started', '2026-07-16')).toBe('green');
    expect(t('not_started', '2026-06-15')).toBe('yellow');
    expect(t('not_started', '2026-06-20', 3)).toBe('green');
    expect(t('not_started', '2026-06-18', 3)).toBe('yellow');
    expect(t('not_started', '2026-06-15', 0)).toBe('yellow');
  });

  it('is red once overdue and not done, or when declared delayed', () => {
    expect(t('not_started', '2026-06-14')).toBe('red');
    expect(t('in_progress', '2026-01-01')).toBe('red');
    expect(t('delayed', '2027-01-01')).toBe('red');
    expect(t('delayed', null)).toBe('red');
  });

  it('is green when done, whatever the dates, and grey when suspended', () => {
    expect(t('done', '2020-01-01')).toBe('green');
    expect(t('suspended', '2020-01-01')).toBe('grey');
    expect(t('suspended', null)).toBe('grey');
  });

  it('is grey when not started and no unit has been given the task, unless it is already overdue', () => {
    const unassigned = (status: Parameters<typeof taskLight>[0]['status'], deadline: string | null) =>
      taskLight({ status, deadline, warningDays: 30, units: [] }, today);
    expect(unassigned('not_started', null)).toBe('grey');
    expect(unassigned('not_started', '2026-12-31')).toBe('grey');
    expect(unassigned('not_started', '2026-06-20')).toBe('grey');
    expect(unassigned('not_started', '2026-06-14')).toBe('red');
    // Under way or done without a unit on record: judged as usual.
    expect(unassigned('in_progress', '2026-12-31')).toBe('green');
    expect(unassigned('done', null)).toBe('green');
  });

  it("takes today's date in China Standard Time", () => {
    expect(chinaToday(new Date('2026-06-14T16:30:00Z'))).toBe('2026-06-15');
    expect(chinaToday(new Date('2026-06-14T15:59:00Z'))).toBe('2026-06-14');
  });
});
