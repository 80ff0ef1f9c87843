import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { loginThrottle } from './auth.tables.ts';

export type ThrottleRow = typeof loginThrottle.$inferSelect;

export async function findThrottle(db: DbOrTx, account: string, address: string): Promise<ThrottleRow | undefined> {
  const [row] = await db
    .select()
    .from(loginThrottle)
    .where(and(eq(loginThrottle.account, account), eq(loginThrottle.address, address)));
  return row;
}

/** Failures of the account since `since` from addresses it has not signed in from since `knownSince`. */
export async function strangerFailures(db: DbOrTx, account: string, since: Date, knownSince: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${loginThrottle.failures}), 0)::int` })
    .from(loginThrottle)
    .where(
      and(
        eq(loginThrottle.account, account),
        gt(loginThrottle.lastFailureAt, since),
        or(isNull(loginThrottle.lastSuccessAt), lt(loginThrottle.lastSuccessAt, knownSince)),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Counts one failure of the pair (a fresh count when the last one is older than `windowStart`); at `maxFailures` the
 * pair is locked until `lockUntil` and its count starts again. Answers the pair's lock, if it is locked now.
 */
export async function recordFailure(
  db: DbOrTx,
  account: string,
  address: string,
  now: Date,
  windowStart: Date,
  maxFailures: number,
  lockUntil: Date,
): Promise<Date | null> {
  const counted = sql`CASE WHEN ${loginThrottle.lastFailureAt} IS NULL OR ${loginThrottle.lastFailureAt} < ${windowStart}::timestamptz THEN 1 ELSE ${loginThrottle.failures} + 1 END`;
  const [row] = await db
    .insert(loginThrottle)
    .values({
      account,
      address,
      failures: maxFailures <= 1 ? 0 : 1,
      lastFailureAt: now,
      lockedUntil: maxFailures <= 1 ? lockUntil : null,
    })
    .onConflictDoUpdate({
      target: [loginThrottle.account, loginThrottle.address],
      set: {
        failures: sql`CASE WHEN ${counted} >= ${maxFailures} THEN 0 ELSE ${counted} END`,
        lockedUntil: sql`CASE WHEN ${counted} >= ${maxFailures} THEN ${lockUntil}::timestamptz ELSE ${loginThrottle.lockedUntil} END`,
        lastFailureAt: now,
      },
    })
    .returning({ lockedUntil: loginThrottle.lockedUntil });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export async function recordSuccess(db: DbOrTx, account: string, address: string, now: Date) {
  await db
    .insert(loginThrottle)
    .values({ account, address, failures: 0, lastSuccessAt: now })
    .onConflictDoUpdate({
      target: [loginThrottle.account, loginThrottle.address],
      set: { failures: 0, lockedUntil: null, lastSuccessAt: now },
    });
}

/** Rows that say nothing any more: no lock, no recent failure, no recent success. Looks before it deletes. */
export async function purgeThrottle(db: DbOrTx, failuresBefore: Date, successBefore: Date, now: Date) {
  const stale = and(
    or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now)),
    or(isNull(loginThrottle.lastFailureAt), lt(loginThrottle.lastFailureAt, failuresBefore)),
    or(isNull(loginThrottle.lastSuccessAt), lt(loginThrottle.lastSuccessAt, successBefore)),
  );
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(loginThrottle).where(stale);
  if (!n) return 0;
  return (await db.delete(loginThrottle).where(stale).returning({ a: loginThrottle.account })).length;
}
