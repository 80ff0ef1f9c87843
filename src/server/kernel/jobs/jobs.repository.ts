import { and, eq, isNull, lt } from 'drizzle-orm';
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
