import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { isCommit, isWrite, tablesRead } from './statements.ts';

/**
 * Where a request's statements go, and what they read.
 *
 * Every request runs in a store (src/server/http/db-context.ts opens it first thing): `primary` sends its reads to
 * the primary (state-changing requests, and reads of a user whose own write no replica has replayed yet). Work
 * outside a request (start-up, jobs, timers, the CLI) has no store and reads from the primary: it often reads what
 * it has just written.
 * `reads` collects the tables its statements read, so a cached answer can be kept until one of them changes
 * instead of until anything changes (data-version.ts).
 */
export interface RouteStore {
  primary: boolean;
  /** A replica must have replayed this WAL position to answer (the user's own last write); 0: any replica. */
  minLsn?: bigint;
  reads: Set<string> | null;
  /** Set by `writingFor`: the pairings whose rows the statements sent now write. */
  writesFor?: readonly string[];
  /** Set by `writingFor` when it names them: the only rows of those pairings the statements sent now write. */
  writesForRows?: readonly string[];
  /** Set by `showingOnly`: the answer holds, of pairing-owned tables, only these rows of these pairings. */
  showsOnly?: { pairings: readonly string[]; rows: readonly string[] };
  /** Set by `writingForUsers`: the users whose rows of user-owned tables (sessions …) the statements sent now write. */
  writesForUsers?: readonly string[];
  /**
   * What the request has written, for its read-your-writes position (http/db-context.ts): the primary's WAL position
   * after its last commit, read with the COMMIT itself (RoutingPool.connect), and whether it wrote anything outside a
   * transaction, whose position is not known. Shared by the stores nested in the request's.
   */
  written?: RequestWrites;
}

export interface RequestWrites {
  lsn: string | null;
  outsideTransaction: boolean;
}

const als = new AsyncLocalStorage<RouteStore>();

export function routeStore(): RouteStore | undefined {
  return als.getStore();
}

export function runInStore<T>(store: RouteStore, fn: () => T): T {
  return als.run(store, fn);
}

/** Runs `fn` with its reads collected apart (and still added to the surrounding store's): what a shared computation read. */
export async function trackingReads<T>(fn: () => Promise<T>): Promise<{ value: T; tables: Set<string> }> {
  const outer = als.getStore();
  const tables = new Set<string>();
  // Awaited inside: a Drizzle query returned un-awaited by `fn` is sent when awaited, which must be in this store.
  const value = await als.run(
    { primary: outer?.primary ?? true, minLsn: outer?.minLsn, reads: tables, written: outer?.written },
    async () => await fn(),
  );
  if (outer?.reads) for (const t of tables) outer.reads.add(t);
  return { value, tables };
}

/**
 * Runs `write` with the writes it sends to pairing-owned tables (data-version.ts, PAIRING_OWNED_TABLES) in a
 * transaction (every change runs in one: auditedChange) marked as changing only rows of these pairings, so that
 * cached answers of readers who see none of them stay (every pairing the rows belonged to before and after the
 * write must be named). Its writes to other tables or outside a transaction, and writes sent outside it, count for
 * every pairing.
 */
export function writingFor<T>(
  pairingIds: readonly string[],
  write: () => Promise<T>,
  /**
   * Every row of pairing-owned tables `write` changes, when it can say (`project:<id>`: a project's row and its
   * history, task links and rollups): answers confined to other rows of these pairings stay (`showingOnly`).
   */
  rows?: readonly string[],
): Promise<T> {
  const outer = als.getStore();
  return als.run(
    {
      ...outer,
      primary: outer?.primary ?? true,
      reads: outer?.reads ?? null,
      writesFor: pairingIds,
      writesForRows: rows,
    },
    // Awaited inside: Drizzle sends a statement when its promise is awaited, which must happen in this store.
    async () => await write(),
  );
}

/**
 * The same for user-owned tables (data-version.ts, USER_OWNED_TABLES): `write`'s writes to them in a transaction
 * change only rows of these users (a sign-in's session, a sign-out), so other users' cached sessions stay.
 */
export function writingForUsers<T>(userIds: readonly string[], write: () => Promise<T>): Promise<T> {
  const outer = als.getStore();
  return als.run(
    { ...outer, primary: outer?.primary ?? true, reads: outer?.reads ?? null, writesForUsers: userIds },
    async () => await write(),
  );
}

