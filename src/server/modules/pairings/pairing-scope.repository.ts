import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { PairingScope } from '../../http/context.ts';
import type { Role } from '../../../common/access/roles.ts';

/** The national office sees every pairing; everyone else the pairings one of whose sides is their region, with all sub-pairs. */
export async function loadPairingScope(db: DbOrTx, roles: readonly Role[], regionCode: string): Promise<PairingScope> {
  if (roles.includes('national_office')) return { all: true };
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT DISTINCT s.pairing_id AS id FROM pairing_side_regions s WHERE s.region_code = ${regionCode}
      UNION
      SELECT c.id FROM pairings c JOIN tree t ON c.parent_id = t.id
    )
    SELECT id FROM tree`);
  return { all: false, pairingIds: result.rows.map((r) => r.id) };
}
