/**
 * What a SQL statement may change and what it reads, from its text: enough for caches to know which answers a write
 * makes stale (data-version.ts), erring on the side of "everything" when a statement is not understood.
 */

// VACUUM and ANALYZE (PGlite's table upkeep, db/table-upkeep.ts) change no row: counted as writes of unknown tables,
// each emptied every cache, about once a minute under writes.
const READ_ONLY =
  /^\s*(?:select|show|explain|set|reset|listen|unlisten|begin|start\s+transaction|notify|savepoint|release|vacuum|analyze)\b/i;
// Keeping the idle timeout is a write on every signed-in minute; it changes nothing any cache holds.
const SESSION_TOUCH = /^\s*update\s+"sessions"\s+set\s+"last_seen_at"\s*=/i;

export function isWrite(text: string | undefined): boolean {
  if (!text) return true;
  if (/^\s*with\b/i.test(text)) return /\b(?:insert|update|delete|merge)\b/i.test(text);
  return !READ_ONLY.test(text) && !SESSION_TOUCH.test(text);
}

export const isCommit = (text: string | undefined) => !!text && /^\s*(?:commit|end)\b/i.test(text);
export const isRollback = (text: string | undefined) => !!text && /^\s*rollback\b(?!\s+to\b)/i.test(text);
export const isBegin = (text: string | undefined) => !!text && /^\s*(?:begin|start\s+transaction)\b/i.test(text);

const NAME = String.raw`(?:only\s+)?(?:"?[a-z_][a-z0-9_]*"?\.)?"?([a-z_][a-z0-9_]*)"?`;
const WRITTEN = new RegExp(
  String.raw`\b(?:insert\s+into|update|delete\s+from|merge\s+into|truncate(?:\s+table)?)\s+${NAME}`,
  'gi',
);
const READ = new RegExp(String.raw`\b(?:from|join)\s+(?!lateral\b)${NAME}`, 'gi');
/** Statements that write but name no table we can follow (DDL, functions, DO blocks): they count as changing everything. */
const DATA_WRITE = /^\s*(?:with\b|insert\b|update\b|delete\b|merge\b|truncate\b)/i;

/**
 * The tables a writing statement changes, or null when that cannot be told (DDL, a function call, a DO block):
 * then everything counts as changed. `ON CONFLICT … DO UPDATE SET` yields a harmless extra name ("set").
 */
export function tablesWritten(text: string | undefined): string[] | null {
  if (!text || !DATA_WRITE.test(text)) return null;
  const found = new Set<string>();
  for (const m of text.matchAll(WRITTEN)) found.add(m[1]!.toLowerCase());
  return found.size ? [...found] : null;
}

/** Distinct statement texts whose tables are kept (the app sends a few hundred); past it the oldest are read again. */
const KEEP_READ = 2_000;
const readOf = new Map<string, readonly string[]>();

/**
 * The tables (and, harmlessly, CTE names, aliases and function names) a statement reads: every name after FROM or
 * JOIN. The code base writes no comma joins, which this would miss. Kept per text: every statement of every request
 * asks (db/routing.ts), and scanning a page's statement took 4–27 µs against well under one to find it again.
 */
export function tablesRead(text: string): readonly string[] {
  let found = readOf.get(text);
  if (found) return found;
  const names = new Set<string>();
  for (const m of text.matchAll(READ)) names.add(m[1]!.toLowerCase());
  found = [...names];
  if (readOf.size >= KEEP_READ) readOf.delete(readOf.keys().next().value!);
  readOf.set(text, found);
  return found;
}
