import { pgTable, text, uuid, timestamp, integer, numeric, date, boolean, jsonb, index } from 'drizzle-orm/pg-core';
import { pairings } from '../pairings/pairings.tables.ts';
import { EVENT_KINDS } from '../../../common/api/events.ts';

/** A promotion event, expo, forum or visit of a pairing (浙商吉林行, 中国—东北亚博览会…). */
export const events = pgTable(
  'events',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    kind: text({ enum: EVENT_KINDS }).notNull(),
    title: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    place: text(),
    organisersA: text(),
    organisersB: text(),
    enterpriseCount: integer(),
    enterprises: text().array().notNull().default([]),
    note: text(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_pairing_idx').on(t.pairingId), index('events_starts_idx').on(t.startsOn)],
);

/** An agreement signed at an event; `projectId` is the project it became (projects.event_agreement_id links back). */
export const eventAgreements = pgTable(
  'event_agreements',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id),
    title: text().notNull(),
    parties: jsonb().$type<string[]>().notNull(),
    signedOn: date().notNull(),
    amountWan: numeric({ precision: 20, scale: 6 }).notNull(),
    plannedInvestmentWan: numeric({ precision: 20, scale: 6 }),
    hostRegionCode: text(),
    projectId: uuid(),
    isDemo: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_agreements_event_idx').on(t.eventId)],
);
