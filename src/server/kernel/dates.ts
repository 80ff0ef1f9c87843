// One formatter for every call: toLocaleDateString with a time zone builds a new one each time, which was 2 % of the
// server's CPU under load (it runs per request and per task row).
const CHINA_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/** China Standard Time is UTC+8 all year (no daylight saving since 1991): a day there starts at 16:00 UTC. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Today as last formatted, and the instants between which it stays today (asked on every request: cache keys). */
let today = { date: '', from: 0, until: 0 };

/** Today's date where the programme works (China Standard Time), as YYYY-MM-DD; a task is due on its deadline day. */
export function chinaToday(now?: Date): string {
  if (now) return CHINA_DATE.format(now);
  const t = Date.now();
  if (t < today.from || t >= today.until) {
    const from = Math.floor((t + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
    today = { date: CHINA_DATE.format(new Date(t)), from, until: from + DAY_MS };
  }
  return today.date;
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A date column as YYYY-MM-DD, whichever way the driver hands it back (Date or string). */
export function dateString(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
