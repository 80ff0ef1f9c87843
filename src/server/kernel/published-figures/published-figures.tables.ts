import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PUBLISHED_FIGURE_TOPICS, SIDES } from '../../../common/api/enums.ts';

/**
 * Figures published by the press or in official reports, with their source and date, kept apart from the figures
 * computed from the system's records. One table for every topic (replication, cadres, projects…): the module of a
 * topic declares its routes with published-figure-routes.ts. A figure without a pairing is the programme's.
 * The pairing is named by id without a foreign key, as the kernel knows no module's tables.
 */
export const publishedFigures = pgTable(
  'published_figures',
  {
    id: uuid().primaryKey().defaultRandom(),
    topic: text({ enum: PUBLISHED_FIGURE_TOPICS }).notNull(),
    pairingId: uuid(),
    side: text({ enum: SIDES }),
    year: integer().notNull(),
    label: text().notNull(),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
    unit: text().notNull(),
    sourceTitle: text().notNull(),
    sourceDate: date().notNull(),
    sourceLink: text(),
    note: text(),
    isDemo: boolean().notNull().default(false),
    recordedBy: uuid(),
    recordedByName: text(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('published_figures_topic_idx').on(t.topic, t.pairingId, t.year)],
);
