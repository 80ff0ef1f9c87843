import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';
import { taskLightSql, taskScope } from './tasks.repository.ts';

/**
 * Every visible task of one plan version, in document order, as the plan page's tree shows them: the summaries are
 * built by the database as one JSON document in presentTaskSummary's shape (tasks.presenter.ts, which lists and task
 * pages still use; plan-task-summaries.api.test.ts checks the two agree field for field) and parsed once, natively.
 * A 5,000-task plan read as rows cost Node the decoding of 100,000 fields, Drizzle's mapping of each row and the
 * presenter's copy of it — most of the tree's time outside the response's own check (docs/BENCHMARKS.md §0).
 */
export async function taskSummariesOfPlan(
  db: DbOrTx,
  actor: Actor,
  planId: string,
  today: string,
): Promise<TaskSummary[]> {
  const scope = taskScope(actor);
  // The units and target counts of the whole plan by one grouped pass each, not a subquery per task.
  const { rows } = await db.execute<{ tasks: string }>(sql`
    SELECT coalesce(json_agg(json_build_object(
      'id', tasks.id, 'planId', tasks.plan_id, 'planTitle', plans.title, 'planKind', plans.kind,
      'pairingId', tasks.pairing_id, 'pairingName', pairings.name,
      'sectionId', tasks.section_id, 'sectionTitle', plan_sections.title,
      'code', tasks.code, 'no', tasks.no, 'title', tasks.title, 'status', tasks.status,
      'light', ${taskLightSql(today)}, 'deadline', tasks.deadline, 'warningDays', tasks.warning_days,
      'units', coalesce(u.units, '[]'::json), 'targetCount', coalesce(g.n, 0),
      'tracedTaskId', tasks.traced_task_id, 'version', tasks.version,
      -- toISOString()'s form: UTC, milliseconds cut (not rounded) as the drivers' dates cut them.
      'updatedAt', to_char(tasks.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    ) ORDER BY tasks.ordinal), '[]')::text AS tasks
    FROM tasks
    JOIN plans ON plans.id = tasks.plan_id
    LEFT JOIN pairings ON pairings.id = tasks.pairing_id
    LEFT JOIN plan_sections ON plan_sections.id = tasks.section_id
    LEFT JOIN (
      SELECT task_id, json_agg(json_build_object(
        'id', id, 'organisationId', organisation_id, 'name', name, 'side', side, 'role', role
      ) ORDER BY ordinal) AS units
      FROM task_units WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ${planId}) GROUP BY task_id
    ) u ON u.task_id = tasks.id
    LEFT JOIN (
      SELECT task_id, count(*)::int AS n
      FROM task_targets WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ${planId}) GROUP BY task_id
    ) g ON g.task_id = tasks.id
    WHERE tasks.plan_id = ${planId}${scope ? sql` AND ${scope}` : sql``}`);
  return JSON.parse(rows[0]!.tasks) as TaskSummary[];
}
