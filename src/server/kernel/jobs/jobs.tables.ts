import { pgTable, text, uuid, timestamp, integer, jsonb, index } from 'drizzle-orm/pg-core';
import { users } from '../../modules/users/users.tables.ts';

/**
 * Long work (imports) runs after its request has answered; its progress and outcome live here so that any app
 * process can answer the page that polls it, not only the one that took the upload.
 */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: uuid().primaryKey(),
    kind: text().notNull(),
    ownerUserId: uuid()
      .notNull()
      .references(() => users.id),
    status: text({ enum: ['running', 'done', 'failed'] }).notNull(),
    phase: text().notNull(),
    processed: integer().notNull().default(0),
    total: integer().notNull().default(0),
    /** What the job answers when done: its result, row errors, or failure. */
    outcome: jsonb(),
    /** Written at least every few seconds while the job runs; a running job whose heartbeat stopped was interrupted. */
    heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('background_jobs_created_idx').on(t.createdAt)],
);