/**
 * Says that the request's answer holds, of pairing-owned tables, only `rows` (keys as `writingFor` names them), all
 * of `pairingIds`: the response cache then keeps it until those rows change, or any rows of those pairings change
 * unnamed, whatever the reader's scope (a project's page, even the national office's, outlives writes to other
 * projects). Only where every pairing-owned row the answer reads is among `rows`.
 */
export function showingOnly(pairingIds: readonly string[], rows: readonly string[]) {
  const store = als.getStore();
  if (store) store.showsOnly = { pairings: pairingIds, rows };
}

/** Adds tables to the current store's reads (a cached computation's tables, when its answer is reused). */
export function noteReads(tables: Iterable<string>) {
  const reads = als.getStore()?.reads;
  if (reads) for (const t of tables) reads.add(t);
}

function record(text: string | undefined) {
  const reads = als.getStore()?.reads;
  if (!reads || !text) return;
  for (const t of tablesRead(text)) reads.add(t);
}

/** A read that locks rows must see, and lock, the primary's rows. */
const LOCKING = /\bfor\s+(?:update|no\s+key\s+update|share|key\s+share)\b/i;

const textOf = (first: unknown) => (typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text);

/**
 * Sent instead of a transaction's COMMIT when reads may go to replicas: the position a replica must replay to have
 * the commit, in the same round trip (a statement of its own after a write waited for a primary connection and the
 * event loop once more — the most crowded part of a write under load). COMMIT ends the transaction and makes it
 * durable before the SELECT runs (a multi-statement simple query; an error at COMMIT skips the SELECT).
 */
const COMMIT_AT = 'COMMIT; SELECT pg_current_wal_lsn()::text AS lsn';

// ---- replicas ----

