import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { auditLog } from './audit.tables.ts';

/** Any constant works; it only serialises writers of the hash chain. */
const CHAIN_LOCK = 727_001;

/** Takes the chain's lock for the rest of the transaction and answers the hash of its last row (null when empty). */
export async function lockChainHead(db: DbOrTx): Promise<string | null> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return last?.hash ?? null;
}

export async function appendAuditRow(db: DbOrTx, row: typeof auditLog.$inferInsert): Promise<void> {
  await db.insert(auditLog).values(row);
}
