import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { pairings } from '../pairings/pairings.tables.ts';

/**
 * A news item of a pairing, written by its office for the public portal (津长 五(五): 及时反映对口合作重大进展).
 * A draft until the office publishes it (published_at set); unpublishing clears it again. Photos are attachments
 * of owner kind `news_item`.
 */
export const newsItems = pgTable(
  'news_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    title: text().notNull(),
    /** The date the news is about (shown on the portal), not when it was typed. */
    newsDate: date().notNull(),
    body: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdBy: uuid(),
    createdByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('news_items_pairing_date_idx').on(t.pairingId, t.newsDate),
    index('news_items_published_idx').on(t.newsDate).where(sql`${t.publishedAt} IS NOT NULL`),
  ],
);
