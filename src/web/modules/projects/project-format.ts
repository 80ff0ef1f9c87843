import { FEN_PER_YI, divRound, fixedText, wan } from '../../../common/money/money.ts';

/**
 * Money of the project API comes as exact decimal strings in 万元 ("18000.5"). It is shown as written, with
 * thousands separators (18,000.5), never through a binary float.
 */
export function formatWan(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const neg = value.startsWith('-');
  const [whole = '0', frac] = (neg ? value.slice(1) : value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** The amount in 亿元 with two decimals, rounded half away from zero (5.20), for large totals; null below 1 亿元. */
export function yiText(value: string): string | null {
  const fen = wan(value);
  if (fen < FEN_PER_YI && fen > -FEN_PER_YI) return null;
  return formatWan(fixedText(divRound(fen, FEN_PER_YI / 100n), 2));
}

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
