import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { sessions } from './auth.tables.ts';
import { users } from '../users/users.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';

export async function insertSession(
  db: DbOrTx,
  row: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db.insert(sessions).values(row);
}

export async function findSession(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      userActive: users.active,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationActive: organisations.active,
      regionCode: organisations.regionCode,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: DbOrTx, tokenHash: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Disabling an account, changing its roles or password ends its sessions at once (ASVS 7.4.2, 8.3.2). */
export async function deleteUserSessions(db: DbOrTx, userId: string, exceptTokenHash?: string) {
  await db
    .delete(sessions)
    .where(
      exceptTokenHash
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
        : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(db: DbOrTx, idleBefore: Date, now: Date) {
  await db.delete(sessions).where(sql`${sessions.lastSeenAt} < ${idleBefore} OR ${sessions.expiresAt} < ${now}`);
}
