import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  RECEIPT_STATES,
  RECIPIENTS,
  SUMMARY_KINDS,
  SUMMARY_STATES,
  type SummarySection,
} from '../../../common/api/summaries.ts';
import { pairings } from '../pairings/pairings.tables.ts';

/**
 * A pairing's yearly document, 年度工作计划 or 年度工作总结: sections of text citing figures as {{code}}, and the
 * figures as they were when drafted (or last refreshed), so a figure the records changed since is flagged.
 * One per pairing, year and kind.
 */
export const summaryDocuments = pgTable(
  'summary_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    year: integer().notNull(),
    kind: text({ enum: SUMMARY_KINDS }).notNull(),
    title: text().notNull(),
    /** 主送机关. */
    addressee: text().notNull(),
    /** 发文机关署名. */
    issuer: text().notNull(),
    sections: jsonb().$type<SummarySection[]>().notNull(),
    /** Figure code → value as the text cites it. */
    figures: jsonb().$type<Record<string, string>>().notNull(),
    state: text({ enum: SUMMARY_STATES }).notNull().default('draft'),
    /** The last submitted version (0: never submitted). */
    versionNo: integer().notNull().default(0),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('summary_documents_pairing_year_kind_idx').on(t.pairingId, t.year, t.kind)],
);

/** Each submission of a document, kept whole: its header, sections and figures as sent (the Word file is rebuilt from them). */
export const summaryVersions = pgTable(
  'summary_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => summaryDocuments.id),
    versionNo: integer().notNull(),
    title: text().notNull(),
    addressee: text().notNull(),
    issuer: text().notNull(),
    sections: jsonb().$type<SummarySection[]>().notNull(),
    figures: jsonb().$type<Record<string, string>>().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid(),
  },
  (t) => [uniqueIndex('summary_versions_document_no_idx').on(t.documentId, t.versionNo)],
);

/** One recipient's handling of one submitted version: received, then returned with comments or accepted. */
export const summaryReceipts = pgTable(
  'summary_receipts',
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => summaryDocuments.id),
    versionNo: integer().notNull(),
    recipient: text({ enum: RECIPIENTS }).notNull(),
    state: text({ enum: RECEIPT_STATES }).notNull().default('sent'),
    receivedAt: timestamp({ withTimezone: true }),
    receivedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid(),
    comment: text(),
  },
  (t) => [index('summary_receipts_document_idx').on(t.documentId, t.versionNo)],
);
