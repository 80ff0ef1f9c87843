import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { regions } from '../modules/regions/regions.tables.ts';
import { CHANGE_CHANNEL, dataVersionOf, isWrite } from './data-version.ts';
import { tablesRead, tablesWritten } from './statements.ts';
import { runInStore, trackingReads, writingFor, writingForUsers } from './routing.ts';
import { touchSession } from '../modules/auth/session.repository.ts';
import { openDatabase, type Database } from './database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { testEngines } from '../testing/test-engines.ts';

describe('which statements may change data', () => {
  it('counts writes, commits and DDL; not reads, transaction starts, notifications or the session touch', () => {
    for (const w of [
      'insert into "tasks" …',
      'UPDATE tasks SET x = 1',
      'delete from "sessions" where …',
      'commit',
      'WITH x AS (DELETE FROM t RETURNING 1) SELECT 1',
      'CREATE TABLE t ()',
      'truncate t',
      undefined,
    ]) {
      expect(isWrite(w), String(w)).toBe(true);
    }
    for (const r of [
      'WITH RECURSIVE tree AS (SELECT 1) SELECT * FROM tree',
      'select 1',
      '  SELECT * FROM tasks',
      'begin',
      'BEGIN ISOLATION LEVEL SERIALIZABLE',
      'set local x = 1',
      'explain select 1',
      'NOTIFY duikou_data_changed',
      'listen x',
      'savepoint s1',
      'release savepoint s1',
      'VACUUM (ANALYZE) "projects"',
      'ANALYZE "audit_log"',
    ]) {
      expect(isWrite(r), r).toBe(false);
    }
    expect(isWrite('update "sessions" set "last_seen_at" = $1 where "sessions"."token_hash" = $2')).toBe(false);
    expect(isWrite('update "sessions" set "csrf_token" = $1')).toBe(true);
  });
});

describe('which tables a statement writes and reads', () => {
  it('names the written tables, or null when it cannot tell', () => {
    expect(tablesWritten('insert into "projects" ("id") values ($1)')).toEqual(['projects']);
    expect(tablesWritten('update "tasks" set "status" = $1 where "tasks"."id" = $2')).toEqual(['tasks']);
    expect(tablesWritten('delete from "sessions" where …')).toEqual(['sessions']);
    expect(tablesWritten('WITH x AS (DELETE FROM a RETURNING 1) INSERT INTO b SELECT * FROM x')?.sort()).toEqual([
      'a',
      'b',
    ]);
    expect(tablesWritten('TRUNCATE TABLE audit_log')).toEqual(['audit_log']);
    for (const unknown of [
      'CREATE TABLE t ()',
      'ALTER TABLE x ADD y int',
      'DO $$ BEGIN END $$',
      'select f()',
      undefined,
    ])
      expect(tablesWritten(unknown), String(unknown)).toBeNull();
  });
  it('names every table after FROM and JOIN', () => {
    expect(
      tablesRead(
        'select "a"."x" from "projects" "a" inner join "pairings" on … left join lateral (select 1 from regions r) q',
      ),
    ).toEqual(['projects', 'pairings', 'regions']);
  });
});

