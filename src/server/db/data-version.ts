import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { isBegin, isCommit, isRollback, isWrite, tablesWritten } from './statements.ts';
import { parseLsn, routeStore, type ReplicaSet } from './routing.ts';

export { isWrite } from './statements.ts';

/**
 * Tables each of whose rows belongs to one pairing, whose readers all see only the rows of their scope's pairings
 * (repositories filter them by the reader's scope; a national office sees all). A write to one of them that says
 * whose rows it writes (`writingFor`, src/server/db/routing.ts) leaves cached answers of other scopes in place; any
 * other write to them counts for every pairing. Add a table here only when every read of it in a cached answer is
 * limited to the reader's scope (src/server/http/scoped-invalidation.api.test.ts checks the cached routes).
 */
export const PAIRING_OWNED_TABLES: ReadonlySet<string> = new Set([
  'projects',
  'project_stage_moves',
  'project_figure_reports',
  'project_tasks',
  'project_rollups',
  // A reporting period, and a report's slot, figures and history: their cycle's pairing's (cycles.service.ts and
  // reports.service.ts write them in writingFor; every other write to them counts for every pairing).
  'reporting_cycles',
  'report_slots',
  'report_figures',
  'report_events',
  // Every owner's files, in one table: a write names pairings only for a report's files (its cycle's pairing, in
  // reporting/attachments.service.ts), which only readers seeing that pairing's reports read; any other owner's
  // (a project's, a tracked item's, a news item's: public answers have no scope) counts for every pairing.
  'attachments',
]);

/**
 * Tables each of whose rows belongs to one user, read by the session cache for that user alone (its session, its
 * account, second factor and programme grants). A write to them that says whose rows it writes (`writingForUsers`,
 * src/server/db/routing.ts) leaves the cached sessions of other users in place: another user signing in or out no
 * longer makes every signed-in user's session and scope be read again. Every other reader of these tables counts
 * any write to them as a change.
 */
export const USER_OWNED_TABLES: ReadonlySet<string> = new Set([
  'sessions',
  'users',
  'user_sign_ins',
  'totp_credentials',
  'programme_grants',
]);

/** Whose rows a table's writes can be marked with: a pairing's, a user's, or nobody's (every write counts for all). */
function ownerOf(table: string): 'pairing' | 'user' | null {
  return PAIRING_OWNED_TABLES.has(table) ? 'pairing' : USER_OWNED_TABLES.has(table) ? 'user' : null;
}

/**
 * What a write changed: each table, with the pairings (or users) whose rows it wrote (null: any rows). A write that
 * also names its rows (`writingFor`'s `rows`, keys such as `project:<id>`) holds, instead of each pairing `p`, the
 * mark `p#` (some rows of p: those named) and each row's key, which contains a ':' (pairing ids do not).
 */
export type Written = Map<string, Set<string> | null>;

/** The mark of a write to some rows of a pairing, all of them named. */
const someRowsOf = (pairing: string) => `${pairing}#`;

/** A statement's tables, with the pairings (and rows) or users the caller said it writes for where the table is theirs. */
function written(
  tables: readonly string[],
  pairings: readonly string[] | undefined,
  users: readonly string[] | undefined,
  rows: readonly string[] | undefined,
): Written {
  const out: Written = new Map();
  const pairingMarks = pairings?.length && rows?.length ? [...pairings.map(someRowsOf), ...rows] : pairings;
  for (const t of tables) {
    const owner = ownerOf(t);
    const keys = owner === 'pairing' ? pairingMarks : owner === 'user' ? users : undefined;
    out.set(t, keys?.length ? new Set(keys) : null);
  }
  return out;
}

/** Adds `more` to `into`: a table written for any rows stays so. */
function merge(into: Written, more: Written) {
  for (const [t, ps] of more) {
    const had = into.get(t);
    if (had === null || (had !== undefined && ps === null)) into.set(t, null);
    else if (had === undefined) into.set(t, ps && new Set(ps));
    else for (const p of ps!) had.add(p);
  }
}

/** `t` or `t@pairing;pairing` per table, comma-separated: the tables part of an announcement. */
function encodeWritten(w: Written): string {
  return [...w].map(([t, ps]) => (ps ? `${t}@${[...ps].join(';')}` : t)).join(',');
}

function decodeWritten(text: string): Written {
  const out: Written = new Map();
  for (const part of text.split(',')) {
    const [t, ps] = part.split('@');
    if (t) merge(out, new Map([[t, ps ? new Set(ps.split(';').filter(Boolean)) : null]]));
  }
  return out;
}

