import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
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

export async function updateJob(db: Db, id: string, row: JobProgressRow): Promise<void> {
  await db.update(backgroundJobs).set(row).where(eq(backgroundJobs.id, id));
}

/** The job if `owner` started it. */
export async function findOwnJob(db: Db, owner: string, id: string): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(backgroundJobs)
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.ownerUserId, owner)));
  return row;
}
