import type { ReportFrequency } from '../../../common/api/reporting.ts';
import { bilingual } from '../../http/app-error.ts';
import { addDays, daysBetween } from '../../kernel/dates.ts';

export interface CyclePeriod {
  /** As officials write it: 2026年10月, 2026年第四季度, 2026年下半年, 2026年度. */
  label: string;
  labelEn: string;
  start: string;
  end: string;
}

const PERIODS_PER_YEAR: Record<ReportFrequency, number> = { monthly: 12, quarterly: 4, half_yearly: 2, yearly: 1 };
const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodsPerYear(frequency: ReportFrequency): number {
  return PERIODS_PER_YEAR[frequency];
}

/** The dates and label of the n-th period of a year (month 1–12, quarter 1–4, half 1–2, or the year); null when n is out of range. */
export function cyclePeriod(frequency: ReportFrequency, year: number, n: number): CyclePeriod | null {
  const count = PERIODS_PER_YEAR[frequency];
  if (!Number.isInteger(n) || n < 1 || n > count) return null;
  const months = 12 / count;
  const firstMonth = (n - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const start = `${year}-${pad(firstMonth)}-01`;
  const end = `${year}-${pad(lastMonth)}-${pad(lastDayOf(year, lastMonth))}`;
  const { zh: label, en: labelEn } = bilingual(`domain.cyclePeriods.${frequency}.${n}`, { year });
  return { label, labelEn, start, end };
}

/** The English label of a stored cycle (the Chinese one is stored as officials wrote it). */
export function periodLabelEn(frequency: ReportFrequency, year: number, n: number): string {
  return cyclePeriod(frequency, year, n)?.labelEn ?? `${year}`;
}

/** Reports are due ten days after their period ends unless the office sets another date. */
export const DEFAULT_DUE_AFTER_END_DAYS = 10;

export function defaultDueOn(period: CyclePeriod): string {
  return addDays(period.end, DEFAULT_DUE_AFTER_END_DAYS);
}

/** Days past the due date on `today`; 0 on the due date and before it. */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, daysBetween(dueOn, today));
}

/** Whether `today` falls in the reminder window: from `reminderDays` before the due date up to the due date itself. */
export function inReminderWindow(dueOn: string, reminderDays: number, today: string): boolean {
  const left = daysBetween(today, dueOn);
  return left >= 0 && left <= reminderDays;
}