/**
 * A clock that moves whenever the database may have changed, and when each table last may have, so that caches of
 * reads (sessions, dashboards, lists) stay correct without asking the database on every request, and a write to
 * one table leaves answers read from others in place.
 *
 * Every statement this process sends that can write (anything but SELECT and the like), and every COMMIT, moves
 * the clock and marks its tables (a transaction's COMMIT marks every table the transaction wrote) when sent and
 * again when done: a reader that started before a commit keeps its answer under the time it started, which the
 * commit has moved past. Tables a write changes through foreign-key actions or triggers are marked with it
 * (`implied`, read from the catalogue at start). A statement whose tables cannot be told marks everything.
 * Other processes on the same PostgreSQL are heard through LISTEN/NOTIFY (delivered at their commit, naming the
 * tables); if that channel fails, the clock stops being trusted and every read goes to the database. With streaming
 * replicas, a read is stamped with the time when every replica was last seen to have replayed every known commit
 * (`current`): a replica's answer may be older than the clock, never older than that (routing.ts, ReplicaSet).
 * PGlite has one process by construction (the data directory lock).
 *
 * A write to a pairing-owned table made inside `writingFor(pairings, …)` is marked for those pairings only, and an
 * answer read for a scope (the pairings its reader sees) stays while none of its tables changed for a pairing of
 * that scope: a project edit in one pairing leaves other pairings' ledgers in place, while the national office's
 * answers, and those of any office whose scope holds the pairing (scopes hold every sub-pair of their pairings, so
 * a parent pairing's aggregates are among them), are dropped.
 */
export class DataVersion {
  private clock = 0;
  private trusted = true;
  /** When each table last changed at all. */
  private changedAt = new Map<string, number>();
  /** When each table last changed in rows not confined to known pairings. */
  private wholeAt = new Map<string, number>();
  /** When each pairing-owned (or user-owned) table last changed, per pairing (or user) whose rows changed. */
  private pairingAt = new Map<string, Map<string, number>>();
  /** When a write whose tables could not be told last happened: everything changed then. */
  private everythingAt = 0;
  /** Tables that change with a table (foreign-key actions, triggers). */
  implied = new Map<string, string[]>();
  /** Set when reads may go to replicas. */
  replicas: ReplicaSet | null = null;
  /** The clock when every healthy replica was last seen to have replayed every commit made or heard of by then. */
  private replayedAt = 0;
  /** Names this process's announcements, so that it does not hear its own writes a second time. */
  readonly origin = randomUUID();

  /** Stamps given while a replica was behind (negative, one per moment): the earlier time each one's reads are as new as. */
  private behindStamps = new Map<number, number>();
  private lastBehind: { clock: number; asOf: number; stamp: number } | null = null;
  /** -1 is left to callers as "no stamp". */
  private nextBehind = -2;

  /**
   * The stamp of a read about to start, or null when nothing may be cached (the clock cannot be trusted): the time
   * now, or, with replicas, the time when they were last seen to have replayed every known commit — a read may be
   * answered by a replica that has replayed nothing since, so what was written after it must make the answer
   * stale. Between writes (most of the time) that is the time now; while a commit is on its way to the replicas,
   * answers read meanwhile are kept as of the earlier time, so they stand unless a table they read changed since.
   * Such a stamp is a negative number naming both moments, so that equal stamps still mean "nothing was written in
   * between" (caches answer equal stamps without asking, and join reads under way at the same stamp).
   */
  get current(): number | null {
    if (!this.trusted) return null;
    if (!this.replicas) return this.clock;
    this.seeReplicas();
    if (this.replayedAt === this.clock) return this.clock;
    const last = this.lastBehind;
    if (last && last.clock === this.clock && last.asOf === this.replayedAt) return last.stamp;
    const stamp = this.nextBehind--;
    this.behindStamps.set(stamp, this.replayedAt);
    // An answer kept under a stamp forgotten here is read again (unchangedSince says no).
    if (this.behindStamps.size > MAX_BEHIND_STAMPS) this.behindStamps.delete(this.behindStamps.keys().next().value!);
    this.lastBehind = { clock: this.clock, asOf: this.replayedAt, stamp };
    return stamp;
  }

  /** Moves `replayedAt` to now when every healthy replica has replayed every known commit (ReplicaSet polls call it). */
  seeReplicas() {
    if (this.replicas?.caughtUp()) this.replayedAt = this.clock;
  }

  /** The clock, trusted or not: whether anything was written between two moments. */
  get ticks(): number {
    return this.clock;
  }

