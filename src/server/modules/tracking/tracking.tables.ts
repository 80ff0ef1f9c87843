import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ITEM_NOTE_KINDS, ITEM_SOURCES, ITEM_STATES, SIDES, UNIT_ROLES } from '../../../common/api/enums.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';

/**
 * 督办: something a pairing has to get done by a date — a meeting's decision, an evaluation's rectification order —
 * followed until the office closes it with evidence (销号). One mechanism for every source.
 */
export const trackedItems = pgTable(
  'tracked_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    source: text({ enum: ITEM_SOURCES }).notNull(),
    /** The meeting (or evaluation) it came from; the source module owns that record. */
    sourceId: uuid(),
    sourceTitle: text(),
    /** Its number within its source (议定事项 1, 2, …). */
    seq: integer().notNull(),
    text: text().notNull(),
    deadline: date().notNull(),
    state: text({ enum: ITEM_STATES }).notNull().default('not_started'),
    taskIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    projectIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    closedAt: timestamp({ withTimezone: true }),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tracked_items_pairing_idx').on(t.pairingId, t.deadline),
    // A meeting's decisions and how many are open, counted from the index alone.
    index('tracked_items_source_state_idx').on(t.sourceId, t.source, t.state),
    // A list's page is chosen in its order (deadline, seq, id) from these two indexes alone, however deep the page
    // (the open ones for 逾期, state first for the others); the page's rows are then read by id. The counts by status
    // read only state and deadline: an index-only scan instead of the table.
    index('tracked_items_open_order_idx').on(t.deadline, t.seq, t.id).where(sql`${t.state} <> 'closed'`),
    index('tracked_items_state_order_idx').on(t.state, t.deadline, t.seq, t.id),
    index('tracked_items_tasks_idx').using('gin', t.taskIds),
    index('tracked_items_projects_idx').using('gin', t.projectIds),
  ],
);

/** 牵头/配合单位 of an item, on either side of the pairing (the side is read from the unit's region). */
export const trackedItemOwners = pgTable(
  'tracked_item_owners',
  {
    itemId: uuid()
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    role: text({ enum: UNIT_ROLES }).notNull(),
    side: text({ enum: SIDES }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.organisationId] }),
    index('tracked_item_owners_org_idx').on(t.organisationId),
  ],
);

/** The item's record: progress notes of its owners, and the office's closing and reopening with their reasons. */
export const trackedItemNotes = pgTable(
  'tracked_item_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    kind: text({ enum: ITEM_NOTE_KINDS }).notNull(),
    note: text().notNull(),
    percent: integer(),
    link: text(),
    actorUserId: uuid(),
    actorName: text().notNull(),
    organisationId: uuid().references(() => organisations.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tracked_item_notes_item_idx').on(t.itemId, t.at)],
);
