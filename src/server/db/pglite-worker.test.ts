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
    const plans = async (name: string) =>
      (
        await c.query<{ generic_plans: string; custom_plans: string }>(
          'SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1',
          [name],
        )
      ).rows[0];
    try {
      planGenerically(generic);
      // The text reaches the worker by a message of its own: until it has, statements of it are planned as before.
      let probe = 0;
      await vi.waitFor(async () => {
        const name = `probe_wait_${++probe}`;
        await c.query({ name, text: generic, values: [[1]] });
        expect(await plans(name)).toEqual({ generic_plans: '1', custom_plans: '0' });
      });
      for (let i = 0; i < 3; i++) {
        await c.query({ name: 'probe_generic', text: generic, values: [[i]] });
        await c.query({ name: 'probe_other', text: other, values: [i] });
        await c.query(other, [i]);
      }
      expect(await plans('probe_generic')).toEqual({ generic_plans: '3', custom_plans: '0' });
      // PostgreSQL's own choice (plan_cache_mode=auto): custom plans for a statement's first five runs.
      expect(await plans('probe_other')).toEqual({ generic_plans: '0', custom_plans: '3' });
      // Inside a transaction the setting is not changed (a rollback would undo it): planned as before.
      await c.query('BEGIN');
      await c.query({ name: 'probe_generic_tx', text: generic, values: [[1]] });
      await c.query('COMMIT');
      expect(await plans('probe_generic_tx')).toEqual({ generic_plans: '0', custom_plans: '1' });
      await c.query({ name: 'probe_generic', text: generic, values: [[1]] });
      expect((await c.query('SHOW plan_cache_mode')).rows[0].plan_cache_mode).toBe('auto');
    } finally {
      await c.end();
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
