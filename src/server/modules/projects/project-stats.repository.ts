import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { PIPELINE_STAGES } from '../../../common/api/projects.ts';
import { pairingCondition, rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { parks } from '../parks/parks.tables.ts';
import { events } from '../events/events.tables.ts';

export type StatsGroupBy = 'pairing' | 'side' | 'industry' | 'year';
export type StatsQuery = { pairingId?: string; withSubPairs?: boolean; groupBy: StatsGroupBy; demo?: boolean };

function scopeSql(actor: Actor, alias: string, q: StatsQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (!actor.scope.all)
    parts.push(
      actor.scope.pairingIds.length
        ? sql`${sql.raw(alias)}.pairing_id = ANY(${sql.param([...actor.scope.pairingIds])}::uuid[])`
        : sql`false`,
    );
  const pairing = pairingCondition(sql.raw(`${alias}.pairing_id`), q.pairingId, q.withSubPairs);
  if (pairing) parts.push(pairing);
  if (q.demo !== undefined) parts.push(sql`${sql.raw(alias)}.is_demo = ${q.demo}`);
  return sql.join(parts, sql` AND `);
}

/** Parks and events as their own modules scope them (by pairing), under the same pairing and demo filters. */
function pairingRowsAsked(actor: Actor, q: StatsQuery, pairingId: AnyColumn, isDemo: AnyColumn): SQL | undefined {
  return and(
    rowsInPairingScope(actor, pairingId),
    pairingCondition(pairingId, q.pairingId, q.withSubPairs),
    q.demo === undefined ? undefined : eq(isDemo, q.demo),
  );
}

export type RateSqlRow = {
  key: string | null;
  label: string | null;
  projects: number;
  signed_projects: number;
  started_projects: number;
  producing_projects: number;
  signed_amount: string;
  arrived_funds: string;
};

export type StageSqlRow = {
  stage: string;
  projects: number;
  signed: string;
  planned: string;
  arrived: string;
  completed: string;
};

/**
 * The dashboard's project figures: overall, by current stage and by the asked grouping, with the parks and events
 * of the same pairings. Kept per scope and question until a table they are read from changes (kernel/cached-by-version.ts).
 */
export async function projectStatsRows(db: DbOrTx, actor: Actor, q: StatsQuery) {
  return cachedByVersion(db, actor, `stats|${JSON.stringify(q)}`, () => statsRows(db, actor, q));
}
export type ProjectStatsRows = Awaited<ReturnType<typeof projectStatsRows>>;

/** The pipeline position (1 谋划 … 5 投产) of a rollup row's furthest stage. */
const ROLLUP_ORD = sql.raw(
  `CASE x.furthest_stage ${PIPELINE_STAGES.map((s, i) => `WHEN '${s}' THEN ${i + 1}`).join(' ')} END`,
);
const rollupRates = sql`
  coalesce(sum(r.projects), 0)::int AS projects,
  coalesce(sum(r.projects) FILTER (WHERE r.ord >= 2), 0)::int AS signed_projects,
  coalesce(sum(r.projects) FILTER (WHERE r.ord >= 4), 0)::int AS started_projects,
  coalesce(sum(r.projects) FILTER (WHERE r.ord >= 5), 0)::int AS producing_projects,
  coalesce(sum(r.signed_wan) FILTER (WHERE r.ord >= 2), 0)::text AS signed_amount,
  coalesce(sum(r.arrived_wan) FILTER (WHERE r.ord >= 2), 0)::text AS arrived_funds`;
/** Which rollup dimension a grouping reads; by pairing, any one dimension adds up to the pairing's projects. */
const ROLLUP_DIM: Record<StatsGroupBy, string> = { pairing: 'side', side: 'side', industry: 'industry', year: 'year' };

/**
 * The figures from project_rollups (kept by triggers on projects, migration 0012) instead of three aggregates over
 * every project: a few thousand rows at 100,000 projects, in one statement with the parks and events counts.
 */
async function statsRows(db: DbOrTx, actor: Actor, q: StatsQuery) {
  const where = scopeSql(actor, 'x', q);
  // Only the dimensions read below (the overall figures by side, the stages, the grouping's): a third of the rows
  // when grouped by pairing or side, each checked against the scope (on PGlite 123 → 44 ms for a programme's 220 pairings).
  const dim = ROLLUP_DIM[q.groupBy];
  const key = q.groupBy === 'pairing' ? sql`r.pairing_id::text` : sql`r.key`;
  const { rows } = await db.execute<{
    overall: RateSqlRow & { landmark: number; demo: number; funnel: number[] };
    by_stage: StageSqlRow[];
    groups: RateSqlRow[];
    parks: number;
    events: number;
  }>(sql`
    WITH r AS (SELECT x.*, ${ROLLUP_ORD} AS ord FROM project_rollups x
      WHERE x.dim IN ('side', 'stage', ${dim}) AND ${where})
    SELECT
      (SELECT row_to_json(o) FROM (
        SELECT ${rollupRates}, coalesce(sum(r.landmark), 0)::int AS landmark,
          coalesce(sum(r.projects) FILTER (WHERE r.is_demo), 0)::int AS demo,
          ARRAY[${sql.join(
            PIPELINE_STAGES.map((_, i) => sql`coalesce(sum(r.projects) FILTER (WHERE r.ord >= ${i + 1}), 0)::int`),
            sql`, `,
          )}] AS funnel
        FROM r WHERE r.dim = 'side') o) AS overall,
      (SELECT coalesce(json_agg(b), '[]') FROM (
        SELECT r.key AS stage, sum(r.projects)::int AS projects, sum(r.signed_wan)::text AS signed,
          sum(r.planned_wan)::text AS planned, sum(r.arrived_wan)::text AS arrived, sum(r.completed_wan)::text AS completed
        FROM r WHERE r.dim = 'stage' GROUP BY r.key HAVING sum(r.projects) > 0) b) AS by_stage,
      (SELECT coalesce(json_agg(g ORDER BY g.key), '[]') FROM (
        SELECT ${key} AS key, ${q.groupBy === 'pairing' ? sql`min(pr.name)` : sql`null`} AS label, ${rollupRates}
        FROM r JOIN pairings pr ON pr.id = r.pairing_id WHERE r.dim = ${dim} GROUP BY 1 HAVING sum(r.projects) > 0) g) AS groups,
      (SELECT count(*)::int FROM ${parks} WHERE ${pairingRowsAsked(actor, q, parks.pairingId, parks.isDemo) ?? sql`true`}) AS parks,
      (SELECT count(*)::int FROM ${events} WHERE ${pairingRowsAsked(actor, q, events.pairingId, events.isDemo) ?? sql`true`}) AS events`);
  const row = rows[0]!;
  return { overall: row.overall, byStage: row.by_stage, groups: row.groups, parks: row.parks, events: row.events };
}
