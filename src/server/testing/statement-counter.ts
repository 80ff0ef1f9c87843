import type { Db } from '../db/database.ts';

/**
 * Counts the statements matching `pattern` that the database client is sent from now until `restore()`: how a test
 * sees that a kept answer (a session, a count, light counts) was not read again, and that a change made it read again;
 * `seen` is given the text of each and its values.
 */
export function countStatements(db: Db, pattern: RegExp, seen?: (text: string, values: unknown[]) => void) {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const query = client.query;
  let n = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : first?.text;
    if (text && pattern.test(text.trim())) {
      n++;
      seen?.(text, ((typeof first === 'object' && first.values) || args[1]) as unknown[]);
    }
    return query.apply(this, args);
  };
  return {
    get count() {
      return n;
    },
    restore: () => {
      client.query = query;
    },
  };
}
