import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Work done after the request that caused it, by whichever app process leads (db/leader.ts), retried with a
 * growing delay when it fails (an e-mail to a mail server that is down). Enqueued in the caller's transaction, so a
 * job exists exactly when the change that asked for it committed.
 */
export const queuedJobs = pgTable(
  'queued_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    payload: jsonb().notNull().default({}),
    /** One job per key: enqueuing the same work twice (a rerun, a race) makes one job. */
    dedupeKey: text(),
    status: text({ enum: ['pending', 'running', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    /** Not run before this: now for a new job, later after a failure. */
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A running job past this was abandoned by a process that died; another takes it up. */
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('queued_jobs_dedupe_uq').on(t.dedupeKey), index('queued_jobs_due_idx').on(t.status, t.runAt)],
);
