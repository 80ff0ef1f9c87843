import { toHalfWidth } from '../../../common/money/money.ts';

/** A cell as the validator sees it: exceljs' many value shapes reduced to text, number, boolean or date. */
export type Cell = string | number | boolean | Date | { error: string } | null;

export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return plainCell((o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
    if ('result' in o) return plainCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return { error: String(o.error) };
  }
  return String(v);
}

export function cellText(c: Cell): string | null {
  if (c === null) return null;
  if (c instanceof Date) return isoDay(c);
  if (typeof c === 'object') return null;
  return String(c).trim() || null;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1990 || y > 2100)
    return null;
  return isoDay(t);
}

/** Excel counts days from 1899-12-30 (with the 1900 leap-year bug absorbed by that epoch). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as offices write it: a date cell (exceljs gives a UTC Date), a day serial left unformatted, or text
 * "2024-03-15", "2024/3/15", "2024.3.15", "2024年3月15日", "20240315". Undefined when blank, null when unreadable.
 */
export function cellDate(c: Cell): string | null | undefined {
  if (c === null) return undefined;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : isoDay(c);
  if (typeof c === 'number') {
    if (!Number.isInteger(c) || c < 32874 || c > 73415) return null; // 1990–2100
    return isoDay(new Date(EXCEL_EPOCH + c * 86_400_000));
  }
  if (typeof c !== 'string') return null;
  const t = toHalfWidth(c).trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** A month "2024-12", "2024/12", "2024年12月", "202412", or a date cell. */
export function cellMonth(c: Cell): { year: number; month: number } | null | undefined {
  if (c === null) return undefined;
  if (c instanceof Date)
    return Number.isNaN(c.getTime()) ? null : { year: c.getUTCFullYear(), month: c.getUTCMonth() + 1 };
  const t = toHalfWidth(String(typeof c === 'object' ? '' : c)).trim();
  const m = /^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?$/.exec(t);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 && year >= 1990 && year <= 2100 ? { year, month } : null;
}

/** 是/否 and the other ways a sheet says yes or no. Undefined when blank, null when unreadable. */
export function cellFlag(c: Cell): boolean | null | undefined {
  if (c === null) return undefined;
  if (typeof c === 'boolean') return c;
  const t = String(typeof c === 'object' ? '' : c)
    .trim()
    .toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '√', '✓'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0', '×', '-'].includes(t)) return false;
  return null;
}
