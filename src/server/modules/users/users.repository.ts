import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { containing } from '../../kernel/like-pattern.ts';
import type { DbOrTx } from '../../db/database.ts';
import { userSignIns, users } from './users.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { loginThrottle, recoveryCodes, sessions, totpCredentials } from '../auth/auth.tables.ts';

/** The account name the sign-in throttle keys on: as typed, trimmed and lower-cased. */
export const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 64);

const lockedNow = sql<boolean>`EXISTS (SELECT 1 FROM ${loginThrottle} WHERE ${loginThrottle.account} = lower(${users.username}) AND ${loginThrottle.lockedUntil} > now())`;
const totpEnabled = sql<boolean>`EXISTS (SELECT 1 FROM ${totpCredentials} WHERE ${totpCredentials.userId} = ${users.id} AND ${totpCredentials.confirmedAt} IS NOT NULL)`;

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  regionCode: organisations.regionCode,
  roles: users.roles,
  active: users.active,
  locked: lockedNow,
  totpEnabled,
  mustChangePassword: users.mustChangePassword,
  emailMasked: users.emailMasked,
  emailNotifications: users.emailNotifications,
  lastLoginAt:
    sql`(SELECT ${userSignIns.lastLoginAt} FROM ${userSignIns} WHERE ${userSignIns.userId} = ${users.id})`.mapWith(
      userSignIns.lastLoginAt,
    ),
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** User names are compared case-insensitively; they are stored as entered. */
export async function findUserForLogin(db: DbOrTx, username: string) {
  const [row] = await db
    .select({
      ...userColumns,
      passwordHash: users.passwordHash,
      organisationActive: organisations.active,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  return row;
}

/** The sealed e-mail address of a user (kernel/user-email.ts opens it). */
export async function findEmailCipher(db: DbOrTx, id: string) {
  const [row] = await db.select({ emailCipher: users.emailCipher }).from(users).where(eq(users.id, id));
  return row?.emailCipher ?? null;
}

export async function findPasswordHash(db: DbOrTx, id: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.passwordHash;
}

export async function usernameTaken(db: DbOrTx, username: string, exceptId?: string) {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(
      and(sql`lower(${users.username}) = lower(${username})`, exceptId ? sql`${users.id} <> ${exceptId}` : undefined),
    );
  return (row?.n ?? 0) > 0;
}

export async function countAdmins(db: DbOrTx) {
  const [row] = await db.select({ n: count() }).from(users).where(sql`'sys_admin' = ANY(${users.roles})`);
  return row?.n ?? 0;
}

export interface UserFilter {
  q?: string;
  organisationId?: string;
  role?: string;
  active?: boolean;
}

export async function listUsers(db: DbOrTx, filter: UserFilter, page: number, pageSize: number) {
  const conds: (SQL | undefined)[] = [
    filter.q
      ? or(ilike(users.username, containing(filter.q)), ilike(users.displayName, containing(filter.q)))
      : undefined,
    filter.organisationId ? eq(users.organisationId, filter.organisationId) : undefined,
    filter.role ? sql`${filter.role} = ANY(${users.roles})` : undefined,
    filter.active === undefined ? undefined : eq(users.active, filter.active),
  ];
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function insertUser(
  db: DbOrTx,
  row: {
    username: string;
    displayName: string;
    organisationId: string;
    roles: string[];
    passwordHash: string;
    mustChangePassword?: boolean;
  },
) {
  const [created] = await db.insert(users).values(row).returning({ id: users.id });
  return created!.id;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  patch: Partial<{
    displayName: string;
    organisationId: string;
    roles: string[];
    active: boolean;
    passwordHash: string;
    passwordChangedAt: Date;
    mustChangePassword: boolean;
    emailCipher: string | null;
    emailMasked: string | null;
    emailNotifications: 'off' | 'each' | 'daily';
  }>,
) {
  await db
    .update(users)
    .set({ ...patch, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

export async function recordLoginSuccess(db: DbOrTx, id: string, now: Date) {
  await db
    .insert(userSignIns)
    .values({ userId: id, lastLoginAt: now })
    .onConflictDoUpdate({ target: userSignIns.userId, set: { lastLoginAt: now } });
}

/** Disabling an account, changing its roles or password ends its sessions at once (ASVS 7.4.2, 8.3.2). */
export async function endUserSessions(db: DbOrTx, userId: string, exceptTokenHash?: string) {
  await db
    .delete(sessions)
    .where(
      exceptTokenHash
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
        : eq(sessions.userId, userId),
    );
}

/** Lifts the sign-in locks of an account, from every address. */
export async function clearLoginLocks(db: DbOrTx, username: string) {
  await db
    .update(loginThrottle)
    .set({ failures: 0, lockedUntil: null })
    .where(eq(loginThrottle.account, accountKey(username)));
}

/** Removes a user's second factor (TOTP key and recovery codes); answers whether there was one. */
export async function removeSecondFactor(db: DbOrTx, userId: string) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const removed = await db
    .delete(totpCredentials)
    .where(eq(totpCredentials.userId, userId))
    .returning({ id: totpCredentials.userId });
  return removed.length > 0;
}
