import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../testing/test-database.ts';
import { testEngines } from '../testing/test-engines.ts';
import type { Database } from './database.ts';
import { planGenerically } from './generic-plans.ts';

/**
 * The PGlite worker's socket (pglite-worker.mjs): it hands PGlite every message that arrived together in one call,
 * so what must hold is the protocol's own order — a connection inside a transaction or in the middle of a statement
 * keeps the one backend until it is done, and a connection that goes away leaves nothing half-done behind.
 */
describe.runIf(testEngines().includes('pglite'))('the PGlite worker socket', () => {
  let database: Database & { dataDir: string };
  let client: () => Promise<pg.Client>;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const { host, port, user, database: name } = database.pool.options;
    client = async () => {
      const c = new pg.Client({ host, port, user, database: name });
      await c.connect();
      return c;
    };
    await database.pool.query('CREATE TABLE worker_probe (n int PRIMARY KEY)');
  });
  afterAll(async () => database?.close());

  it('plans for a database read from memory, also after RESET ALL', async () => {
    const c = await client();
    try {
      await c.query('RESET ALL');
      const { rows } = await c.query<{ name: string; setting: string; source: string }>(
        "SELECT name, setting, source FROM pg_settings WHERE name IN ('random_page_cost', 'effective_cache_size') ORDER BY name",
      );
      expect(rows).toEqual([
        { name: 'effective_cache_size', setting: '262144', source: 'command line' },
        { name: 'random_page_cost', setting: '1.1', source: 'command line' },
      ]);
    } finally {
      await c.end();
    }
  });

  it("knows each file's size as it grows, shrinks and is replaced, as the disk has it", async () => {
    // The worker keeps data files' sizes in memory (keepFileSizes): PostgreSQL's idea of a relation's length must be
    // the file's, or it would read past its end or miss pages written after the size was first asked.
    await database.pool.query('CREATE TABLE size_probe (n int, pad text)');
    const onDisk = async () => {
      const { rows } = await database.pool.query<{ file: string; bytes: string }>(
        "SELECT pg_relation_filepath('size_probe') AS file, pg_relation_size('size_probe') AS bytes",
      );
      const file = path.join(database.dataDir, 'pglite', rows[0]!.file);
      return { asked: Number(rows[0]!.bytes), disk: fs.existsSync(file) ? fs.statSync(file).size : 0 };
    };
    const count = async () =>
      (await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM size_probe')).rows[0]!.n;
    const fill = (from: number, to: number) =>
      database.pool.query(
        "INSERT INTO size_probe SELECT g, repeat('x', 200) FROM generate_series($1::int, $2::int) g",
        [from, to],
      );
    expect(await onDisk()).toEqual({ asked: 0, disk: 0 });
    await fill(1, 2_000);
    const grown = await onDisk();
    expect(grown.asked).toBeGreaterThan(8192 * 40);
    expect(grown.asked).toBe(grown.disk);
    await fill(2_001, 4_000);
    expect(await count()).toBe(4_000);
    const twice = await onDisk();
    expect(twice.asked).toBeGreaterThan(grown.asked);
    expect(twice.asked).toBe(twice.disk);
    // VACUUM gives the empty pages at the end back to the file system (a truncate).
    await database.pool.query('DELETE FROM size_probe WHERE n > 1000');
    await database.pool.query('VACUUM size_probe');
    const shrunk = await onDisk();
    expect(shrunk.asked).toBeLessThan(twice.asked);
    expect(shrunk.asked).toBe(shrunk.disk);
    await fill(5_001, 5_500);
    expect(await count()).toBe(1_500);
    expect((await onDisk()).asked).toBe((await onDisk()).disk);
    // TRUNCATE and VACUUM FULL write the table to a new file.
    await database.pool.query('TRUNCATE size_probe');
    expect(await onDisk()).toEqual({ asked: 0, disk: 0 });
    await fill(1, 3_000);
    await database.pool.query('DELETE FROM size_probe WHERE n % 2 = 0');
    await database.pool.query('VACUUM FULL size_probe');
    const rewritten = await onDisk();
    expect(rewritten.asked).toBeGreaterThan(0);
    expect(rewritten.asked).toBe(rewritten.disk);
    expect(await count()).toBe(1_500);
    expect(
      (await database.pool.query<{ n: number }>('SELECT max(n)::int AS n FROM size_probe WHERE n > 2990')).rows[0]!.n,
    ).toBe(2_999);
  });

  it('runs the named statements of texts the app names with a generic plan, and every other statement as before', async () => {
    const generic = 'SELECT count(*)::int AS n FROM worker_probe WHERE n = ANY($1::int[])';
    const other = 'SELECT count(*)::int AS n FROM worker_probe WHERE n > $1';
    const c = await client();
    // Plans of a text so far: its names share one statement in the backend (SharedStatements).
    const plans = async (text: string) => {
      const { rows } = await c.query<{ generic_plans: string; custom_plans: string }>(
        'SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1',
        [text],
      );
      return { generic: Number(rows[0]?.generic_plans ?? 0), custom: Number(rows[0]?.custom_plans ?? 0) };
    };
    const runs = async (text: string, run: () => Promise<unknown>) => {
      const before = await plans(text);
      await run();
      const after = await plans(text);
      return { generic: after.generic - before.generic, custom: after.custom - before.custom };
    };
    try {
      planGenerically(generic);
      // The text reaches the worker by a message of its own: until it has, statements of it are planned as before.
      let probe = 0;
      await vi.waitFor(async () => {
        const name = `probe_wait_${++probe}`;
        expect(await runs(generic, () => c.query({ name, text: generic, values: [[1]] }))).toEqual({
          generic: 1,
          custom: 0,
        });
      });
      const three = async (name: string, text: string) => {
        for (let i = 0; i < 3; i++) await c.query({ name, text, values: [text === generic ? [i] : i] });
      };
      expect(await runs(generic, () => three('probe_generic', generic))).toEqual({ generic: 3, custom: 0 });
      // PostgreSQL's own choice (plan_cache_mode=auto): custom plans for a statement's first five runs.
      expect(
        await runs(other, async () => {
          await three('probe_other', other);
          await c.query(other, [1]);
        }),
      ).toEqual({ generic: 0, custom: 3 });
      // Inside a transaction the setting is not changed (a rollback would undo it): planned as before.
      expect(
        await runs(generic, async () => {
          await c.query('BEGIN');
          await c.query({ name: 'probe_generic_tx', text: generic, values: [[1]] });
          await c.query('COMMIT');
        }),
      ).toEqual({ generic: 0, custom: 1 });
      await c.query({ name: 'probe_generic', text: generic, values: [[1]] });
      expect((await c.query('SHOW plan_cache_mode')).rows[0].plan_cache_mode).toBe('auto');
    } finally {
      await c.end();
    }
  });

  it('prepares a text once for every connection that names it, and plans it as one statement', async () => {
    // routing.ts names a text per connection (d1_7, d2_7); PGlite has one backend, so the worker keeps one statement.
    const text = 'SELECT n FROM worker_probe WHERE n >= $1::int ORDER BY n LIMIT 2';
    const other = 'SELECT n FROM worker_probe WHERE n < $1::int ORDER BY n';
    const broken = 'SELEC n FROM worker_probe WHERE n = $1::int';
    const a = await client();
    const b = await client();
    const ours = async () =>
      (
        await a.query<{ name: string; generic_plans: string; custom_plans: string }>(
          "SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'share_%' ORDER BY name",
        )
      ).rows;
    try {
      await a.query('INSERT INTO worker_probe SELECT g FROM generate_series(100, 109) g');
      const runs = [];
      for (let i = 0; i < 4; i++) {
        runs.push((await a.query({ name: 'share_a1', text, values: [100 + i] })).rows);
        runs.push((await b.query({ name: 'share_b1', text, values: [104 + i] })).rows);
      }
      // b's own text under a name a does not use, and both texts in one batch of b's (sent without waiting).
      const [mine, again] = await Promise.all([
        b.query({ name: 'share_b2', text: other, values: [102] }),
        b.query({ name: 'share_b1', text, values: [108] }),
      ]);
      expect(runs.map((rows) => rows.map((r) => r.n))).toEqual([
        [100, 101],
        [104, 105],
        [101, 102],
        [105, 106],
        [102, 103],
        [106, 107],
        [103, 104],
        [107, 108],
      ]);
      expect(mine.rows).toEqual([{ n: 100 }, { n: 101 }]);
      expect(again.rows).toEqual([{ n: 108 }, { n: 109 }]);
      // One statement for the shared text: five custom plans for its first five runs, whichever connection ran them,
      // then its generic plan (plan_cache_mode=auto).
      expect(await ours()).toEqual([
        { name: 'share_a1', generic_plans: '4', custom_plans: '5' },
        { name: 'share_b2', generic_plans: '0', custom_plans: '1' },
      ]);
      // A text that does not parse is not shared: each connection gets its own error, and goes on after it.
      for (const [c, name] of [
        [a, 'share_a3'],
        [b, 'share_b3'],
      ] as const) {
        await expect(c.query({ name, text: broken, values: [1] })).rejects.toThrow('syntax error');
        expect((await c.query({ name: `${name}_ok`, text, values: [109] })).rows).toEqual([{ n: 109 }]);
      }
    } finally {
      await a.query('DELETE FROM worker_probe WHERE n >= 100');
      await a.end();
      await b.end();
    }
  });

  it("keeps one connection's transaction apart from another connection's statements", async () => {
    const a = await client();
    const b = await client();
    try {
      await a.query('BEGIN');
      await a.query('INSERT INTO worker_probe VALUES (1)');
      // b's statement waits for a's transaction to end instead of landing inside it.
      const seen = b.query<{ n: number }>('SELECT count(*)::int AS n FROM worker_probe');
      await a.query('INSERT INTO worker_probe VALUES (2)');
      await a.query('ROLLBACK');
      expect((await seen).rows[0]!.n).toBe(0);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it("rolls back the transaction of a connection that goes away, and serves the others' after it", async () => {
    const a = await client();
    const b = await client();
    try {
      await a.query('BEGIN');
      await a.query('INSERT INTO worker_probe VALUES (3)');
      const waiting = b.query<{ n: number }>('SELECT count(*)::int AS n FROM worker_probe');
      // A killed process: the socket closes without COMMIT or Terminate.
      a.on('error', () => {});
      (a as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
      expect((await waiting).rows[0]!.n).toBe(0);
      expect((await database.pool.query('SELECT count(*)::int AS n FROM worker_probe')).rows[0].n).toBe(0);
    } finally {
      await b.end();
    }
  });

  it("sends the app's next statement on its second connection while a transaction holds the first, run after it", async () => {
    // Two connections, so the worker has the next statement at hand (database.ts, PGLITE_CONNECTIONS); the read goes
    // out at once but must not land inside the transaction, which is rolled back after it was sent.
    let seen: Promise<number> | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO worker_probe VALUES (11)`);
        // Sent when its `then` is called (Drizzle), here without awaiting it.
        seen = database.db
          .execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM worker_probe WHERE n = 11`)
          .then((r) => r.rows[0]!.n);
        await new Promise((r) => setTimeout(r, 50));
        expect(database.pool.totalCount).toBe(2);
        await tx.execute(sql`INSERT INTO worker_probe VALUES (12)`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await seen).toBe(0);
  });

  it('answers statements sent together, an error among them, each with its own rows', async () => {
    const c = await client();
    try {
      // node-postgres sends queued statements without waiting, so they arrive together and run in one batch.
      const results = await Promise.allSettled([
        c.query<{ v: number }>('SELECT $1::int AS v', [1]),
        c.query('SELECT 1 / $1::int AS v', [0]),
        c.query<{ v: number }>('SELECT $1::int * 2 AS v', [21]),
        c.query<{ v: string }>("SELECT 'simple' AS v"),
      ]);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value.rows[0].v : String(r.reason.message)))).toEqual([
        1,
        'division by zero',
        42,
        'simple',
      ]);
      // A large answer leaves in one piece.
      const big = await c.query<{ n: number }>('SELECT g AS n FROM generate_series(1, 50000) g');
      expect(big.rows.length).toBe(50_000);
      expect(big.rows[49_999]!.n).toBe(50_000);
    } finally {
      await c.end();
    }
    // The connection's Terminate ended it, not PGlite's one backend.
    expect((await database.pool.query('SELECT 7 AS v')).rows[0].v).toBe(7);
  });
});
