import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditLog } from './audit.tables.ts';
import type { CryptoProvider } from '../../security/crypto-provider.ts';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  result: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
  /** For events before a session exists (a failed login names the account tried). */
  actorOverride?: { userId?: string; name?: string };
}

/** Any constant works; it only serialises writers of the hash chain. */
const CHAIN_LOCK = 727_001;

export const GENESIS_HASH = '0'.repeat(64);

export type AuditRowForHash = {
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  actorRoles: string[] | null;
  organisationId: string | null;
  regionCode: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  requestId: string | null;
  details: unknown;
  prevHash: string;
};

/** jsonb does not keep key order, so the hash covers details with keys sorted at every depth. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function auditRowHash(crypto: CryptoProvider, key: Buffer, row: AuditRowForHash): string {
  const canonical = JSON.stringify([
    row.at.toISOString(),
    row.actorUserId,
    row.actorName,
    row.actorRoles,
    row.organisationId,
    row.regionCode,
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.ip,
    row.requestId,
    sortedKeys(row.details ?? null),
    row.prevHash,
  ]);
  return crypto.hmacSm3(key, canonical);
}

/**
 * Appends one row in the caller's transaction, so the change and its audit row commit or roll back together.
 * Callers outside a transaction get one of their own.
 */
export async function writeAudit(db: DbOrTx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const a = ctx.actor;
  const row: AuditRowForHash = {
    at: new Date(),
    actorUserId: entry.actorOverride?.userId ?? a?.userId ?? null,
    actorName: entry.actorOverride?.name ?? a?.username ?? null,
    actorRoles: a?.roles ?? null,
    organisationId: a?.organisationId ?? null,
    regionCode: a?.regionCode ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result,
    ip: ctx.ip || null,
    requestId: ctx.requestId || null,
    details: entry.details ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditRowHash(ctx.deps.crypto, ctx.deps.auditKey, row);
  await db.insert(auditLog).values({ ...row, result: entry.result, hash });
}

/** Runs a change and its audit row in one transaction. */
export async function auditedChange<T>(
  ctx: RequestContext,
  entry: (result: T) => AuditEntry,
  change: (tx: DbOrTx) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const result = await change(tx);
    await writeAudit(tx, ctx, entry(result));
    return result;
  });
}

export async function auditStandalone(ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, entry));
}
