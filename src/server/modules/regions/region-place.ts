import { type SQL, sql } from 'drizzle-orm';

/**
 * The place a region code stands for when it is matched by prefix against a pairing's sides: a development zone's
 * code (Z22010071, 长春经开区) names no place, so it lies where its parent region (220100) does.
 */
export function regionPlace(code: SQL | string): SQL {
  return sql`coalesce((SELECT z.parent_code FROM regions z WHERE z.code = ${code} AND z.level = 'zone'), ${code})`;
}
