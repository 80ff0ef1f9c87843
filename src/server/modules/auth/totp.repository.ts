import { and, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { recoveryCodes, totpCredentials } from './auth.tables.ts';

export async function findTotp(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId));
  return row;
}

/** A new enrolment replaces one not yet confirmed. */
export async function startTotp(db: DbOrTx, userId: string, secretSealed: string) {
  await db
    .insert(totpCredentials)
    .values({ userId, secretSealed })
    .onConflictDoUpdate({ target: totpCredentials.userId, set: { secretSealed, confirmedAt: null, lastStep: null } });
}

export async function confirmTotp(db: DbOrTx, userId: string, step: number, now: Date) {
  await db.update(totpCredentials).set({ confirmedAt: now, lastStep: step }).where(eq(totpCredentials.userId, userId));
}

/** Moves the last step used forward, only if no concurrent sign-in used this step or a later one first. */
export async function consumeTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const [row] = await db
    .update(totpCredentials)
    .set({ lastStep: step })
    .where(and(eq(totpCredentials.userId, userId), lt(totpCredentials.lastStep, step)))
    .returning({ id: totpCredentials.userId });
  return !!row;
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: string, hashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused code used; answers whether it was there to use. */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return !!row;
}

export async function deleteTotp(db: DbOrTx, userId: string) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
}
