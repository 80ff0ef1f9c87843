import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

/**
 * The national region's name, and the national office's organisation (the first active one, null when none) with
 * how many users it has.
 */
export async function nationalOfficeOrganisation(db: DbOrTx, regionCode: string) {
  const r = await db.execute<{ region_name: string; id: string | null; name: string | null; users: number }>(sql`
    SELECT r.name AS region_name, o.id, o.name,
      coalesce((SELECT count(*)::int FROM users u WHERE u.organisation_id = o.id), 0) AS users
    FROM regions r
    LEFT JOIN LATERAL (
      SELECT id, name FROM organisations WHERE kind = 'national_office' AND active ORDER BY created_at LIMIT 1
    ) o ON true
    WHERE r.code = ${regionCode}`);
  return r.rows[0]!;
}

/**
 * The pairing offices the loaded plans name (pairing_offices, from resources/seeds/manifest.json), each with the
 * organisation that would carry it — the unit the office sits in (办公室设在…) or else the office itself — as the
 * name to create, its region, and the pairing-office organisation of that name and region if it exists, with its users.
 */
export async function namedOffices(db: DbOrTx) {
  const r = await db.execute<{
    office_name: string;
    proposed_name: string;
    region_code: string;
    region_name: string;
    pairing_name: string;
    organisation_id: string | null;
    users: number;
  }>(sql`
    SELECT DISTINCT ON (s.region_code, coalesce(po.host_unit, po.office_name))
      po.office_name, coalesce(po.host_unit, po.office_name) AS proposed_name, s.region_code,
      r.name AS region_name, p.name AS pairing_name, o.id AS organisation_id,
      coalesce((SELECT count(*)::int FROM users u WHERE u.organisation_id = o.id), 0) AS users
    FROM pairing_offices po
    JOIN pairings p ON p.id = po.pairing_id
    JOIN pairing_side_regions s ON s.pairing_id = po.pairing_id AND s.side = po.side
    JOIN regions r ON r.code = s.region_code
    LEFT JOIN organisations o ON o.region_code = s.region_code AND o.kind = 'pairing_office'
      AND o.name = coalesce(po.host_unit, po.office_name)
    ORDER BY s.region_code, coalesce(po.host_unit, po.office_name), p.name`);
  return r.rows;
}
