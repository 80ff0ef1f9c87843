import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database.ts';
import { backgroundJobs } from './jobs.tables.ts';

export type JobRow = typeof backgroundJobs.$inferSelect;
export type JobProgressRow = Pick<JobRow, 'status' | 'phase' | 'processed' | 'total' | 'heartbeatAt'> &
  Partial<Pick<JobRow, 'outcome'>>;

export async function deleteJobsCreatedBefore(db: Db, before: Date): Promise<void> {
  await db.delete(backgroundJobs).where(lt(backgroundJobs.createdAt, before));
}

export async function insertJob(
  db: Db,
  job: Pick<JobRow, 'id' | 'kind' | 'ownerUserId' | 'status' | 'phase'>,
): Promise<void> {
  await db.insert(backgroundJobs).values(job);
}

/**
 * Progress (a row without an outcome) never overwrites a job whose outcome is written: a progress write queued
 * behind the import's transaction must not set a finished job back to running.
 */
export async function updateJob(db: DbOrTx, id: string, row: JobProgressRow): Promise<void> {
  await db
    .update(backgroundJobs)
    .set(row)
    .where(and(eq(backgroundJobs.id, id), row.outcome === undefined ? isNull(backgroundJobs.outcome) : undefined));
}

/** The job if `owner` started it. */
export async function findOwnJob(db: Db, owner: string, id: string): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(backgroundJobs)
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.ownerUserId, owner)));
  return row;
}

/** The latest jobs `owner` started that failed (refused rows or an error), newest first, with how many rows were refused. */
export async function failedJobsOf(db: DbOrTx, owner: string, limit: number) {
  return db
    .select({
      id: backgroundJobs.id,
      kind: backgroundJobs.kind,
      createdAt: backgroundJobs.createdAt,
      rowErrors: sql<number>`coalesce(jsonb_array_length(${backgroundJobs.outcome}->'errors'), 0)`.mapWith(Number),
    })
    .from(backgroundJobs)
    .where(and(eq(backgroundJobs.ownerUserId, owner), eq(backgroundJobs.status, 'failed')))
    .orderBy(desc(backgroundJobs.createdAt))
    .limit(limit);
}
