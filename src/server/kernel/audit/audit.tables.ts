import { pgTable, text, uuid, timestamp, bigserial, jsonb, index } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger in the migration refuses UPDATE, DELETE and TRUNCATE, and each row carries an
 * HMAC-SM3 over its content and the previous row's hash, so an edit made outside the app is detectable.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorName: text(),
    actorRoles: text().array(),
    organisationId: uuid(),
    regionCode: text(),
    action: text().notNull(),
    objectType: text(),
    objectId: text(),
    result: text({ enum: ['success', 'failure', 'denied'] }).notNull(),
    ip: text(),
    requestId: text(),
    details: jsonb(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_object_idx').on(t.objectType, t.objectId),
  ],
);
