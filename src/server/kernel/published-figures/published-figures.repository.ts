import { and, asc, desc, eq, getTableColumns, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PublishedFigureTopic } from '../../../common/api/enums.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { rowsInPairingScope } from '../pairing-scope.repository.ts';
import { publishedFigures } from './published-figures.tables.ts';

export type PublishedFigureRow = typeof publishedFigures.$inferSelect & { pairingName: string | null };

/** A pairing's figures for those who see the pairing; the programme's (no pairing) for everyone who reads the topic. */
function figureScope(actor: Actor): SQL | undefined {
  const pairings = rowsInPairingScope(actor, publishedFigures.pairingId);
  return pairings ? or(isNull(publishedFigures.pairingId), pairings) : undefined;
}

const columns = {
  ...getTableColumns(publishedFigures),
  // The kernel knows no module's tables: the pairing's name is read by its table's name.
  pairingName: sql<string | null>`(SELECT p.name FROM pairings p WHERE p.id = ${publishedFigures.pairingId})`,
};

export async function listFigures(
  db: DbOrTx,
  actor: Actor,
  topic: PublishedFigureTopic,
  f: { pairingId?: string; year?: number },
): Promise<PublishedFigureRow[]> {
  return db
    .select(columns)
    .from(publishedFigures)
    .where(
      and(
        eq(publishedFigures.topic, topic),
        figureScope(actor),
        f.pairingId ? eq(publishedFigures.pairingId, f.pairingId) : undefined,
        f.year ? eq(publishedFigures.year, f.year) : undefined,
      ),
    )
    .orderBy(desc(publishedFigures.year), desc(publishedFigures.sourceDate), asc(publishedFigures.id));
}

export async function findFigure(
  db: DbOrTx,
  actor: Actor,
  topic: PublishedFigureTopic,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PublishedFigureRow | undefined> {
  const q = db
    .select(columns)
    .from(publishedFigures)
    .where(and(eq(publishedFigures.id, id), eq(publishedFigures.topic, topic), figureScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

export async function insertFigure(db: DbOrTx, values: typeof publishedFigures.$inferInsert): Promise<string> {
  const [row] = await db.insert(publishedFigures).values(values).returning({ id: publishedFigures.id });
  return row!.id;
}

export async function updateFigure(
  db: DbOrTx,
  id: string,
  values: Partial<typeof publishedFigures.$inferInsert>,
): Promise<void> {
  await db.update(publishedFigures).set(values).where(eq(publishedFigures.id, id));
}

export async function deleteFigure(db: DbOrTx, id: string): Promise<void> {
  await db.delete(publishedFigures).where(eq(publishedFigures.id, id));
}

/** Whether the pairing exists (the kernel asks by table name). */
export async function pairingExists(db: DbOrTx, id: string): Promise<boolean> {
  const found = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pairings WHERE id = ${id}`);
  return found.rows[0]!.n > 0;
}
