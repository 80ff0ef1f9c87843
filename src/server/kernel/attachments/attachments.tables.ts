import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ATTACHMENT_KINDS } from '../../../common/api/enums.ts';

/** The records files are kept with; a new kind of record adds its name here and keeps its files in the same table. */
export const ATTACHMENT_OWNER_KINDS = [
  'report',
  'project',
  'tracked_item',
  'replication_stage',
  'evaluation_subject',
  'listing',
  'news_item',
] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

/**
 * A file kept with a record (a report's evidence, a project's agreements and photos); the bytes live under
 * DATA_DIR/attachments by a name the server chose. The owner is named by kind and id rather than by a foreign key,
 * so one table serves every kind of record: whatever removes an owner removes its files' rows too.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerKind: text({ enum: ATTACHMENT_OWNER_KINDS }).notNull(),
    ownerId: uuid().notNull(),
    /** The name the user gave, for display and the download's filename* only; never used as a path. */
    fileName: text().notNull(),
    storedName: text().notNull(),
    kind: text({ enum: ATTACHMENT_KINDS }).notNull(),
    size: integer().notNull(),
    sm3: text().notNull(),
    uploadedBy: uuid(),
    uploadedByName: text(),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerKind, t.ownerId),
    uniqueIndex('attachments_stored_uq').on(t.storedName),
  ],
);
