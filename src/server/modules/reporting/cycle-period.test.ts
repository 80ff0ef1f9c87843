import { describe, it, expect } from 'vitest';
import { cyclePeriod, daysOverdue, defaultDueOn, inReminderWindow } from './cycle-period.ts';

describe('reporting periods', () => {
  it('labels and bounds each frequency as officials write it', () => {
    expect(cyclePeriod('quarterly', 2026, 4)).toEqual({
      label: '2026年第四季度',
      labelEn: 'Q4 2026',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(cyclePeriod('quarterly', 2026, 1)).toMatchObject({
      label: '2026年第一季度',
      start: '2026-01-01',
      end: '2026-03-31',
    });
    expect(cyclePeriod('monthly', 2028, 2)).toEqual({
      label: '2028年2月',
      labelEn: 'February 2028',
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(cyclePeriod('monthly', 2027, 2)?.end).toBe('2027-02-28');
    expect(cyclePeriod('half_yearly', 2026, 1)).toEqual({
      label: '2026年上半年',
      labelEn: 'H1 2026',
      start: '2026-01-01',
      end: '2026-06-30',
    });
    expect(cyclePeriod('half_yearly', 2026, 2)).toMatchObject({
      label: '2026年下半年',
      start: '2026-07-01',
      end: '2026-12-31',
    });
    expect(cyclePeriod('yearly', 2026, 1)).toEqual({
      label: '2026年度',
      labelEn: '2026',
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('has no period beyond the year', () => {
    expect(cyclePeriod('quarterly', 2026, 5)).toBeNull();
    expect(cyclePeriod('half_yearly', 2026, 3)).toBeNull();
    expect(cyclePeriod('yearly', 2026, 2)).toBeNull();
    expect(cyclePeriod('monthly', 2026, 0)).toBeNull();
  });

  it('is due ten days after the period by default', () => {
    expect(defaultDueOn(cyclePeriod('quarterly', 2026, 4)!)).toBe('2027-01-10');
  });

  it('counts days overdue from the day after the due date', () => {
    expect(daysOverdue('2026-01-10', '2026-01-09')).toBe(0);
    expect(daysOverdue('2026-01-10', '2026-01-10')).toBe(0);
    expect(daysOverdue('2026-01-10', '2026-01-11')).toBe(1);
    expect(daysOverdue('2026-01-10', '2026-02-10')).toBe(31);
  });

  it('reminds from the window before the due date up to the due date itself', () => {
    expect(inReminderWindow('2026-01-10', 7, '2026-01-02')).toBe(false);
    expect(inReminderWindow('2026-01-10', 7, '2026-01-03')).toBe(true);
    expect(inReminderWindow('2026-01-10', 7, '2026-01-10')).toBe(true);
    expect(inReminderWindow('2026-01-10', 7, '2026-01-11')).toBe(false);
    expect(inReminderWindow('2026-01-10', 0, '2026-01-10')).toBe(true);
  });
});
