/** A rate as the API gives it ("33.90"), with its per-cent sign, or a dash when there is nothing to divide by. */
export function formatRate(value: string | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}

/** The last day of a reporting period (a month, or a whole year when `month` is null), to order it among dated moves. */
export function periodEnd(period: { year: number; month: number | null }): string {
  if (period.month === null) return `${period.year}-12-31`;
  const last = new Date(Date.UTC(period.year, period.month, 0)).getUTCDate();
  return `${period.year}-${String(period.month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** Today in China (UTC+8), as the server dates moves: YYYY-MM-DD. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
