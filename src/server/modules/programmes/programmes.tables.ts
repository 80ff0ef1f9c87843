import { pgTable, text, uuid, date, timestamp, integer } from 'drizzle-orm/pg-core';

/** An official document the programme data was taken from, kept whole so every record can quote its clause. */
export const sourceDocuments = pgTable('source_documents', {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  docNo: text(),
  issuer: text(),
  issuedOn: date(),
  fileName: text().notNull(),
  sha256: text().notNull().unique(),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const programmes = pgTable('programmes', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  shortName: text(),
  docNo: text(),
  issuer: text(),
  issuedOn: date(),
  periodStart: integer(),
  periodEnd: integer(),
  goals: text(),
  ownerOffice: text(),
  sourceDocumentId: uuid().references(() => sourceDocuments.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
