import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * A counter that changes whenever the database may have changed, so that caches of reads (sessions, dashboards,
 * lists) stay correct without asking the database on every request.
 *
 * Every statement this process sends that can write (anything but SELECT and the like), and every COMMIT, bumps
 * it when sent and again when done: a reader that started before a commit stores its result under the version it
 * read first, which the commit has moved past. Other processes on the same PostgreSQL are heard through
 * LISTEN/NOTIFY (delivered at their commit); if that channel fails, the counter stops being trusted and every
 * read goes to the database. PGlite has one process by construction (the data directory lock).
 */
export class DataVersion {
  private value = 0;
  private trusted = true;
  /** Names this process's announcements, so that it does not hear its own writes a second time. */
  readonly origin = randomUUID();

  /** The current version, or null when it cannot be trusted (then nothing may be served from a cache). */
  get current(): number | null {
    return this.trusted ? this.value : null;
  }

  bump(): void {
    this.value++;
  }

  distrust(): void {
    this.trusted = false;
    this.value++;
  }
}

const READ_ONLY =
  /^\s*(?:select|show|explain|set|reset|listen|unlisten|begin|start\s+transaction|notify|savepoint|release)\b/i;
// Keeping the idle timeout is a write on every signed-in minute; it changes nothing any cache holds.
const SESSION_TOUCH = /^\s*update\s+"sessions"\s+set\s+"last_seen_at"\s*=/i;

export function isWrite(text: string | undefined): boolean {
  if (!text) return true;
  if (/^\s*with\b/i.test(text)) return /\b(?:insert|update|delete|merge)\b/i.test(text);
  return !READ_ONLY.test(text) && !SESSION_TOUCH.test(text);
}

const versions = new WeakMap<object, DataVersion>();

/** The version of the database behind a Drizzle handle (the app's `deps.db`). */
export function dataVersionOf(db: object): DataVersion | undefined {
  return versions.get(db);
}

export const CHANGE_CHANNEL = 'duikou_data_changed';

/**
 * Watches every connection of the pool. With `notify`, each finished write is announced to the other processes
 * (coalesced: one NOTIFY per turn of the event loop).
 */
export function trackWrites(pool: pg.Pool, db: object, opts: { notify: boolean }): DataVersion {
  const version = new DataVersion();
  versions.set(db, version);
  let announcing = false;
  const announce = () => {
    if (!opts.notify || announcing) return;
    announcing = true;
    setImmediate(() => {
      announcing = false;
      pool.query(`NOTIFY ${CHANGE_CHANNEL}, '${version.origin}'`).catch(() => version.distrust());
    });
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      if (!isWrite(text)) return query(...args);
      version.bump();
      const done = () => {
        version.bump();
        announce();
      };
      // pg-pool's own query (Drizzle's path outside transactions) hands the client a callback and gets no promise.
      const callback = args[args.length - 1];
      if (typeof callback === 'function') {
        args[args.length - 1] = (...answer: unknown[]) => {
          done();
          return (callback as (...a: unknown[]) => unknown)(...answer);
        };
        return query(...args);
      }
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function')
        (result as Promise<unknown>).then(done, done);
      return result;
    };
  });
  return version;
}

/** Hears the other processes' writes; returns a function that stops listening. */
export async function listenForChanges(connectionString: string, version: DataVersion): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => version.distrust());
  client.on('end', () => version.distrust());
  // Our own announcements come back too; the writes they announce were counted when they were made.
  client.on('notification', (msg) => {
    if (msg.payload !== version.origin) version.bump();
  });
  await client.connect();
  await client.query(`LISTEN ${CHANGE_CHANNEL}`);
  return async () => {
    client.removeAllListeners('end');
    await client.end().catch(() => undefined);
  };
}
