import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { preparedByShape, preparedRows } from '../../kernel/prepared-by-shape.ts';
import { tasks } from './tasks.tables.ts';
import { seesOnlyOwnTasks } from './tasks.policy.ts';
import { taskLightSql, taskScope, type TaskSummaryRow, type WithUnits } from './tasks.repository.ts';

type Row = Omit<WithUnits<TaskSummaryRow>, 'updatedAt'> & { updatedAt: string | Date };

/**
 * Every visible task of one plan version, in document order, as the plan page's tree shows them: one statement, its
 * rows taken as the driver gives them (no query builder, no row mapping), each task's units as one JSON column, the
 * units and target counts of the whole plan by one grouped pass each. For a 5,000-task plan the builder's mapping of
 * 100,000 fields and a second statement for the units were most of the tree's time outside the answer's own writing
 * (docs/BENCHMARKS.md §0). A JSON document of the summaries built by the database cost PGlite more than it saved:
 * its engine is WebAssembly, and building the text there took longer than decoding these rows in Node.
 */
export async function tasksOfPlan(
  db: DbOrTx,
  actor: Actor,
  planId: string,
  today: string,
): Promise<WithUnits<TaskSummaryRow>[]> {
  // Built once per scope and what else of the actor the scope reads (as the task list's statements are), run with
  // this plan and day: building it through the query builder was per miss.
  const shape = `plan-tasks|${seesOnlyOwnTasks(actor)}|${actor.organisationId ?? ''}|${actor.scope.all ? '' : (actor.scope.programmeIds ?? []).join(',')}`;
  const run = preparedByShape(db, actor, shape, () => {
    const plan = sql.placeholder('planId');
    const scope = taskScope(actor);
    return preparedRows<Row>(
      db,
      sql`
    SELECT tasks.id, tasks.plan_id AS "planId", plans.title AS "planTitle", plans.kind AS "planKind",
      tasks.pairing_id AS "pairingId", pairings.name AS "pairingName",
      tasks.section_id AS "sectionId", plan_sections.title AS "sectionTitle",
      tasks.code, tasks.no, tasks.title, tasks.status, ${taskLightSql(sql.placeholder('today'))} AS light, tasks.deadline,
      tasks.warning_days AS "warningDays", coalesce(u.units, '[]'::json) AS units, coalesce(g.n, 0) AS "targetCount",
      tasks.traced_task_id AS "tracedTaskId", tasks.version, tasks.updated_at AS "updatedAt"
    FROM tasks
    JOIN plans ON plans.id = tasks.plan_id
    LEFT JOIN pairings ON pairings.id = tasks.pairing_id
    LEFT JOIN plan_sections ON plan_sections.id = tasks.section_id
    LEFT JOIN (
      SELECT task_id, json_agg(json_build_object(
        'id', id, 'organisationId', organisation_id, 'name', name, 'side', side, 'role', role
      ) ORDER BY ordinal) AS units
      FROM task_units WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ${plan}) GROUP BY task_id
    ) u ON u.task_id = tasks.id
    LEFT JOIN (
      SELECT task_id, count(*)::int AS n
      FROM task_targets WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ${plan}) GROUP BY task_id
    ) g ON g.task_id = tasks.id
    WHERE tasks.plan_id = ${plan}${scope ? sql` AND ${scope}` : sql``}
    ORDER BY tasks.ordinal`,
    );
  });
  const rows = await run({ planId, today });
  // The timestamp as the column's own decoder reads it, so the summary's updatedAt is the task list's to the character.
  for (const r of rows) r.updatedAt = tasks.updatedAt.mapFromDriverValue(r.updatedAt) as Date;
  return rows as WithUnits<TaskSummaryRow>[];
}
