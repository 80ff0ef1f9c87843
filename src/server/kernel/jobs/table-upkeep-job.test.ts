import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { dataVersionOf } from '../../db/data-version.ts';
import { TableUpkeep, tableUpkeepOf } from '../../db/table-upkeep.ts';
import { enqueue, runDueJobs } from './job-queue.ts';
import { getJob, startJob } from './job-store.ts';
import { TABLE_UPKEEP_JOB, tableUpkeepHandlers } from './table-upkeep-job.ts';

/**
 * VACUUM and ANALYZE where no autovacuum runs (PGlite): after a bulk import the table has planner statistics, and
 * after many updates the queued upkeep job vacuums it. On PostgreSQL autovacuum does this; the upkeep itself is
 * checked there too, on a connection of its own (statistics counts are per backend until flushed).
 */
describe.each(testEngines())('table upkeep on %s', (engine) => {
  let t: TestApp;
  let one: pg.Pool;
  beforeAll(async () => {
    t = await createTestApp(engine);
    one = new pg.Pool({ ...t.database.pool.options, max: 1 });
  });
  afterAll(async () => {
    await one?.end();
    await t?.close();
  });
  const stats = async (table: string) =>
    (
      await one.query<{ dead: number; vacuums: number; columns: number; reltuples: number }>(
        `SELECT s.n_dead_tup::int AS dead, s.vacuum_count::int AS vacuums, c.reltuples::float8 AS reltuples,
                (SELECT count(*)::int FROM pg_stats p WHERE p.tablename = $1) AS columns
           FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = $1`,
        [table],
      )
    ).rows[0]!;

  /**
   * On PostgreSQL one VACUUM may leave pages not all-visible: pages pinned at that moment (the checkpointer writing
   * them out) are skipped, and a transaction of the app's own timers (the job queue's poll) that began before the
   * rows were written holds the visibility horizon back. The upkeep's next round takes them, as its 60 s check
   * would; so a few rounds a moment apart, then whatever is still due.
   */
  const keepUntilDone = async (upkeep: TableUpkeep, table: string) => {
    const due = async () => (await upkeep.due()).filter((d) => d.table === table);
    for (let round = 0; round < 5; round++) {
      const left = await due();
      if (left.length === 0) break;
      await upkeep.keep(left);
      await new Promise((r) => setTimeout(r, 200 * round));
    }
    return due();
  };

  it('is done by the app only where no autovacuum runs', () => {
    expect(tableUpkeepOf(t.database.db) !== undefined).toBe(engine === 'pglite');
  });

  it('vacuums a table past the dead-row threshold and analyzes one past the changed-rows threshold', async () => {
    const upkeep = new TableUpkeep(one);
    // Autovacuum (PostgreSQL) would otherwise race the upkeep for them: its launcher visits each of the run's many
    // test databases every few seconds, and a table it has just kept is due no more.
    await one.query('CREATE TABLE upkeep_churn (id int PRIMARY KEY, v int NOT NULL) WITH (autovacuum_enabled = false)');
    await one.query('CREATE TABLE upkeep_fresh (id int PRIMARY KEY, v int NOT NULL) WITH (autovacuum_enabled = false)');
    await one.query('INSERT INTO upkeep_churn SELECT g, 0 FROM generate_series(1, 2000) g');
    await one.query('VACUUM (ANALYZE) upkeep_churn');
    for (let i = 0; i < 3; i++) await one.query('UPDATE upkeep_churn SET v = v + 1');
    await one.query('INSERT INTO upkeep_fresh SELECT g, g FROM generate_series(1, 1000) g');
    const due = await upkeep.due();
    expect(due).toEqual(
      expect.arrayContaining([
        { table: 'upkeep_churn', vacuum: true },
        { table: 'upkeep_fresh', vacuum: false },
      ]),
    );
    const before = await stats('upkeep_churn');
    expect(before.dead).toBeGreaterThan(1000);
    expect(await upkeep.keep(due.filter((d) => d.table.startsWith('upkeep_')))).toEqual(
      expect.arrayContaining(['upkeep_churn', 'upkeep_fresh']),
    );
    await upkeep.due(); // flushes the counts
    const after = await stats('upkeep_churn');
    expect(after.dead).toBeLessThan(before.dead);
    expect(after.vacuums).toBe(before.vacuums + 1);
    expect((await stats('upkeep_fresh')).columns).toBe(2);
    // Kept: nothing of these tables is due any more.
    expect((await upkeep.due()).filter((d) => d.table.startsWith('upkeep_'))).toEqual([]);
  });

  it("leaves the app's caches: a VACUUM or ANALYZE changes no row, so the data version stands still", async () => {
    const version = dataVersionOf(t.database.db)!;
    const before = version.ticks;
    await new TableUpkeep(t.database.pool).keep([
      { table: 'projects', vacuum: true },
      { table: 'audit_log', vacuum: false },
    ]);
    expect(version.ticks).toBe(before);
  });

  it('analyzes a table never analyzed that holds rows, even when the counters were reset (a PGlite restart)', async () => {
    const upkeep = new TableUpkeep(one);
    // Autovacuum (PostgreSQL) would otherwise analyze it first: 500 rows in a never-analyzed table are past its threshold.
    await one.query('CREATE TABLE upkeep_restarted (id int PRIMARY KEY) WITH (autovacuum_enabled = false)');
    await one.query('INSERT INTO upkeep_restarted SELECT g FROM generate_series(1, 500) g');
    await upkeep.due();
    await one.query("SELECT pg_stat_reset_single_table_counters('upkeep_restarted'::regclass)");
    const due = (await upkeep.due()).filter((d) => d.table === 'upkeep_restarted');
    expect(due).toEqual([{ table: 'upkeep_restarted', vacuum: false }]);
    await upkeep.keep(due);
    expect((await stats('upkeep_restarted')).reltuples).toBe(500);
    expect((await upkeep.due()).filter((d) => d.table === 'upkeep_restarted')).toEqual([]);
  });

  it('vacuums a table of inserted rows whose pages are not all-visible, counted or not (a PGlite restart)', async () => {
    const upkeep = new TableUpkeep(one);
    // Autovacuum (PostgreSQL) would otherwise race the upkeep for it.
    await one.query(
      'CREATE TABLE upkeep_inserted (id int PRIMARY KEY, note text NOT NULL) WITH (autovacuum_enabled = false)',
    );
    await one.query(`INSERT INTO upkeep_inserted SELECT g, repeat('x', 500) FROM generate_series(1, 3000) g`);
    await one.query('ANALYZE upkeep_inserted');
    const due = async () => (await upkeep.due()).filter((d) => d.table === 'upkeep_inserted');
    const pages = async () =>
      (
        await one.query<{ pages: number; visible: number }>(
          `SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = 'upkeep_inserted'`,
        )
      ).rows[0]!;
    // Past the inserted-rows threshold (1,000 + 20 % of 3,000).
    expect(await due()).toEqual([{ table: 'upkeep_inserted', vacuum: true }]);
    // With the counters gone, by its pages: none all-visible.
    await one.query("SELECT pg_stat_reset_single_table_counters('upkeep_inserted'::regclass)");
    expect(await due()).toEqual([{ table: 'upkeep_inserted', vacuum: true }]);
    expect((await pages()).visible).toBe(0);
    expect(await keepUntilDone(upkeep, 'upkeep_inserted')).toEqual([]);
    const after = await pages();
    expect(after.pages).toBeGreaterThanOrEqual(128);
    expect(after.visible).toBe(after.pages);
  });

  it('vacuums a table analyzed while empty and filled before a restart: its pages are counted from its file', async () => {
    const upkeep = new TableUpkeep(one);
    await one.query(
      'CREATE TABLE upkeep_filled (id int PRIMARY KEY, note text NOT NULL) WITH (autovacuum_enabled = false)',
    );
    // A data build's VACUUM (ANALYZE) before a roster import: pg_class then says 0 rows on 0 pages.
    await one.query('VACUUM (ANALYZE) upkeep_filled');
    await one.query(`INSERT INTO upkeep_filled SELECT g, repeat('x', 500) FROM generate_series(1, 3000) g`);
    await upkeep.due();
    await one.query("SELECT pg_stat_reset_single_table_counters('upkeep_filled'::regclass)");
    const due = (await upkeep.due()).filter((d) => d.table === 'upkeep_filled');
    expect(due).toEqual([{ table: 'upkeep_filled', vacuum: true }]);
    expect(await keepUntilDone(upkeep, 'upkeep_filled')).toEqual([]);
    const after = await stats('upkeep_filled');
    expect(after.reltuples).toBe(3000);
    expect(after.columns).toBe(2);
  });

  it.runIf(engine === 'pglite')('analyzes what a bulk import (a background job) wrote, as it ends', async () => {
    await t.database.db.execute(sql`CREATE TABLE upkeep_import (id int PRIMARY KEY, title text NOT NULL)`);
    const [owner] = (
      await t.database.db.execute<{ id: string }>(sql`
        WITH o AS (INSERT INTO organisations (name, kind, region_code)
                   VALUES ('维护测试单位', 'operator', (SELECT code FROM regions LIMIT 1)) RETURNING id)
        INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
        SELECT 'upkeep-owner', '维护测试', o.id, ARRAY['admin'], 'x' FROM o RETURNING id`)
    ).rows;
    expect((await stats('upkeep_import')).columns).toBe(0);
    const job = await startJob(t.database.db, 'upkeep_probe', owner!.id, async () => {
      await t.database.db.execute(
        sql`INSERT INTO upkeep_import SELECT g, '项目 ' || g FROM generate_series(1, 3000) g`,
      );
      return { result: { created: 3000, updated: 0, unchanged: 0 }, errors: [], error: null };
    });
    expect((await getJob(t.database.db, owner!.id, job.id, true))?.status).toBe('done');
    const s = await stats('upkeep_import');
    expect(s.columns).toBe(2);
    expect(s.reltuples).toBe(3000);
  });

  it.runIf(engine === 'pglite')('runs the queued upkeep job, which vacuums the tables past a threshold', async () => {
    await t.database.db.execute(sql`CREATE TABLE upkeep_queue (id int PRIMARY KEY, v int NOT NULL)`);
    await t.database.db.execute(sql`INSERT INTO upkeep_queue SELECT g, 0 FROM generate_series(1, 1000) g`);
    await t.database.db.execute(sql`VACUUM (ANALYZE) upkeep_queue`);
    for (let i = 0; i < 2; i++) await t.database.db.execute(sql`UPDATE upkeep_queue SET v = v + 1`);
    const upkeep = tableUpkeepOf(t.database.db)!;
    await upkeep.due(); // flushes the counts
    const before = await stats('upkeep_queue');
    expect(before.dead).toBeGreaterThan(500);
    await enqueue(t.database.db, [{ kind: TABLE_UPKEEP_JOB, payload: {}, dedupeKey: 'upkeep-test' }]);
    expect(await runDueJobs(t.deps, tableUpkeepHandlers)).toEqual({ done: 1, failed: 0 });
    await upkeep.due();
    const after = await stats('upkeep_queue');
    expect(after.dead).toBeLessThan(before.dead);
    expect(after.vacuums).toBe(before.vacuums + 1);
  });
});
