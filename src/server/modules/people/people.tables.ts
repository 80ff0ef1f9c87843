import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  EXCHANGE_KINDS,
  GENDERS,
  SECONDMENT_DIRECTIONS,
  SECONDMENT_RANKS,
  SECONDMENT_STATUSES,
} from '../../../common/api/people.ts';
import { SIDES } from '../../../common/api/enums.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { tasks } from '../tasks/tasks.tables.ts';

/**
 * A cadre seconded (挂职) between the two sides of a pairing. Identity and mobile numbers are personal data: only
 * their SM4 ciphertexts (security/field-cipher.ts, bound to the row id and the field) and masked forms are kept;
 * `idNumberIndex` is an HMAC-SM3 of the normalised number, so a duplicate is found without decrypting.
 */
export const secondments = pgTable(
  'secondments',
  {
    id: uuid().primaryKey(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    name: text().notNull(),
    gender: text({ enum: GENDERS }).notNull(),
    birthYear: smallint().notNull(),
    idNumberCipher: text().notNull(),
    idNumberMasked: text().notNull(),
    idNumberIndex: text().notNull(),
    mobileCipher: text(),
    mobileMasked: text(),
    direction: text({ enum: SECONDMENT_DIRECTIONS }).notNull(),
    homeUnit: text().notNull(),
    homePost: text().notNull(),
    hostUnit: text().notNull(),
    hostPost: text().notNull(),
    rank: text({ enum: SECONDMENT_RANKS }).notNull(),
    batch: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    status: text({ enum: SECONDMENT_STATUSES }).notNull(),
    evaluation: text(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('secondments_pairing_starts_idx').on(t.pairingId, t.startsOn),
    // The list's order, with the columns its scope and commonest filters read (a cadre row is wide, ciphertexts and
    // all): a page's ids are chosen from the index alone, however deep the page, and only its rows are read.
    index('secondments_list_order_idx').on(
      t.startsOn.desc().nullsFirst(),
      t.id,
      t.pairingId,
      t.isDemo,
      t.rank,
      t.endsOn,
    ),
    // One person once per batch of a pairing.
    uniqueIndex('secondments_person_batch_uq').on(t.pairingId, t.batch, t.idNumberIndex),
  ],
);

/** A training course (培训班) run under a pairing, with its trainees counted by category and by side. */
export const trainings = pgTable(
  'trainings',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    taskId: uuid().references(() => tasks.id),
    title: text().notNull(),
    organiser: text().notNull(),
    hostSide: text({ enum: SIDES }).notNull(),
    place: text(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    officials: integer().notNull().default(0),
    managers: integer().notNull().default(0),
    professionals: integer().notNull().default(0),
    other: integer().notNull().default(0),
    sideA: integer().notNull().default(0),
    sideB: integer().notNull().default(0),
    materials: text(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trainings_pairing_starts_idx').on(t.pairingId, t.startsOn), index('trainings_task_idx').on(t.taskId)],
);

/** 考察交流, 院士专家工作站, 高校毕业生招聘: counted per year, each with its evidence. */
export const exchanges = pgTable(
  'exchanges',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    kind: text({ enum: EXCHANGE_KINDS }).notNull(),
    title: text().notNull(),
    heldOn: date().notNull(),
    endsOn: date(),
    place: text(),
    participants: integer().notNull().default(0),
    evidence: text().notNull(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exchanges_pairing_held_idx').on(t.pairingId, t.heldOn)],
);
