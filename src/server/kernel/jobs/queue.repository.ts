import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { queuedJobs } from './queue.tables.ts';

export type QueuedJobRow = typeof queuedJobs.$inferSelect;
export type QueuedJobInsert = Pick<typeof queuedJobs.$inferInsert, 'kind' | 'payload' | 'dedupeKey' | 'maxAttempts'>;

/** Inserts jobs; one whose key is queued already (in any state) is skipped. */
export async function insertQueuedJobs(db: DbOrTx, jobs: QueuedJobInsert[]): Promise<number> {
  if (!jobs.length) return 0;
  const made = await db.insert(queuedJobs).values(jobs).onConflictDoNothing().returning({ id: queuedJobs.id });
  return made.length;
}

/**
 * Takes the next job due (or one a dead process left running past its lock) and marks it running, counting the
 * attempt. SKIP LOCKED lets several processes take jobs at once without taking the same one.
 */
export async function claimNextJob(db: DbOrTx, kinds: string[], lockMs: number): Promise<QueuedJobRow | undefined> {
  const result = await db.execute<{ id: string }>(sql`
    UPDATE queued_jobs SET status = 'running', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${lockMs / 1000})
    WHERE id = (
      SELECT id FROM queued_jobs
      WHERE kind IN (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})
        AND ((status = 'pending' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
      ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const id = result.rows[0]?.id;
  if (!id) return undefined;
  const [row] = await db.select().from(queuedJobs).where(eq(queuedJobs.id, id));
  return row;
}

export async function finishJob(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(queuedJobs)
    .set({ status: 'done', lockedUntil: null, lastError: null, finishedAt: new Date() })
    .where(eq(queuedJobs.id, id));
}

/** A failed attempt: due again at `retryAt`, or failed for good when it was the last attempt allowed. */
export async function failAttempt(db: DbOrTx, job: QueuedJobRow, error: string, retryAt: Date): Promise<void> {
  const last = job.attempts >= job.maxAttempts;
  await db
    .update(queuedJobs)
    .set({
      status: last ? 'failed' : 'pending',
      runAt: last ? job.runAt : retryAt,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      finishedAt: last ? new Date() : null,
    })
    .where(eq(queuedJobs.id, job.id));
}

/** Finished jobs are kept a while (what was sent, what failed and why), then removed. */
export async function deleteFinishedBefore(db: DbOrTx, before: Date): Promise<void> {
  await db
    .delete(queuedJobs)
    .where(and(sql`${queuedJobs.status} IN ('done', 'failed')`, lt(queuedJobs.finishedAt, before)));
}
