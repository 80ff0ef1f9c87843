import { and, asc, count, desc, eq, gt, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { containing } from '../../kernel/like-pattern.ts';
import { uuidArray } from '../../kernel/pairing-scope.repository.ts';
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
    f.action ? eq(auditLog.action, f.action) : undefined,
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

/** Every action the trail holds, for the filter's select list (a scan of the trail: the auditor's page only). */
export async function auditActions(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  return rows.map((r) => r.action);
}

/**
 * Where each object type keeps its name (fixed identifiers, never input). Personal records (secondments,
 * trainings, exchanges) are left out: their names are personal data, encrypted and masked by default.
 */
const NAMED_OBJECTS: Record<string, { table: string; name: string }> = {
  user: { table: 'users', name: 'display_name' },
  organisation: { table: 'organisations', name: 'name' },
  pairing: { table: 'pairings', name: 'name' },
  plan: { table: 'plans', name: 'title' },
  task: { table: 'tasks', name: "code || ' ' || title" },
  project: { table: 'projects', name: 'title' },
  park: { table: 'parks', name: 'name' },
  event: { table: 'events', name: 'title' },
  meeting: { table: 'meetings', name: 'title' },
  tracked_item: { table: 'tracked_items', name: 'left(text, 60)' },
  reporting_cycle: { table: 'reporting_cycles', name: 'period_label' },
  listing: { table: 'listings', name: 'title' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The current name of each object the rows point at that still exists, keyed `type:id`: one query per object
 * type on the page. An object deleted since (or of a type without a name) is absent.
 */
export async function objectNames(
  db: DbOrTx,
  refs: readonly { objectType: string | null; objectId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const { objectType, objectId } of refs) {
    if (!objectType || !objectId || !NAMED_OBJECTS[objectType] || !UUID.test(objectId)) continue;
    byType.set(objectType, (byType.get(objectType) ?? new Set()).add(objectId.toLowerCase()));
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const { table, name } = NAMED_OBJECTS[type]!;
      const found = await db.execute<{ id: string; name: string }>(
        sql`SELECT id::text AS id, ${sql.raw(name)} AS name FROM ${sql.raw(table)} WHERE id = ANY(${uuidArray([...ids])})`,
      );
      for (const row of found.rows) names.set(`${type}:${row.id}`, row.name);
    }),
  );
  return names;
}
