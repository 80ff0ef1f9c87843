import { date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS } from '../../../common/api/enums.ts';
import { organisations } from '../../modules/organisations/organisations.tables.ts';
import { reportingCycles, reportSlots } from '../../modules/reporting/reporting.tables.ts';
import { users } from '../../modules/users/users.tables.ts';

/**
 * An in-app notice to an organisation (every user of it sees it; each marks it read for themself). Any module
 * writes them (kernel/notifications/notifications.service.ts); the unique indexes make reminders idempotent: one
 * per report (or other record), organisation, kind and day, however often the generator runs.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    slotId: uuid().references(() => reportSlots.id, { onDelete: 'cascade' }),
    cycleId: uuid().references(() => reportingCycles.id, { onDelete: 'cascade' }),
    /** Another record the notice is about (a tracked item); the kind says which. No foreign key: any module's. */
    subjectId: uuid(),
    /** The day (China Standard Time) the notice is for. */
    day: date().notNull(),
    params: jsonb().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_slot_org_kind_day_uq').on(t.slotId, t.organisationId, t.kind, t.day),
    uniqueIndex('notifications_subject_org_kind_day_uq').on(t.subjectId, t.organisationId, t.kind, t.day),
    index('notifications_organisation_idx').on(t.organisationId, t.createdAt),
  ],
);

export const notificationReads = pgTable(
  'notification_reads',
  {
    notificationId: uuid()
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);
