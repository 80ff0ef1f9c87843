import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { ExchangeListQuery } from '../../../common/api/people.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { exchanges } from './people.tables.ts';

export const exchangeScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, exchanges.pairingId);

const columns = {
  id: exchanges.id,
  pairingId: exchanges.pairingId,
  pairingName: pairings.name,
  kind: exchanges.kind,
  title: exchanges.title,
  heldOn: exchanges.heldOn,
  endsOn: exchanges.endsOn,
  place: exchanges.place,
  participants: exchanges.participants,
  evidence: exchanges.evidence,
  isDemo: exchanges.isDemo,
  version: exchanges.version,
};
const query = (db: DbOrTx) =>
  db.select(columns).from(exchanges).innerJoin(pairings, eq(pairings.id, exchanges.pairingId));
export type ExchangeRow = Awaited<ReturnType<typeof query>>[number];

export async function listExchanges(
  db: DbOrTx,
  actor: Actor,
  f: Omit<ExchangeListQuery, 'page' | 'pageSize'>,
  page: number,
  pageSize: number,
) {
  const where = and(
    exchangeScope(actor),
    f.pairingId ? eq(exchanges.pairingId, f.pairingId) : undefined,
    f.kind ? eq(exchanges.kind, f.kind) : undefined,
    f.year
      ? sql`${exchanges.heldOn} >= make_date(${f.year}, 1, 1) AND ${exchanges.heldOn} < make_date(${f.year + 1}, 1, 1)`
      : undefined,
    f.demo !== undefined ? eq(exchanges.isDemo, f.demo) : undefined,
  );
  const [items, [total]] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(desc(exchanges.heldOn), asc(exchanges.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(exchanges).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findExchange(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = query(db).where(and(eq(exchanges.id, id), exchangeScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update', { of: exchanges }) : q);
  return row;
}

export async function insertExchange(db: DbOrTx, values: typeof exchanges.$inferInsert): Promise<string> {
  const [row] = await db.insert(exchanges).values(values).returning({ id: exchanges.id });
  return row!.id;
}

export async function updateExchangeRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof exchanges.$inferInsert>,
) {
  const updated = await db
    .update(exchanges)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(exchanges.id, id), eq(exchanges.version, version)))
    .returning({ id: exchanges.id });
  return updated.length > 0;
}