/** A WAL position ('16/B374D848') as a number that orders correctly. */
export function parseLsn(lsn: string | null | undefined): bigint {
  if (!lsn) return 0n;
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

interface Replica {
  url: string;
  pool: pg.Pool;
  /**
   * One connection of its own for reading the replay position: through `pool` the poll waited behind every read
   * queued for a connection (tens of milliseconds under load), and answers read meanwhile were kept as of the
   * older position (data-version.ts, `current`).
   */
  watch: pg.Pool;
  /** The last position it was seen to have replayed. */
  replayed: bigint;
  healthy: boolean;
}

/** How often a replica's replay position is read: often while some write is not yet known to be replayed. */
const POLL_BEHIND_MS = 5;
const POLL_IDLE_MS = 250;

/**
 * Streaming replicas of the primary. Reads that need not see the newest commit go to one of them; the set knows
 * the newest commit this process made or heard of (`required`) and whether every healthy replica has replayed it,
 * which caches use to decide whether a replica's answer may be kept (data-version.ts).
 */
export class ReplicaSet {
  readonly replicas: Replica[];
  private required = 0n;
  /** Writes done whose commit position is not known yet (the announcement that reads it is under way). */
  private pending = 0;
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Whether the next poll is due at the quick pace. */
  private soon = false;
  private polling = false;
  private closed = false;
  private waiters: { lsn: bigint; resolve: () => void }[] = [];
  /** Statements sent to a replica (for tests and the bench). */
  served = 0;
  /** Called after each poll (the data version moves its replicas' time when they have caught up). */
  afterPoll: (() => void) | null = null;

  constructor(urls: readonly string[], poolSize: number) {
    this.replicas = urls.map((url) => {
      const lost = (err: Error) => console.error(`只读副本连接中断 / replica connection lost: ${err.message}`);
      const pool = new pg.Pool({ connectionString: url, max: poolSize });
      pool.on('error', lost);
      const watch = new pg.Pool({ connectionString: url, max: 1 });
      watch.on('error', lost);
      return { url, pool, watch, replayed: 0n, healthy: false };
    });
  }

  async start() {
    await this.poll();
    this.schedule();
  }

  private schedule() {
    if (this.closed) return;
    const behind = this.pending > 0 || this.replicas.some((r) => r.healthy && r.replayed < this.required);
    this.soon = behind || this.waiters.length > 0;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.poll().finally(() => this.schedule());
      },
      this.soon ? POLL_BEHIND_MS : POLL_IDLE_MS,
    );
    this.timer.unref();
  }

  /**
   * A commit to see replayed: the next poll comes soon instead of at the idle pace (a write after a quiet spell
   * waited up to POLL_IDLE_MS to be seen replayed, and answers read meanwhile were kept as of before it).
   */
  private hurry() {
    if (this.closed || this.soon || !this.timer) return;
    clearTimeout(this.timer);
    this.schedule();
  }

  private async poll() {
    if (this.polling) return;
    this.polling = true;
    try {
      await Promise.all(
        this.replicas.map(async (r) => {
          try {
            const { rows } = await r.watch.query<{ lsn: string }>(
              'SELECT coalesce(pg_last_wal_replay_lsn(), pg_current_wal_lsn())::text AS lsn',
            );
            const lsn = parseLsn(rows[0]?.lsn);
            if (lsn > r.replayed) r.replayed = lsn;
            // Answers read from the others meanwhile are stamped as having every commit known when they last caught
            // up (data-version.ts, `current`): a replica coming back answers once it has every commit known now.
            if (r.replayed >= this.required) r.healthy = true;
          } catch {
            r.healthy = false;
          }
        }),
      );
    } finally {
      this.polling = false;
    }
    this.afterPoll?.();
    this.waiters = this.waiters.filter((w) => {
      if (!this.replicas.some((r) => r.healthy && r.replayed >= w.lsn)) return true;
      w.resolve();
      return false;
    });
  }

  /** A write of this process has finished; its commit position follows with `committed`. */
  writeDone() {
    this.pending++;
    this.hurry();
  }

  committed(lsn: bigint | null, own: boolean) {
    if (own) this.pending = Math.max(0, this.pending - 1);
    if (lsn !== null && lsn > this.required) {
      this.required = lsn;
      this.hurry();
    }
  }

  /** Whether every healthy replica has replayed every commit this process made or heard of. */
  caughtUp(): boolean {
    if (this.pending > 0) return false;
    return this.replicas.every((r) => !r.healthy || r.replayed >= this.required);
  }

  /** A healthy replica that has replayed `lsn` (0: any healthy one), in turn; null when there is none. */
  pick(lsn = 0n): Replica | null {
    for (let i = 0; i < this.replicas.length; i++) {
      const r = this.replicas[(this.next + i) % this.replicas.length]!;
      if (r.healthy && r.replayed >= lsn) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return r;
      }
    }
    return null;
  }

  /** Resolves once some healthy replica has replayed `lsn`, or after `timeoutMs` (false then). For tests and tools. */
  waitFor(lsn: bigint, timeoutMs = 5_000): Promise<boolean> {
    if (this.pick(lsn)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      const waiter = {
        lsn,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      this.waiters.push(waiter);
      this.hurry();
    });
  }

  markUnhealthy(r: Replica) {
    r.healthy = false;
  }

  async close() {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
    await Promise.all(this.replicas.flatMap((r) => [r.pool, r.watch].map((p) => p.end().catch(() => undefined))));
  }
}

// ---- prepared statements ----

/** Distinct statement texts that get a name (the rest go unnamed, as before): a bound on what each connection keeps. */
const MAX_NAMED = 2_000;
const DML = /^\s*(?:select|insert|update|delete|with)\b/i;

/**
 * Server-side prepared statements for the statements the app sends again and again. A statement sent with a name is
 * parsed (and, once PostgreSQL finds a generic plan as good as the custom ones, planned) once per connection
 * instead of on every call: most of what a small query costs, and on PGlite — which parses and plans inside
 * WebAssembly, one statement at a time — the larger part of its time (bench: a primary-key join 1.0–4.6 ms →
 * 0.3–0.7 ms). node-postgres keeps, per connection, which names it has parsed there, so a text gets its name the
 * second time it is seen (one-off statements stay unnamed), and each connection numbers its own names: PGlite
 * serves every socket connection from one backend, where a name another connection left behind would clash.
 */
export class StatementNames {
  private ids = new Map<string, number>();
  private seen = new Set<string>();
  private connections = 0;

  /** The statement's id, once it has been seen before and while there is room; undefined: send it unnamed. */
  idOf(text: string): number | undefined {
    const id = this.ids.get(text);
    if (id !== undefined) return id;
    if (this.ids.size >= MAX_NAMED || !DML.test(text)) return undefined;
    if (!this.seen.has(text)) {
      if (this.seen.size >= MAX_NAMED) this.seen.clear();
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    this.ids.set(text, this.ids.size + 1);
    return this.ids.size;
  }

  /** Names the statements of every connection `pool` opens from now on. */
  nameOn(pool: pg.Pool) {
    pool.on('connect', (connected) => {
      const client = connected as unknown as { query: QueryFn };
      const prefix = `d${++this.connections}_`;
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        const config = args[0] as { text?: unknown; name?: unknown } | undefined;
        if (config && typeof config === 'object' && typeof config.text === 'string' && config.name === undefined) {
          const id = this.idOf(config.text);
          // A copy: Drizzle reuses its query objects.
          if (id !== undefined) args[0] = { ...config, name: `${prefix}${id}` };
        }
        return query(...args);
      };
    });
  }
}