describe.each(testEngines())('the data version on %s', (engine) => {
  const open: Database[] = [];
  afterEach(async () => {
    for (const d of open.splice(0)) await d.close();
  });

  it('moves with every write and commit, and stands still for reads', async () => {
    const database = await openTestDatabase(engine);
    open.push(database);
    const { db } = database;
    const at = () => dataVersionOf(db)!.current!;
    const v0 = at();
    await db.execute(sql`SELECT count(*) FROM regions`);
    expect(at()).toBe(v0);
    await db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS probe (n int)`);
    const v1 = at();
    // Once when sent and once when done, outside a transaction too (where pg-pool answers by callback).
    expect(v1).toBe(v0 + 2);
    let inside = 0;
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
      inside = at();
    });
    // A transaction that only read changed nothing: its COMMIT does not count.
    expect(inside).toBe(v1);
    expect(at()).toBe(v1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO probe VALUES (1)`);
    });
    expect(at()).toBeGreaterThan(v1);

    // The idle-timeout touch, as the session loader sends it, is not a change any cache holds.
    const v2 = at();
    await touchSession(db, 'no-such-session', new Date());
    expect(at()).toBe(v2);
  });

  it('keeps what was read from other tables when one table is written, in and out of transactions', async () => {
    const database = await openTestDatabase(engine);
    open.push(database);
    const { db } = database;
    const version = dataVersionOf(db)!;
    // What a request read is collected in its store: this "answer" read regions and programmes.
    const reads = new Set<string>();
    const at = version.current!;
    await runInStore({ primary: true, reads }, async () => {
      // Awaited inside the store: Drizzle sends the statement when its promise is awaited.
      await db.execute(sql`SELECT count(*) FROM regions r JOIN programmes p ON true`);
    });
    expect([...reads].sort()).toEqual(['programmes', 'regions']);
    expect(version.unchangedSince(at, reads)).toBe(true);
    await db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS probe3 (n int)`);
    // DDL names no table it writes: everything counts as changed.
    expect(version.unchangedSince(at, reads)).toBe(false);
    const at2 = version.current!;
    await db.execute(sql`INSERT INTO probe3 VALUES (1)`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE probe3 SET n = 2`);
    });
    expect(version.unchangedSince(at2, reads)).toBe(true);
    expect(version.unchangedSince(at2, ['probe3'])).toBe(false);
    // Without the tables read, only an unchanged clock will do.
    expect(version.unchangedSince(at2, null)).toBe(false);
    // A transaction's COMMIT marks what it wrote: a reader of regions that began inside it keeps nothing.
    const at3 = version.current!;
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE regions SET sort_order = sort_order WHERE code = '000000'`);
    });
    expect(version.unchangedSince(at3, reads)).toBe(false);
  });

  it('collects the reads of a query handed back un-awaited, which Drizzle sends only when it is awaited', async () => {
    const database = await openTestDatabase(engine);
    open.push(database);
    const { db } = database;
    const { tables } = await trackingReads(
      () => db.select({ n: count() }).from(regions) as unknown as Promise<unknown>,
    );
    expect([...tables]).toEqual(['regions']);
  });

  it('marks a write to pairing-owned tables for the pairings it names, and anything else for every pairing', async () => {
    const database = await openTestDatabase(engine);
    open.push(database);
    const { db } = database;
    const version = dataVersionOf(db)!;
    const [a, b] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    const readers = { a: new Set([a]), b: new Set([b]), both: new Set([a, b]) };
    const stands = (at: number, tables: string[]) => ({
      a: version.unchangedSince(at, tables, readers.a),
      b: version.unchangedSince(at, tables, readers.b),
      both: version.unchangedSince(at, tables, readers.both),
      all: version.unchangedSince(at, tables, null),
    });

    // A project write for pairing a, in a transaction as every change is made: a's readers and those who see
    // every pairing lose their answers; b's keep theirs. The rollups the trigger keeps move with it, for a only.
    let at = version.current!;
    await db.transaction(async (tx) => {
      await writingFor([a], () => tx.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`));
    });
    expect(version.implied.get('projects')).toContain('project_rollups');
    for (const t of ['projects', 'project_rollups'])
      expect(stands(at, [t]), t).toEqual({ a: false, b: true, both: false, all: false });
    expect(stands(at, ['regions'])).toEqual({ a: true, b: true, both: true, all: true });

    // The same write outside writingFor says nothing of whose rows it wrote: it counts for every pairing.
    at = version.current!;
    await db.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`);
    expect(stands(at, ['projects'])).toEqual({ a: false, b: false, both: false, all: false });

    // A table whose rows are not a pairing's is written for everyone, even inside writingFor.
    at = version.current!;
    await db.transaction(async (tx) => {
      await writingFor([a], () => tx.execute(sql`UPDATE regions SET sort_order = sort_order WHERE false`));
    });
    expect(stands(at, ['regions'])).toEqual({ a: false, b: false, both: false, all: false });

    // Outside a transaction the pool may send a statement from another request's context: it counts for everyone.
    at = version.current!;
    await writingFor([a], () => db.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`));
    expect(stands(at, ['projects'])).toEqual({ a: false, b: false, both: false, all: false });

    // In one transaction, a statement for a and one that names no pairing: the COMMIT counts for every pairing.
    at = version.current!;
    await db.transaction(async (tx) => {
      await writingFor([a], () => tx.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`));
      await tx.execute(sql`UPDATE project_stage_moves SET note = note WHERE false`);
    });
    expect(stands(at, ['projects'])).toEqual({ a: false, b: true, both: false, all: false });
    expect(stands(at, ['project_stage_moves'])).toEqual({ a: false, b: false, both: false, all: false });

    // Statements sent after writingFor ended are not marked with its pairings.
    at = version.current!;
    await db.transaction(async (tx) => {
      await writingFor([b], () => tx.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`));
      await tx.execute(sql`UPDATE project_figure_reports SET amount_wan = amount_wan WHERE false`);
    });
    expect(stands(at, ['projects'])).toEqual({ a: true, b: false, both: false, all: false });
    expect(stands(at, ['project_figure_reports']).a).toBe(false);
  });

  it('keeps an answer confined to some rows of a pairing across writes that name other rows of it', async () => {
    const database = await openTestDatabase(engine);
    open.push(database);
    const { db } = database;
    const version = dataVersionOf(db)!;
    const [a, b] = ['00000000-0000-4000-8000-00000000001a', '00000000-0000-4000-8000-00000000001b'];
    const [x, y] = ['project:00000000-0000-4000-8000-0000000000f1', 'project:00000000-0000-4000-8000-0000000000f2'];
    const tables = ['projects', 'project_figure_reports'];
    const stands = (at: number) => ({
      // A page of x (a project of a), whoever reads it; one of b's; a list of a's rows; an answer of every pairing.
      pageX: version.unchangedSince(at, tables, new Set([a]), null, new Set([x])),
      pageOfB: version.unchangedSince(at, tables, new Set([b]), null, new Set(['project:z'])),
      listA: version.unchangedSince(at, tables, new Set([a])),
      all: version.unchangedSince(at, tables, null),
    });
    const write = (rows?: string[]) =>
      db.transaction(async (tx) => {
        await writingFor([a], () => tx.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`), rows);
        await writingFor(
          [a],
          () => tx.execute(sql`UPDATE project_figure_reports SET amount_wan = amount_wan WHERE false`),
          rows,
        );
      });

    // A write to y's rows: x's page stays, every answer that may hold y's rows goes.
    let at = version.current!;
    await write([y]);
    expect(stands(at)).toEqual({ pageX: true, pageOfB: true, listA: false, all: false });
    // A write to x's rows reaches x's page.
    at = version.current!;
    await write([x]);
    expect(stands(at)).toEqual({ pageX: false, pageOfB: true, listA: false, all: false });
    // A write to rows of a it does not name reaches every answer of a, x's page included.
    at = version.current!;
    await write();
    expect(stands(at)).toEqual({ pageX: false, pageOfB: true, listA: false, all: false });
    // Heard from another process as announced (`table@pairing#;row`): the same marks.
    at = version.current!;
    version.bump(new Map([['projects', new Set([`${a}#`, y])]]));
    expect(stands(at)).toEqual({ pageX: true, pageOfB: true, listA: false, all: false });
  });

  it('marks a write to user-owned tables for the users it names, for the session cache of those users only', async () => {
    const database = await openTestDatabase(engine);
    open.push(database);
    const { db } = database;
    const version = dataVersionOf(db)!;
    const [a, b] = ['00000000-0000-4000-8000-0000000000aa', '00000000-0000-4000-8000-0000000000bb'];
    const stands = (at: number, tables: string[]) => ({
      a: version.unchangedSince(at, tables, null, a),
      b: version.unchangedSince(at, tables, null, b),
      // Every other reader (a cached answer, figures): a change to anyone's rows is a change.
      any: version.unchangedSince(at, tables, new Set([a])),
    });
    // A sign-in of user a: a's cached session goes, b's stays.
    let at = version.current!;
    await db.transaction(async (tx) => {
      await writingForUsers([a], () => tx.execute(sql`UPDATE sessions SET csrf_token = csrf_token WHERE false`));
    });
    expect(stands(at, ['sessions', 'users'])).toEqual({ a: false, b: true, any: false });
    // Outside writingForUsers, or outside a transaction, a write to sessions is everyone's.
    at = version.current!;
    await db.execute(sql`DELETE FROM sessions WHERE false`);
    expect(stands(at, ['sessions'])).toEqual({ a: false, b: false, any: false });
    at = version.current!;
    await writingForUsers([a], () => db.execute(sql`DELETE FROM sessions WHERE false`));
    expect(stands(at, ['sessions'])).toEqual({ a: false, b: false, any: false });
    // A table that is no user's is written for everyone, even inside writingForUsers; and user marks are no pairing's.
    at = version.current!;
    await db.transaction(async (tx) => {
      await writingForUsers([a], () => tx.execute(sql`UPDATE organisations SET name = name WHERE false`));
      await writingForUsers([a], () => tx.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`));
    });
    expect(stands(at, ['organisations'])).toEqual({ a: false, b: false, any: false });
    expect(version.unchangedSince(at, ['projects'], new Set([a]))).toBe(false);
  });

  it('marks the tables a foreign key cascades to with the table written', async () => {
    const database = await openTestDatabase(engine);
    open.push(database);
    const version = dataVersionOf(database.db)!;
    // Deleting a pairing deletes its side regions (ON DELETE CASCADE).
    expect(version.implied.get('pairings')).toContain('pairing_side_regions');
    const at = version.current!;
    await database.db.execute(sql`DELETE FROM pairings WHERE false`);
    expect(version.unchangedSince(at, ['pairing_side_regions'])).toBe(false);
    expect(version.unchangedSince(at, ['regions'])).toBe(true);
  });
});

// Only PostgreSQL has other processes: PGlite's data directory is locked to one.
describe.each(testEngines().filter((e) => e === 'postgres'))('the data version across processes on %s', (engine) => {
  const open: Database[] = [];
  afterEach(async () => {
    for (const d of open.splice(0)) await d.close();
  });

  /** Two processes on one database. */
  async function twoProcesses() {
    const first = await openTestDatabase(engine);
    open.push(first);
    const url = (first.pool.options as { connectionString: string }).connectionString;
    const second = await openDatabase({ dataDir: first.dataDir, databaseUrl: url });
    open.push(second);
    return { first, second };
  }

  /**
   * A second process on the first's database, once whatever it announced as it started has been heard here: a write
   * of its own is heard (notifications come in commit order), then nothing more for a while (its start-up
   * announcements may come from other connections, after that one). Only then may a test's clock start.
   */
  async function secondProcessHeard() {
    const { first, second } = await twoProcesses();
    const version = dataVersionOf(first.db)!;
    const started = version.current!;
    await second.db.execute(sql`UPDATE regions SET sort_order = sort_order WHERE false`);
    await expect.poll(() => version.unchangedSince(started, ['regions']), { timeout: 5_000 }).toBe(false);
    let last = -1;
    await expect
      .poll(
        () => {
          const same = version.ticks === last;
          last = version.ticks;
          return same;
        },
        { interval: 300, timeout: 10_000 },
      )
      .toBe(true);
    return { second, version };
  }

  it("hears another process's commits on the same PostgreSQL", async () => {
    const { first, second } = await twoProcesses();
    const before = dataVersionOf(first.db)!.current!;
    await second.db.execute(sql`CREATE TEMP TABLE probe2 (n int)`);
    await expect.poll(() => dataVersionOf(first.db)!.current!, { timeout: 5_000 }).toBeGreaterThan(before);
  });

  it("hears which pairings another process's write was for", async () => {
    const { second, version } = await secondProcessHeard();
    const [a, b] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    const at = version.current!;
    await second.db.transaction(async (tx) => {
      await writingFor([a], () => tx.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`));
    });
    // Waited for by what it marks: the second process's own background work (its job queue) moves the clock too.
    await expect
      .poll(() => version.unchangedSince(at, ['project_rollups'], new Set([a])), { timeout: 5_000 })
      .toBe(false);
    expect(version.unchangedSince(at, ['projects', 'project_rollups'], new Set([b]))).toBe(true);
    expect(version.unchangedSince(at, ['projects'], null)).toBe(false);
    // A write that names no pairing, heard from the other process, counts for every pairing.
    const at2 = version.current!;
    await second.db.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`);
    await expect.poll(() => version.unchangedSince(at2, ['projects'], new Set([b])), { timeout: 5_000 }).toBe(false);
  });

  it("hears which users another process's write to their sessions was for", async () => {
    const { second, version } = await secondProcessHeard();
    const [a, b] = ['00000000-0000-4000-8000-0000000000aa', '00000000-0000-4000-8000-0000000000bb'];
    const at = version.current!;
    // User a signs out through the other process: a's cached session here goes, b's stays.
    await second.db.transaction(async (tx) => {
      await writingForUsers([a], () => tx.execute(sql`DELETE FROM sessions WHERE false`));
    });
    await expect.poll(() => version.unchangedSince(at, ['sessions'], null, a), { timeout: 5_000 }).toBe(false);
    expect(version.unchangedSince(at, ['sessions', 'users'], null, b)).toBe(true);
    expect(version.unchangedSince(at, ['sessions'])).toBe(false);
  });

  it('does not count its own writes a second time when their announcement comes back', async () => {
    const database = await openTestDatabase(engine);
    open.push(database);
    const url = (database.pool.options as { connectionString: string }).connectionString;
    const other = new pg.Client({ connectionString: url });
    const heard: (string | undefined)[] = [];
    other.on('notification', (msg) => heard.push(msg.payload));
    await other.connect();
    try {
      await other.query(`LISTEN ${CHANGE_CHANNEL}`);
      const version = dataVersionOf(database.db)!;
      await database.db.execute(sql`CREATE TEMP TABLE probe1 (n int)`);
      const afterWrite = version.current!;
      await expect.poll(() => heard.some((h) => h?.startsWith(`${version.origin}|`)), { timeout: 5_000 }).toBe(true);
      // Another process's announcement, committed after the echo of ours, counts; the echo must not have. The pause
      // gives a wrongly counted echo time to show (notifications on one machine arrive within milliseconds).
      await other.query(`NOTIFY ${CHANGE_CHANNEL}, 'another process|tasks|0/0'`);
      await expect.poll(() => version.current!, { timeout: 5_000 }).toBeGreaterThan(afterWrite);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(version.current).toBe(afterWrite + 1);
      // The announcement named its table: what was read from others still stands.
      expect(version.unchangedSince(afterWrite, ['regions'])).toBe(true);
      expect(version.unchangedSince(afterWrite, ['tasks'])).toBe(false);
    } finally {
      await other.end();
    }
  });
});
