import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { users } from '../users/users.tables.ts';
import { programmeGrants } from './programmes.tables.ts';

export async function insertGrant(db: DbOrTx, userId: string, programmeId: string) {
  await db.insert(programmeGrants).values({ userId, programmeId }).onConflictDoNothing();
}

/** The users granted a programme, with their organisation, by username. */
export async function programmeGrantRows(db: DbOrTx, programmeId: string) {
  return db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      organisationName: organisations.name,
      grantedAt: programmeGrants.createdAt,
    })
    .from(programmeGrants)
    .innerJoin(users, eq(users.id, programmeGrants.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(programmeGrants.programmeId, programmeId))
    .orderBy(asc(users.username));
}
export type ProgrammeGrantRow = Awaited<ReturnType<typeof programmeGrantRows>>[number];

/** How many programmes a user is granted (none: every programme, see programme_grants). */
export async function grantCount(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(programmeGrants)
    .where(eq(programmeGrants.userId, userId));
  return row?.n ?? 0;
}

/** Removes a grant; false when there was none. */
export async function deleteGrant(db: DbOrTx, userId: string, programmeId: string) {
  const rows = await db
    .delete(programmeGrants)
    .where(and(eq(programmeGrants.userId, userId), eq(programmeGrants.programmeId, programmeId)))
    .returning({ userId: programmeGrants.userId });
  return rows.length > 0;
}

export async function findUserIdByUsername(db: DbOrTx, username: string) {
  const [row] = await db.select({ id: users.id, roles: users.roles }).from(users).where(eq(users.username, username));
  return row;
}