// ---- the pool Drizzle talks to ----

type QueryFn = (...args: unknown[]) => unknown;

/**
 * What Drizzle is given instead of the primary's pg.Pool (its name ends in "Pool", which is how Drizzle knows to
 * check out a client for a transaction). Statements outside a transaction that only read go to a replica when
 * the request may read from one; everything else, and every transaction, goes to the primary. A read a replica
 * fails (down, or cancelled by recovery) is sent again to the primary. Each statement's tables are noted in the
 * request's store here, in the caller's context (pg-pool runs its callbacks in whichever context released a client).
 */
/**
 * The turn of statements on PGlite's connections (one backend: one statement at a time), shortest expected first
 * instead of first come: each statement's expected time is what statements of the same text took before (a moving
 * average), and a waiting statement's claim grows with its wait, so a heavy read (a 5,000-task plan, a search
 * through every project) goes after the light ones queued with it instead of holding all of them up, yet is never
 * starved: it goes first once it has waited as long as it is expected to take. A transaction takes a connection
 * for its whole length and goes ahead of reads. At most `connections` statements are out at once: the next one
 * reaches the worker while it runs the last (database.ts, PGLITE_CONNECTIONS), so a statement's time as learnt
 * includes waiting there behind one other.
 */
export class StatementTurns {
  private waiting: { cost: number; at: number; go: () => void }[] = [];
  private costs = new Map<string, number>();
  /** Expected milliseconds of a statement never seen. */
  static readonly UNKNOWN_MS = 2;
  private static readonly KEEP = 5_000;

  /** Connections free for a statement. */
  private free: number;

  constructor(connections = 1) {
    this.free = connections;
  }

  expected(text: string | undefined): number {
    return (text ? this.costs.get(text) : undefined) ?? StatementTurns.UNKNOWN_MS;
  }

  learn(text: string | undefined, ms: number) {
    if (!text) return;
    const was = this.costs.get(text);
    if (was === undefined && this.costs.size >= StatementTurns.KEEP) this.costs.delete(this.costs.keys().next().value!);
    this.costs.set(text, was === undefined ? ms : 0.7 * was + 0.3 * ms);
  }

  acquire(cost: number): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((go) => this.waiting.push({ cost, at: performance.now(), go }));
  }

  release() {
    if (!this.waiting.length) {
      this.free++;
      return;
    }
    const now = performance.now();
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      const w = this.waiting[i]!;
      const b = this.waiting[best]!;
      if (w.cost - (now - w.at) < b.cost - (now - b.at)) best = i;
    }
    const [next] = this.waiting.splice(best, 1);
    next!.go();
  }

  /** Runs one statement in its turn (a write request's as soon as the connection is free), and learns how long it took. */
  async run<T>(text: string | undefined, send: () => Promise<T>, urgent = false): Promise<T> {
    await this.acquire(urgent ? 0 : this.expected(text));
    const t0 = performance.now();
    try {
      return await send();
    } finally {
      this.learn(text, performance.now() - t0);
      this.release();
    }
  }
}

/**
 * The process's statements running at once (PostgreSQL): at most as many as the primary has connections, whether
 * they run there or on a replica, handed out first to the statements and transactions of requests that change
 * data, then to reads in the order they came. pg-pool serves whoever asked first: under the mix's 64 requests a
 * write waited for a connection as long as any read, once for its transaction and once for each read after it (the
 * page it answers with), and so took several reads' time (db/BENCHMARKS.md). Writes are a few in a hundred
 * requests: reads lose little by letting them go first. Replica reads count too: a replica on the same cores
 * (the bench's, or a small installation's) otherwise ran up to as many reads again beside the primary's
 * statements, and each of a write's statements waited for a core behind all of them.
 */
export class StatementSlots {
  private free: number;
  private urgent: (() => void)[] = [];
  private waiting: (() => void)[] = [];

