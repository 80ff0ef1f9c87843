import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { uuidArray } from '../../kernel/pairing-scope.repository.ts';

/**
 * The changes of the work itself that the workbench tells of (not reads, exports, reveals or sign-ins); task edits
 * come from the task history with the fields they changed (tasks module), so they are not repeated here.
 */
export const ACTIVITY_ACTIONS = [
  'project.create',
  'project.update',
  'project.stage',
  'project.figure',
  'project.figure.override',
  'cycle.create',
  'report.submit',
  'report.approve',
  'report.return',
  'meeting.create',
  'meeting.update',
  'item.create',
  'item.update',
  'item.progress',
  'item.close',
  'item.reopen',
] as const;

export type ActivityRow = {
  id: number;
  at: Date;
  action: string;
  object_type: string;
  object_id: string;
  title: string | null;
  pairing_name: string | null;
  actor_name: string | null;
  organisation_name: string;
};

/**
 * What the other side did lately on the pairings the actor sees, from the audit trail: each row's record found by
 * its type to learn its pairing (the scope) and its current title. "The other side" is an organisation outside the
 * actor's own region and the regions under it, as for task edits (task-overview.repository.ts).
 */
export async function recentActivityByOthers(db: DbOrTx, actor: Actor, since: Date, limit: number) {
  const scope = actor.scope.all ? sql`true` : sql`x.pairing_id = ANY(${uuidArray(actor.scope.pairingIds)})`;
  const result = await db.execute<ActivityRow>(sql`
    WITH RECURSIVE recent AS (
      SELECT * FROM (
        SELECT a.id, a.at, a.action, a.object_type, a.object_id,
          -- The person as colleagues know them (the trail keeps the user name).
          COALESCE(u.display_name, a.actor_name) AS actor_name, o.name AS organisation_name,
          o.region_code,
          COALESCE(p.pairing_id, c.pairing_id, sc.pairing_id, m.pairing_id, i.pairing_id) AS pairing_id,
          COALESCE(p.title, c.period_label, st.code || ' ' || st.title, m.title, left(i.text, 60)) AS title
        FROM audit_log a
        JOIN organisations o ON o.id = a.organisation_id
        LEFT JOIN users u ON u.id = a.actor_user_id
        LEFT JOIN projects p ON a.object_type = 'project' AND p.id::text = a.object_id
        LEFT JOIN reporting_cycles c ON a.object_type = 'reporting_cycle' AND c.id::text = a.object_id
        LEFT JOIN report_slots s ON a.object_type = 'report' AND s.id::text = a.object_id
        LEFT JOIN reporting_cycles sc ON sc.id = s.cycle_id
        LEFT JOIN tasks st ON st.id = s.task_id
        LEFT JOIN meetings m ON a.object_type = 'meeting' AND m.id::text = a.object_id
        LEFT JOIN tracked_items i ON a.object_type = 'tracked_item' AND i.id::text = a.object_id
        WHERE a.at >= ${since.toISOString()}::timestamptz AND a.result = 'success'
          AND a.action IN (${sql.join(
            ACTIVITY_ACTIONS.map((x) => sql`${x}`),
            sql`, `,
          )})
          AND a.organisation_id <> ${actor.organisationId}
      ) x
      WHERE x.pairing_id IS NOT NULL AND ${scope}
      ORDER BY x.at DESC, x.id DESC
      LIMIT ${limit * 5}
    ),
    up(id, code) AS (
      SELECT id, region_code FROM recent
      UNION
      SELECT up.id, r.parent_code FROM up JOIN regions r ON r.code = up.code WHERE r.parent_code IS NOT NULL
    )
    SELECT r.id, r.at, r.action, r.object_type, r.object_id, r.title, pr.name AS pairing_name, r.actor_name,
      r.organisation_name
    FROM recent r JOIN pairings pr ON pr.id = r.pairing_id
    WHERE NOT EXISTS (SELECT 1 FROM up WHERE up.id = r.id AND up.code = ${actor.regionCode})
    ORDER BY r.at DESC, r.id DESC
    LIMIT ${limit}`);
  return result.rows;
}
