import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';

/** The pairings in the actor's scope. */
const pairingScope = (actor: Actor) => rowsInPairingScope(actor, pairings.id);

const choice = {
  id: pairings.id,
  name: pairings.name,
  parentId: pairings.parentId,
  level: pairings.level,
  programmeId: pairings.programmeId,
};

/** The visible pairing whose two sides are exactly these (in either order). */
export async function visiblePairingBySides(db: DbOrTx, actor: Actor, key: string) {
  const [row] = await db
    .select(choice)
    .from(pairings)
    .where(and(eq(pairings.sidesKey, key), pairingScope(actor)))
    .orderBy(asc(pairings.createdAt))
    .limit(1);
  return row;
}

/** Pairings the user may pick for a plan whose sides matched none: those naming one of its regions first, then the rest. */
export async function candidatePairings(db: DbOrTx, actor: Actor, regionCodes: string[], limit = 50) {
  const names = regionCodes.length
    ? sql`EXISTS (SELECT 1 FROM pairing_side_regions s WHERE s.pairing_id = ${pairings.id} AND s.region_code IN (${sql.join(
        regionCodes.map((c) => sql`${c}`),
        sql`, `,
      )}))`
    : sql`false`;
  return (
    db
      .select(choice)
      .from(pairings)
      .where(
        and(pairingScope(actor), or(names, sql`${pairings.parentId} IS NULL`), sql`${pairings.status} <> 'inactive'`),
      )
      // A bare constant cannot be an ORDER BY term in PostgreSQL, so "names one of its regions first" only when there are regions.
      .orderBy(
        ...(regionCodes.length ? [sql`${names} DESC`] : []),
        sql`${pairings.parentId} IS NOT NULL`,
        asc(pairings.name),
      )
      .limit(limit)
  );
}
