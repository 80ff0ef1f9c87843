import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A pairing's year whose figures are locked: the national office accepted its annual summary, so the records of that
 * year (and of its sub-pairs) are read-only until the national office unlocks it with a recorded reason. A lock
 * row is never deleted: an unlock closes it, a later acceptance opens a new one.
 */
export const yearLocks = pgTable(
  'year_locks',
  {
    id: uuid().primaryKey().defaultRandom(),
    pairingId: uuid().notNull(),
    year: integer().notNull(),
    /** What locked it (the accepted summary document). */
    sourceId: uuid(),
    lockedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedBy: uuid(),
    unlockedAt: timestamp({ withTimezone: true }),
    unlockedBy: uuid(),
    unlockReason: text(),
  },
  (t) => [index('year_locks_pairing_year_idx').on(t.pairingId, t.year)],
);