  /**
   * Whether an answer read from `tables` at time `at` still stands (null tables: read from anything); `scope`: the
   * pairings whose rows of pairing-owned tables it may hold (null: any pairing's); `user`: the one user whose rows
   * of user-owned tables it holds (null: any user's — every answer but a cached session); `rows`: the only rows of
   * pairing-owned tables it holds (keys as writingFor names them, e.g. a project's page: `project:<id>`), all of
   * `scope`'s pairings — a write that named other rows of those pairings leaves it (null: any rows of the scope).
   */
  unchangedSince(
    at: number,
    tables: Iterable<string> | null,
    scope: ReadonlySet<string> | null = null,
    user: string | null = null,
    rows: ReadonlySet<string> | null = null,
  ): boolean {
    // Whether the replicas have caught up says nothing of an answer already kept: it was as new as its stamp says.
    if (!this.trusted) return false;
    if (at < 0) {
      const asOf = this.behindStamps.get(at);
      if (asOf === undefined) return false;
      at = asOf;
    }
    if (tables === null) return this.clock === at;
    if (this.everythingAt > at) return false;
    for (const t of tables) {
      if ((this.changedAt.get(t) ?? 0) <= at) continue;
      if ((this.wholeAt.get(t) ?? 0) > at) return false;
      // Changed only in rows marked with their owners: a table's marks are all of one kind (ownerOf).
      const by = this.pairingAt.get(t)!;
      if (USER_OWNED_TABLES.has(t)) {
        if (user === null || (by.get(user) ?? 0) > at) return false;
        continue;
      }
      if (scope === null) return false;
      // A write to rows it did not name (`p`) reaches every answer of the pairing; one that named its rows (`p#`)
      // reaches those of the whole pairing, and those confined to rows it named (their keys).
      if (rows) {
        for (const p of scope) if ((by.get(p) ?? 0) > at) return false;
        for (const r of rows) if ((by.get(r) ?? 0) > at) return false;
      } else if (by.size < scope.size) {
        for (const [k, when] of by) if (when > at && scope.has(k.endsWith('#') ? k.slice(0, -1) : k)) return false;
      } else for (const p of scope) if ((by.get(p) ?? 0) > at || (by.get(someRowsOf(p)) ?? 0) > at) return false;
    }
    return true;
  }

  /** Marks what was written (null: everything) as changed now; a table's implied tables with it. */
  bump(what: Written | null = null): void {
    this.clock++;
    if (what === null) {
      this.everythingAt = this.clock;
      return;
    }
    for (const [t, pairings] of what) {
      this.mark(t, pairings);
      // What a trigger or cascade writes with a pairing-owned row belongs to the same pairing (the project's rollups,
      // stage moves, money reports); anything else it writes counts for every pairing (and every user).
      const owner = ownerOf(t);
      for (const u of this.implied.get(t) ?? []) this.mark(u, ownerOf(u) === owner ? pairings : null);
    }
  }

  private mark(table: string, pairings: Set<string> | null) {
    this.changedAt.set(table, this.clock);
    if (pairings === null || ownerOf(table) === null) {
      this.wholeAt.set(table, this.clock);
      return;
    }
    let by = this.pairingAt.get(table);
    if (!by) this.pairingAt.set(table, (by = new Map()));
    for (const p of pairings) by.set(p, this.clock);
  }

  distrust(): void {
    this.trusted = false;
    this.bump(null);
  }
}

/** Stamps given while replicas were behind that are remembered (each a few dozen bytes). */
const MAX_BEHIND_STAMPS = 100_000;

const versions = new WeakMap<object, DataVersion>();

/** The version of the database behind a Drizzle handle (the app's `deps.db`). */
export function dataVersionOf(db: object): DataVersion | undefined {
  return versions.get(db);
}

export function registerDataVersion(db: object, version: DataVersion) {
  versions.set(db, version);
}

export const CHANGE_CHANNEL = 'duikou_data_changed';

/**
 * `origin|tables|lsn`: who wrote, which tables ('*': could not be told; `table@pairing;pairing` where the rows were
 * those pairings'), and the primary's WAL position after it.
 */
function parsePayload(payload: string | undefined) {
  const [origin, tables, lsn] = (payload ?? '').split('|');
  return {
    origin,
    tables: tables === undefined || tables === '*' || tables === '' ? null : decodeWritten(tables),
    lsn: lsn ? parseLsn(lsn) : null,
  };
}

type TrackedClient = { query: (...args: unknown[]) => unknown; __txTables?: Written | null };

/** Longest tables part of an announcement (NOTIFY payloads stop at 8,000 bytes). */
const MAX_ANNOUNCED = 7000;

/**
 * Watches every connection of the pool. With `notify`, each finished write is announced to the other processes
 * (coalesced: one NOTIFY per turn of the event loop, naming every table written in it).
 */
