import { pgTable, text, uuid, timestamp, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.tables.ts';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    displayName: text().notNull(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    roles: text().array().notNull(),
    passwordHash: text().notNull(),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set by an administrator's reset: the next sign-in may do nothing but choose a new password. */
    mustChangePassword: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    /** The user's e-mail address, personal data: sealed (security/field-cipher.ts) and kept masked for lists. */
    emailCipher: text(),
    emailMasked: text(),
    /** Which notices of the user's organisation reach them by e-mail: none, each as it comes, or one digest a day. */
    emailNotifications: text({ enum: ['off', 'each', 'daily'] })
      .notNull()
      .default('off'),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_org_idx').on(t.organisationId)],
);

/**
 * When each user last signed in, apart from the account: sessions and cached answers depend on the users table (a
 * user's roles, organisation and scope), and a sign-in written there would drop every user's cached session and
 * answers (db/data-version.ts marks by table).
 */
export const userSignIns = pgTable('user_sign_ins', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lastLoginAt: timestamp({ withTimezone: true }).notNull(),
});
