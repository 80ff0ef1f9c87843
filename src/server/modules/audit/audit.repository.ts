import { and, asc, count, desc, eq, gt, gte, ilike, lt, type SQL } from 'drizzle-orm';
import { containing, startingWith } from '../../kernel/like-pattern.ts';
import type { DbOrTx } from '../../db/database.ts';
import { auditLog } from '../../kernel/audit/audit.tables.ts';

export interface AuditFilter {
  actorUserId?: string;
  actorName?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: 'success' | 'failure' | 'denied';
  from?: string;
  to?: string;
}

function condition(f: AuditFilter): SQL | undefined {
  return and(
    f.actorUserId ? eq(auditLog.actorUserId, f.actorUserId) : undefined,
    f.actorName ? ilike(auditLog.actorName, containing(f.actorName)) : undefined,
    f.action ? ilike(auditLog.action, startingWith(f.action)) : undefined,
    f.objectType ? eq(auditLog.objectType, f.objectType) : undefined,
    f.objectId ? eq(auditLog.objectId, f.objectId) : undefined,
    f.result ? eq(auditLog.result, f.result) : undefined,
    f.from ? gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)) : undefined,
    // Dates are Beijing dates: "to 2026-11-23" includes that whole day.
    f.to ? lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000)) : undefined,
  );
}

export async function listAudit(db: DbOrTx, f: AuditFilter, page: number, pageSize: number) {
  const where = condition(f);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
export type AuditRow = Awaited<ReturnType<typeof listAudit>>['items'][number];

export async function auditBatchAfter(db: DbOrTx, afterId: number, limit: number) {
  return db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}
