import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { enqueue, retryDelayMs, runDueJobs } from './job-queue.ts';

/** The queue of work done after a request: one job per key, retried later when it fails, given up after its attempts. */
describe.each(testEngines())('job queue on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());
  const jobRow = async (key: string) =>
    (
      await t.database.db.execute<{ status: string; attempts: number; last_error: string | null; run_at: Date }>(
        sql`SELECT status, attempts, last_error, run_at FROM queued_jobs WHERE dedupe_key = ${key}`,
      )
    ).rows[0]!;
  /** A clock an hour behind: a failed job's retry falls in the past and is due at once. */
  const anHourAgo = () => new Date(Date.now() - 3_600_000);

  it('queues a job once per key, runs it with its payload and marks it done', async () => {
    const seen: unknown[] = [];
    const made = await enqueue(t.database.db, [
      { kind: 'test.record', payload: { n: 1 }, dedupeKey: 'record:1' },
      { kind: 'test.record', payload: { n: 1 }, dedupeKey: 'record:1' },
    ]);
    expect(made).toBe(1);
    expect(await enqueue(t.database.db, [{ kind: 'test.record', payload: { n: 1 }, dedupeKey: 'record:1' }])).toBe(0);
    const tally = await runDueJobs(t.deps, { 'test.record': async (_d, p) => void seen.push(p) });
    expect(tally).toEqual({ done: 1, failed: 0 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(await jobRow('record:1')).toMatchObject({ status: 'done', attempts: 1, last_error: null });
    // Done is done: a second run finds nothing.
    expect(await runDueJobs(t.deps, { 'test.record': async (_d, p) => void seen.push(p) })).toEqual({
      done: 0,
      failed: 0,
    });
  });

  it('retries a failing job later, not at once, and gives up after its last attempt with the error kept', async () => {
    let calls = 0;
    const flaky = {
      'test.flaky': async () => {
        if (calls++ < 1) throw new Error('server down');
      },
    };
    await enqueue(t.database.db, [{ kind: 'test.flaky', payload: {}, dedupeKey: 'flaky:1' }]);
    expect(await runDueJobs(t.deps, flaky)).toEqual({ done: 0, failed: 1 });
    const after = await jobRow('flaky:1');
    expect(after).toMatchObject({ status: 'pending', attempts: 1, last_error: 'server down' });
    expect(new Date(after.run_at).getTime()).toBeGreaterThan(Date.now());
    // Not due yet: the next run leaves it.
    expect(await runDueJobs(t.deps, flaky)).toEqual({ done: 0, failed: 0 });
    await t.database.db.execute(sql`UPDATE queued_jobs SET run_at = now() WHERE dedupe_key = 'flaky:1'`);
    expect(await runDueJobs(t.deps, flaky)).toEqual({ done: 1, failed: 0 });
    expect(await jobRow('flaky:1')).toMatchObject({ status: 'done', attempts: 2 });

    const broken = { 'test.broken': () => Promise.reject(new Error('refused')) };
    await enqueue(t.database.db, [{ kind: 'test.broken', payload: {}, dedupeKey: 'broken:1', maxAttempts: 3 }]);
    const tally = await runDueJobs(t.deps, broken, { now: anHourAgo });
    expect(tally).toEqual({ done: 0, failed: 3 });
    expect(await jobRow('broken:1')).toMatchObject({ status: 'failed', attempts: 3, last_error: 'refused' });
  });

  it('takes up a job left running by a process that died, once its lock has passed', async () => {
    await enqueue(t.database.db, [{ kind: 'test.orphan', payload: {}, dedupeKey: 'orphan:1' }]);
    await t.database.db.execute(
      sql`UPDATE queued_jobs SET status = 'running', attempts = 1, locked_until = now() + interval '1 minute' WHERE dedupe_key = 'orphan:1'`,
    );
    const handlers = { 'test.orphan': async () => undefined };
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 0, failed: 0 });
    await t.database.db.execute(
      sql`UPDATE queued_jobs SET locked_until = now() - interval '1 second' WHERE dedupe_key = 'orphan:1'`,
    );
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 1, failed: 0 });
    expect(await jobRow('orphan:1')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('waits longer after each failure, up to six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });
});
