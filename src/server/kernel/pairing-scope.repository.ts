import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { Actor, PairingScope } from '../http/context.ts';
import type { Role } from '../../common/access/roles.ts';

/**
 * The national office sees every pairing, or, when granted programmes (programme_grants), every pairing of those;
 * everyone else the pairings one of whose sides is their region, with all sub-pairs.
 */
export async function loadPairingScope(
  db: DbOrTx,
  roles: readonly Role[],
  regionCode: string,
  userId: string,
): Promise<PairingScope> {
  if (roles.includes('national_office')) {
    const granted = await db.execute<{ programme_id: string; ids: string[] }>(sql`
      SELECT g.programme_id, ARRAY(SELECT p.id FROM pairings p WHERE p.programme_id = g.programme_id) AS ids
        FROM programme_grants g WHERE g.user_id = ${userId}`);
    if (!granted.rows.length) return { all: true };
    return {
      all: false,
      pairingIds: granted.rows.flatMap((r) => r.ids),
      programmeIds: granted.rows.map((r) => r.programme_id),
    };
  }
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT DISTINCT s.pairing_id AS id FROM pairing_side_regions s WHERE s.region_code = ${regionCode}
      UNION
      SELECT c.id FROM pairings c JOIN tree t ON c.parent_id = t.id
    )
    SELECT id FROM tree`);
  return { all: false, pairingIds: result.rows.map((r) => r.id) };
}

/** A uuid[] parameter (drizzle would otherwise spread a JS array into a list of parameters). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${sql.param([...ids])}::uuid[]`;
}

/**
 * The rows of the pairings in the actor's scope, by the column that holds a row's pairing (undefined: every row).
 * Each module's scope (projectScope, parkScope, …) is this with its own column.
 */
export function rowsInPairingScope(actor: Pick<Actor, 'scope'>, pairingColumn: AnyColumn): SQL | undefined {
  if (actor.scope.all) return undefined;
  return actor.scope.pairingIds.length ? inArray(pairingColumn, [...actor.scope.pairingIds]) : sql`false`;
}

/** Whether the actor may write for this pairing (a create names its pairing before any row exists). */
export function inPairingScope(actor: Actor, pairingId: string): boolean {
  return actor.scope.all || actor.scope.pairingIds.includes(pairingId);
}

/**
 * The pairing and, with `withSubPairs`, every pairing below it, as a condition on a table's pairing column. The
 * actor's scope still applies on its own: a sub-pair outside it stays out of sight.
 */
export function pairingCondition(
  column: SQL | AnyColumn,
  pairingId: string | undefined,
  withSubPairs?: boolean,
): SQL | undefined {
  if (!pairingId) return undefined;
  if (!withSubPairs) return sql`${column} = ${pairingId}`;
  return sql`${column} IN (WITH RECURSIVE tree AS (SELECT id FROM pairings WHERE id = ${pairingId}
    UNION SELECT c.id FROM pairings c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`;
}
