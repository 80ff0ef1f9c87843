import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { newsItems } from './portal.tables.ts';

/** The news an office sees: its pairings' items, drafts included. */
export const newsScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, newsItems.pairingId);

export type NewsRow = typeof newsItems.$inferSelect;
export type NewsListRow = Awaited<ReturnType<typeof listNews>>['items'][number];

const summaryColumns = {
  id: newsItems.id,
  pairingId: newsItems.pairingId,
  pairingName: pairings.name,
  title: newsItems.title,
  newsDate: newsItems.newsDate,
  publishedAt: newsItems.publishedAt,
  isDemo: newsItems.isDemo,
  version: newsItems.version,
};

export async function listNews(
  db: DbOrTx,
  actor: Actor,
  f: { pairingId?: string; state?: 'draft' | 'published' },
  page: number,
  pageSize: number,
) {
  const where = and(
    newsScope(actor),
    f.pairingId ? eq(newsItems.pairingId, f.pairingId) : undefined,
    f.state === 'draft' ? isNull(newsItems.publishedAt) : undefined,
    f.state === 'published' ? isNotNull(newsItems.publishedAt) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(newsItems)
      .innerJoin(pairings, eq(pairings.id, newsItems.pairingId))
      .where(where)
      .orderBy(desc(newsItems.newsDate), asc(newsItems.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(newsItems).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findNews(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(newsItems)
    .where(and(eq(newsItems.id, id), newsScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

/** One item with its pairing's name, in scope. */
export async function findNewsDetail(db: DbOrTx, actor: Actor, id: string) {
  const [found] = await db
    .select({ row: newsItems, pairingName: pairings.name })
    .from(newsItems)
    .innerJoin(pairings, eq(pairings.id, newsItems.pairingId))
    .where(and(eq(newsItems.id, id), newsScope(actor)));
  return found;
}

export async function insertNews(db: DbOrTx, values: typeof newsItems.$inferInsert): Promise<string> {
  const [row] = await db.insert(newsItems).values(values).returning({ id: newsItems.id });
  return row!.id;
}

/** Saves an edit over the version it was read at; false when someone saved in between. */
export async function updateNewsRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof newsItems.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(newsItems)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(newsItems.id, id), eq(newsItems.version, version)))
    .returning({ id: newsItems.id });
  return updated.length > 0;
}

export async function pairingExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: pairings.id }).from(pairings).where(eq(pairings.id, id));
  return !!row;
}
