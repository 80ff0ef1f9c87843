import { and, asc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { sessions, totpCredentials } from './auth.tables.ts';
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

/**
 * Ends the user's oldest sessions (by last activity) so that, with the one about to start, at most `max` remain.
 * Answers how many were ended.
 */
export async function endSessionsBeyond(db: DbOrTx, userId: string, max: number) {
  const open = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(asc(sessions.lastSeenAt))
    .for('update');
  const excess = open.length - (max - 1);
  if (excess <= 0) return 0;
  await db.delete(sessions).where(
    inArray(
      sessions.tokenHash,
      open.slice(0, excess).map((s) => s.tokenHash),
    ),
  );
  return excess;
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
      mustChangePassword: users.mustChangePassword,
      totpEnabled: isNotNull(totpCredentials.confirmedAt),
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationActive: organisations.active,
      regionCode: organisations.regionCode,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(totpCredentials, eq(totpCredentials.userId, users.id))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: DbOrTx, tokenHash: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Sessions idle since before `idleBefore` or past their absolute end, none of which can be used any more. */
const expired = (idleBefore: Date, now: Date) => or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.expiresAt, now));

/** Answers how many were removed; looks before it deletes, so a run with nothing to do writes nothing. */
export async function deleteExpiredSessions(db: DbOrTx, idleBefore: Date, now: Date) {
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(expired(idleBefore, now));
  if (!n) return 0;
  const removed = await db
    .delete(sessions)
    .where(and(expired(idleBefore, now)))
    .returning({ t: sessions.tokenHash });
  return removed.length;
}