export function trackWrites(pool: pg.Pool, db: object, opts: { notify: boolean }): DataVersion {
  const version = new DataVersion();
  versions.set(db, version);
  let announcing: Written | null | undefined;
  const announce = (tables: Written | null) => {
    if (!opts.notify) return;
    if (announcing === undefined) {
      announcing = new Map();
      if (tables) merge(announcing, tables);
      else announcing = null;
      // Until the announcement has read the commit position, a replica cannot be known to have our writes.
      version.replicas?.writeDone();
      setImmediate(() => {
        let names = announcing ? encodeWritten(announcing) : '*';
        // Too many pairings to name: the tables alone (every pairing's rows), or, with too many tables, everything.
        if (names.length > MAX_ANNOUNCED && announcing) names = [...announcing.keys()].join(',');
        announcing = undefined;
        // Names our tables for the other processes, and reads where the primary's WAL stands after our commit: the
        // position a replica must reach before our writes can be read from it.
        pool
          .query<{ lsn: string }>(
            `SELECT pg_notify('${CHANGE_CHANNEL}', $1 || '|' || pg_current_wal_lsn()::text), pg_current_wal_lsn()::text AS lsn`,
            [`${version.origin}|${names.length > MAX_ANNOUNCED ? '*' : names}`],
          )
          .then(
            (r) => version.replicas?.committed(parseLsn(r.rows[0]?.lsn), true),
            () => {
              version.replicas?.committed(null, true);
              version.distrust();
            },
          );
      });
    } else if (announcing !== null) {
      if (tables === null) announcing = null;
      else merge(announcing, tables);
    }
  };
  pool.on('connect', (connected) => {
    const client = connected as unknown as TrackedClient;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      if (isBegin(text)) client.__txTables = new Map();
      if (!isWrite(text)) return query(...args);
      let tables: Written | null;
      const inTx = client.__txTables;
      if (isCommit(text) || isRollback(text)) {
        // A COMMIT makes the transaction's writes visible: mark what it wrote (nothing, if it only read).
        tables = inTx === undefined ? new Map() : inTx;
        client.__txTables = undefined;
        if (tables && !tables.size) return query(...args);
      } else {
        // Sent inside `writingFor`: its pairing-owned tables are written for those pairings only. Trusted only in a
        // transaction, whose client the caller drives itself: outside one, pg-pool may send the statement from the
        // context of whichever request released a client, which could be another's `writingFor`.
        const names = tablesWritten(text);
        const store = inTx ? routeStore() : undefined;
        tables = names && written(names, store?.writesFor, store?.writesForUsers, store?.writesForRows);
        if (inTx && tables) merge(inTx, tables);
        if (inTx && tables === null) client.__txTables = null;
      }
      version.bump(tables);
      const done = () => {
        version.bump(tables);
        // Inside a transaction nothing is visible to others before the COMMIT, which announces it.
        if (client.__txTables === undefined) announce(tables);
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

/**
 * Which tables change with each table: children of foreign keys with ON DELETE/UPDATE CASCADE, SET NULL or SET
 * DEFAULT, and the tables trigger functions on it write (read from their source); followed transitively.
 */
export async function loadImpliedWrites(pool: { query: pg.Pool['query'] }, version: DataVersion) {
  const direct = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    if (!direct.has(from)) direct.set(from, new Set());
    direct.get(from)!.add(to);
  };
  const fks = await pool.query<{ parent: string; child: string }>(`
    SELECT pc.relname AS parent, cc.relname AS child
    FROM pg_constraint k JOIN pg_class pc ON pc.oid = k.confrelid JOIN pg_class cc ON cc.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = cc.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()
      AND (k.confdeltype IN ('c', 'n', 'd') OR k.confupdtype IN ('c', 'n', 'd'))`);
  for (const r of fks.rows) add(r.parent, r.child);
  const triggers = await pool.query<{ tbl: string; src: string }>(`
    SELECT c.relname AS tbl, p.prosrc AS src
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND n.nspname = current_schema()`);
  // Trigger bodies are PL/pgSQL: every INSERT, UPDATE or DELETE in them names a table that changes with this one.
  for (const r of triggers.rows)
    for (const m of r.src.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi))
      add(r.tbl, m[1]!.toLowerCase());
  const closure = new Map<string, string[]>();
  for (const start of direct.keys()) {
    const seen = new Set<string>();
    const stack = [...direct.get(start)!];
    while (stack.length) {
      const t = stack.pop()!;
      if (seen.has(t) || t === start) continue;
      seen.add(t);
      stack.push(...(direct.get(t) ?? []));
    }
    closure.set(start, [...seen]);
  }
  version.implied = closure;
}

/** Hears the other processes' writes; returns a function that stops listening. */
export async function listenForChanges(connectionString: string, version: DataVersion): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => version.distrust());
  client.on('end', () => version.distrust());
  // Our own announcements come back too; the writes they announce were counted when they were made.
  client.on('notification', (msg) => {
    const p = parsePayload(msg.payload);
    if (p.origin === version.origin) return;
    version.replicas?.committed(p.lsn, false);
    version.bump(p.tables);
  });
  await client.connect();
  await client.query(`LISTEN ${CHANGE_CHANNEL}`);
  return async () => {
    client.removeAllListeners('end');
    await client.end().catch(() => undefined);
  };
}