  constructor(capacity: number) {
    this.free = capacity;
  }

  acquire(urgent: boolean): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((go) => (urgent ? this.urgent : this.waiting).push(go));
  }

  release() {
    const next = this.urgent.shift() ?? this.waiting.shift();
    if (next) next();
    else this.free++;
  }

  async run<T>(urgent: boolean, send: () => Promise<T>): Promise<T> {
    await this.acquire(urgent);
    try {
      return await send();
    } finally {
      this.release();
    }
  }
}

/** Whether the statements sent now are a write request's (or work outside requests): they go first (StatementSlots). */
const urgentNow = () => als.getStore()?.primary ?? true;

export class RoutingPool extends EventEmitter {
  /** Without turns (PostgreSQL): which of the process's statements runs next, on the primary or a replica. */
  private readonly slots: StatementSlots | null;

  constructor(
    readonly primary: pg.Pool,
    readonly replicas: ReplicaSet | null,
    /** For a database with one connection (PGlite): statements take turns, shortest expected first. */
    readonly turns: StatementTurns | null = null,
  ) {
    super();
    this.slots = turns ? null : new StatementSlots(primary.options.max ?? 10);
    const names = new StatementNames();
    names.nameOn(primary);
    for (const r of replicas?.replicas ?? []) names.nameOn(r.pool);
  }

  get options() {
    return this.primary.options;
  }

  query(...args: unknown[]): unknown {
    const text = textOf(args[0]);
    record(text);
    const callback = typeof args[args.length - 1] === 'function';
    const store = als.getStore();
    if (store?.written && isWrite(text)) store.written.outsideTransaction = true;
    if (this.replicas && store && !store.primary && !callback && !isWrite(text) && !LOCKING.test(text ?? '')) {
      const replica = this.replicas.pick(store.minLsn);
      if (replica) {
        this.replicas.served++;
        // A replica that is down, or cancelled the read to replay the primary's WAL: the primary answers instead (an
        // error in the statement itself comes back from there too).
        const read = () =>
          ((replica.pool.query as QueryFn)(...args) as Promise<unknown>).catch((err: { code?: string }) => {
            if (!err.code || /^(08|57P)/.test(err.code)) this.replicas!.markUnhealthy(replica);
            return (this.primary.query as QueryFn)(...args);
          });
        return this.slots ? this.slots.run(false, read) : read();
      }
    }
    const send = () => (this.primary.query as QueryFn)(...args) as Promise<unknown>;
    if (this.turns && !callback) return this.turns.run(text, send, urgentNow());
    if (this.slots && !callback) return this.slots.run(urgentNow(), send);
    return send();
  }

  /** A client of the primary, for a transaction; its statements' tables are noted in the caller's store too. */
  async connect(): Promise<pg.PoolClient> {
    // A transaction holds the one connection until it ends; it goes ahead of every waiting read.
    // On PostgreSQL it takes one of the connections, before any read waiting for one.
    const turns = this.turns ?? this.slots;
    if (this.turns) await this.turns.acquire(0);
    else await this.slots?.acquire(true);
    let client: pg.PoolClient;
    try {
      client = await this.primary.connect();
    } catch (err) {
      turns?.release();
      throw err;
    }
    const query = client.query.bind(client) as QueryFn;
    const withReplicas = this.replicas !== null;
    let released = false;
    return new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === 'query')
          return (...args: unknown[]) => {
            const text = textOf(args[0]);
            record(text);
            const written = als.getStore()?.written;
            if (written && withReplicas && isCommit(text) && typeof args[args.length - 1] !== 'function')
              return commitAt(query, written);
            return query(...args);
          };
        if (prop === 'release')
          return (...args: unknown[]) => {
            (target.release as (...a: unknown[]) => void)(...args);
            if (turns && !released) {
              released = true;
              turns.release();
            }
          };
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  async end() {
    await this.replicas?.close();
    await this.primary.end();
  }
}

/** A COMMIT sent as COMMIT_AT: notes the position in `written` and answers as the COMMIT alone would. */
async function commitAt(query: QueryFn, written: RequestWrites) {
  const results = (await query(COMMIT_AT)) as { rows: { lsn?: string }[] }[];
  const lsn = results[1]?.rows[0]?.lsn ?? null;
  if (lsn && parseLsn(lsn) > parseLsn(written.lsn)) written.lsn = lsn;
  return results[0];
}
