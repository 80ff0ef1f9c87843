import { pgTable, text, uuid, timestamp, index, integer, bigint, primaryKey } from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.ts';

/** Only a hash of the session token is stored, so a database dump does not yield live sessions. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per account name (as typed, lower-cased, whether or not such a user exists) and address: the lock
 * is per pair, so a stranger's failures never lock the account out of the address its user signs in from.
 * `lastSuccessAt` marks the addresses the account is known to sign in from.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    account: text().notNull(),
    address: text().notNull(),
    failures: integer().notNull().default(0),
    lastFailureAt: timestamp({ withTimezone: true }),
    lockedUntil: timestamp({ withTimezone: true }),
    lastSuccessAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.account, t.address] })],
);

/** A user's TOTP key, sealed (SM4 + HMAC-SM3, security/sealed.ts); `confirmedAt` null while enrolment is under way. */
export const totpCredentials = pgTable('totp_credentials', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  /** The last time step accepted, so a code is never accepted twice (RFC 6238 §5.2). */
  lastStep: bigint({ mode: 'number' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored as SM3 hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);
