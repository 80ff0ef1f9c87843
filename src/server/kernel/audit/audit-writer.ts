import type { DbOrTx } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { appendAuditRow, lockChainHead } from './audit-log.repository.ts';
import type { CryptoProvider } from '../../security/crypto-provider.ts';
import { storedJson, storedText } from './stored-form.ts';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  result: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
  /** For events before a session exists (a failed login names the account tried). */
  actorOverride?: { userId?: string; name?: string };
}

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

/** The row's HMAC, over its content in the form the database stores (stored-form.ts), so a read verifies it. */
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
    storedJson(row.details),
    row.prevHash,
  ]);
  return crypto.hmacSm3(key, canonical);
}

/**
 * Appends one row in the caller's transaction, so the change and its audit row commit or roll back together.
 * Callers outside a transaction get one of their own.
 */
export async function writeAudit(db: DbOrTx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const prevHash = await lockChainHead(db);
  const a = ctx.actor;
  // Stored as hashed: text and details in the form the database keeps, so no input can break the chain.
  const row: AuditRowForHash = {
    at: new Date(),
    // uuid columns give back lower case.
    actorUserId: (entry.actorOverride?.userId ?? a?.userId)?.toLowerCase() ?? null,
    actorName: storedText(entry.actorOverride?.name ?? a?.username ?? null),
    actorRoles: a?.roles.map((r) => storedText(r)) ?? null,
    organisationId: a?.organisationId.toLowerCase() ?? null,
    regionCode: storedText(a?.regionCode ?? null),
    action: storedText(entry.action),
    objectType: storedText(entry.objectType ?? null),
    objectId: storedText(entry.objectId ?? null),
    result: entry.result,
    ip: storedText(ctx.ip || null),
    requestId: storedText(ctx.requestId || null),
    details: storedJson(entry.details),
    prevHash: prevHash ?? GENESIS_HASH,
  };
  await appendAuditRow(db, {
    ...row,
    result: entry.result,
    hash: auditRowHash(ctx.deps.crypto, ctx.deps.auditKey, row),
  });
}

/** A transaction in progress and the audit rows it will write before it commits. */
export interface UnitOfWork {
  tx: DbOrTx;
  audit(entry: AuditEntry): void;
}

/**
 * Every change runs through here: one transaction, and the audit rows the change names written at its end, so
 * they commit or roll back with it. The chain lock is taken only then, which keeps writers of different records
 * from queuing behind each other for the whole change.
 */
export async function auditedChange<T>(ctx: RequestContext, change: (work: UnitOfWork) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const result = await change({ tx, audit: (entry) => entries.push(entry) });
    for (const entry of entries) await writeAudit(tx, ctx, entry);
    return result;
  });
}

/** An audit row of its own, for what changes nothing else (a denial, a download, a failed sign-in). */
export async function auditStandalone(ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, entry));
}
