/**
 * A reporting period: a month, or a whole year when `month` is null (offices report monthly, quarterly as the
 * quarter's last month, or yearly). Periods order by their last day, so December and the whole year coincide.
 */
export interface Period {
  year: number;
  month: number | null;
}

export function periodEnd(p: Period): string {
  const month = p.month ?? 12;
  const last = new Date(Date.UTC(p.year, month, 0)).getUTCDate();
  return `${p.year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

export function periodStart(p: Period): string {
  return `${p.year}-${String(p.month ?? 1).padStart(2, '0')}-01`;
}

/** Orders by last day; a whole year sorts with its December. */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || (a.month ?? 12) - (b.month ?? 12);
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.month === b.month;
}

export function periodLabel(p: Period): string {
  return p.month ? `${p.year}年${p.month}月` : `${p.year}年`;
}

export function isValidPeriod(p: Period): boolean {
  return (
    Number.isInteger(p.year) &&
    p.year >= 1990 &&
    p.year <= 2100 &&
    (p.month === null || (Number.isInteger(p.month) && p.month >= 1 && p.month <= 12))
  );
}
