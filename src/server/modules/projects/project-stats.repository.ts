import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { PIPELINE_STAGES } from '../../../common/api/projects.ts';
import { pairingCondition, rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { cachedByVersion, scopeKey } from './ledger-cache.ts';
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

/** The furthest stage as its position in the pipeline (0 谋划 … 4 投产). */
const ORD = sql.raw(
  `array_position(ARRAY[${PIPELINE_STAGES.map((s) => `'${s}'`).join(',')}]::text[], p.furthest_stage)`,
);

const rateColumns = sql`
  count(*)::int AS projects,
  count(*) FILTER (WHERE ${ORD} >= 2)::int AS signed_projects,
  count(*) FILTER (WHERE ${ORD} >= 4)::int AS started_projects,
  count(*) FILTER (WHERE ${ORD} >= 5)::int AS producing_projects,
  coalesce(sum(p.signed_wan) FILTER (WHERE ${ORD} >= 2), 0)::text AS signed_amount,
  coalesce(sum(p.arrived_wan) FILTER (WHERE ${ORD} >= 2), 0)::text AS arrived_funds`;

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

const GROUP_KEY: Record<StatsGroupBy, SQL> = {
  pairing: sql`p.pairing_id::text`,
  side: sql`p.side`,
  industry: sql`coalesce(p.industry_section, '')`,
  year: sql`coalesce(extract(year from p.signed_on)::int::text, '')`,
};

/**
 * The dashboard's project figures as the database sums them, in a few grouped queries whatever the number of
 * projects: overall, by current stage and by the asked grouping, with the parks and events of the same pairings.
 * Kept per scope and question until the data version moves (ledger-cache.ts).
 */
export async function projectStatsRows(db: DbOrTx, actor: Actor, q: StatsQuery) {
  return cachedByVersion(db, `stats|${scopeKey(actor)}|${JSON.stringify(q)}`, () => statsRows(db, actor, q));
}
export type ProjectStatsRows = Awaited<ReturnType<typeof projectStatsRows>>;

async function statsRows(db: DbOrTx, actor: Actor, q: StatsQuery) {
  const where = scopeSql(actor, 'p', q);
  const count = sql<number>`count(*)::int`;
  const [overall, byStage, groups, [p], [e]] = await Promise.all([
    db.execute<RateSqlRow & { landmark: number; demo: number; funnel: number[] }>(sql`
      SELECT ${rateColumns}, count(*) FILTER (WHERE p.landmark)::int AS landmark, count(*) FILTER (WHERE p.is_demo)::int AS demo,
        ARRAY[${sql.join(
          PIPELINE_STAGES.map((_, i) => sql`count(*) FILTER (WHERE ${ORD} >= ${i + 1})::int`),
          sql`, `,
        )}] AS funnel
      FROM projects p WHERE ${where}`),
    db.execute<StageSqlRow>(sql`
      SELECT p.stage, count(*)::int AS projects, sum(p.signed_wan)::text AS signed, sum(p.planned_wan)::text AS planned,
             sum(p.arrived_wan)::text AS arrived, sum(p.completed_wan)::text AS completed
      FROM projects p WHERE ${where} GROUP BY p.stage`),
    db.execute<RateSqlRow>(sql`
      SELECT ${GROUP_KEY[q.groupBy]} AS key, ${q.groupBy === 'pairing' ? sql`min(pr.name)` : sql`null`} AS label, ${rateColumns}
      FROM projects p JOIN pairings pr ON pr.id = p.pairing_id WHERE ${where} GROUP BY 1 ORDER BY 1`),
    db
      .select({ n: count })
      .from(parks)
      .where(pairingRowsAsked(actor, q, parks.pairingId, parks.isDemo)),
    db
      .select({ n: count })
      .from(events)
      .where(pairingRowsAsked(actor, q, events.pairingId, events.isDemo)),
  ]);
  return {
    overall: overall.rows[0]!,
    byStage: byStage.rows,
    groups: groups.rows,
    parks: p!.n,
    events: e!.n,
  };
}
