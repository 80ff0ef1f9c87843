/**
 * A value as PostgreSQL hands it back after storing it, so the audit hash can be computed over exactly what is
 * stored and recomputed from a read. Text: a lone surrogate has no UTF-8 form (the driver sends U+FFFD) and NUL
 * cannot be stored at all, so both become U+FFFD. jsonb: only JSON data survives (dates become their ISO text,
 * undefined and functions vanish, NaN becomes null; bigints are kept as their digits instead of failing), key
 * order is not kept (keys are sorted here at every depth), and numbers come back as the shortest text that
 * reads as the same double, which is what JSON.stringify wrote.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function storedText(value: string): string;
export function storedText(value: string | null): string | null;
export function storedText(value: string | null): string | null {
  return value === null ? null : value.replace(UNSTORABLE, '\ufffd');
}

function canonical(value: unknown): unknown {
  if (typeof value === 'string') return storedText(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => [storedText(k), canonical(v)] as const,
    );
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return value;
}

/** What a jsonb column gives back for the value (null for nothing). */
export function storedJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const json = JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
  return json === undefined ? null : canonical(JSON.parse(json));
}
