import { formatWan, formatYi } from '../../common/money/format.ts';
import { FEN_PER_YI, wan } from '../../common/money/money.ts';

/** A timestamp in the user's language: 2026-11-23 09:05 in both, as Chinese offices write it. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * 万元 as the API gives it ("150000.5"), the way every money column and sentence of the web app shows it: two
 * decimals always, rounded half away from zero, with thousands separators and no unit (150,000.50), so amounts in a
 * column line up (394,821.00 above 722,731.45); a dash for none. The one formatter for 万元 on the web.
 */
export function wanText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatWan(wan(value), { unit: false, decimals: 2 });
}

/** The amount in 亿元 with two decimals, rounded half away from zero (5.20), for large totals; null below 1 亿元. */
export function yiText(value: string): string | null {
  const fen = wan(value);
  if (fen < FEN_PER_YI && fen > -FEN_PER_YI) return null;
  return formatYi(fen, { unit: false });
}

/** A file size as people read it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
