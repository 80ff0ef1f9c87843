import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MEETING_KINDS, SIDES, type Side } from '../../../common/api/enums.ts';
import { pairings } from '../pairings/pairings.tables.ts';

export interface Attendee {
  side: Side;
  name: string;
  post: string | null;
  organisation: string | null;
}

/** A meeting of a pairing (or sub-pair): 高层互访, 联席会议, 部门对接会…; its decisions are tracked items. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    kind: text({ enum: MEETING_KINDS }).notNull(),
    title: text().notNull(),
    heldOn: date().notNull(),
    endsOn: date(),
    place: text(),
    hostSide: text({ enum: SIDES }).notNull(),
    hostOverrideReason: text(),
    chair: text(),
    attendees: jsonb().$type<Attendee[]>().notNull().default([]),
    agenda: text(),
    minutes: text(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_pairing_held_idx').on(t.pairingId, t.heldOn),
    // The list's order, with the columns its filters and the scope read: a page's ids come from the index alone.
    index('meetings_list_order_idx').on(t.heldOn.desc().nullsFirst(), t.id, t.pairingId, t.kind, t.isDemo),
  ],
);

/** 轮值: the order in which a pairing's sides host one kind of meeting. */
export const meetingRotations = pgTable(
  'meeting_rotations',
  {
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    kind: text({ enum: MEETING_KINDS }).notNull(),
    sides: text({ enum: SIDES }).array().notNull(),
    /** Set by `duikou demo fill` (removed by demo clear); an office setting the rotation makes it its own. */
    isDemo: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pairingId, t.kind] })],
);
