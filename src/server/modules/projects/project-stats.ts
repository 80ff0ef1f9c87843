import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { PIPELINE_STAGES, PROJECT_STAGES, type ProjectStats } from '../../../common/api/projects.ts';
import { percentage, toWan, wan } from '../../../common/money/money.ts';
import { industries } from '../../kernel/industries.ts';
import { cachedByVersion, scopeKey } from './ledger-cache.ts';
import { parks } from '../parks/parks.tables.ts';
import { parkScope } from '../parks/parks.repository.ts';
import { events } from '../events/events.tables.ts';
import { eventScope } from '../events/events.repository.ts';
import { pairingCondition } from '../../kernel/pairing-scope.repository.ts';

/**
 * The dashboard's project figures, computed in the database in a few grouped queries whatever the number of
 * projects, with the definitions of project-rates.ts (the demo-data API test computes those over the same projects and compares): 到位率 =
 * Σ到位资金/Σ签约额, 开工率 and 投产率 over projects that reached 签约.
 */
type GroupBy = 'pairing' | 'side' | 'industry' | 'year';
type StatsQuery = { pairingId?: string; withSubPairs?: boolean; groupBy: GroupBy; demo?: boolean };

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

/** Parks and events counted through their own modules' scope, under the same pairing and demo filters. */
async function parkAndEventCounts(db: DbOrTx, actor: Actor, q: StatsQuery) {
  const count = sql<number>`count(*)::int`;
  const [[p], [e]] = await Promise.all([
    db
      .select({ n: count })
      .from(parks)
      .where(
        and(
          parkScope(actor),
          pairingCondition(parks.pairingId, q.pairingId, q.withSubPairs),
          q.demo === undefined ? undefined : eq(parks.isDemo, q.demo),
        ),
      ),
    db
      .select({ n: count })
      .from(events)
      .where(
        and(
          eventScope(actor),
          pairingCondition(events.pairingId, q.pairingId, q.withSubPairs),
          q.demo === undefined ? undefined : eq(events.isDemo, q.demo),
        ),
      ),
  ]);
  return { parks: p!.n, events: e!.n };
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

type RateSqlRow = {
  key: string | null;
  label: string | null;
  projects: number;
  signed_projects: number;
  started_projects: number;
  producing_projects: number;
  signed_amount: string;
  arrived_funds: string;
};

function rateRow(r: RateSqlRow, key: string, label: string) {
  const signed = wan(r.signed_amount);
  const arrived = wan(r.arrived_funds);
  const n = BigInt(r.signed_projects);
  return {
    key,
    label,
    projects: r.projects,
    signedProjects: r.signed_projects,
    startedProjects: r.started_projects,
    producingProjects: r.producing_projects,
    signedAmount: toWan(signed),
    arrivedFunds: toWan(arrived),
    arrivalRate: percentage(arrived, signed),
    startRate: percentage(BigInt(r.started_projects), n),
    productionRate: percentage(BigInt(r.producing_projects), n),
  };
}

const GROUP_KEY: Record<GroupBy, SQL> = {
  pairing: sql`p.pairing_id::text`,
  side: sql`p.side`,
  industry: sql`coalesce(p.industry_section, '')`,
  year: sql`coalesce(extract(year from p.signed_on)::int::text, '')`,
};

export async function projectStats(db: DbOrTx, actor: Actor, q: StatsQuery): Promise<ProjectStats> {
  return cachedByVersion(db, `stats|${scopeKey(actor)}|${JSON.stringify(q)}`, () => computeStats(db, actor, q));
}

async function computeStats(db: DbOrTx, actor: Actor, q: StatsQuery): Promise<ProjectStats> {
  const where = scopeSql(actor, 'p', q);
  const [overall, byStage, groups, others] = await Promise.all([
    db.execute<RateSqlRow & { landmark: number; demo: number; funnel: number[] }>(sql`
      SELECT ${rateColumns}, count(*) FILTER (WHERE p.landmark)::int AS landmark, count(*) FILTER (WHERE p.is_demo)::int AS demo,
        ARRAY[${sql.join(
          PIPELINE_STAGES.map((_, i) => sql`count(*) FILTER (WHERE ${ORD} >= ${i + 1})::int`),
          sql`, `,
        )}] AS funnel
      FROM projects p WHERE ${where}`),
    db.execute<{
      stage: string;
      projects: number;
      signed: string;
      planned: string;
      arrived: string;
      completed: string;
    }>(sql`
      SELECT p.stage, count(*)::int AS projects, sum(p.signed_wan)::text AS signed, sum(p.planned_wan)::text AS planned,
             sum(p.arrived_wan)::text AS arrived, sum(p.completed_wan)::text AS completed
      FROM projects p WHERE ${where} GROUP BY p.stage`),
    db.execute<RateSqlRow>(sql`
      SELECT ${GROUP_KEY[q.groupBy]} AS key, ${q.groupBy === 'pairing' ? sql`min(pr.name)` : sql`null`} AS label, ${rateColumns}
      FROM projects p JOIN pairings pr ON pr.id = p.pairing_id WHERE ${where} GROUP BY 1 ORDER BY 1`),
    parkAndEventCounts(db, actor, q),
  ]);
  const o = overall.rows[0]!;
  const stageRows = new Map(byStage.rows.map((r) => [r.stage, r]));
  const label = (key: string, sqlLabel: string | null) => {
    if (q.groupBy === 'pairing') return sqlLabel ?? key;
    if (q.groupBy === 'side') return key === 'a' ? '东北地区一方' : '东部地区一方';
    if (q.groupBy === 'industry') return key ? (industries().section(key)?.name ?? key) : '未填行业';
    return key ? `${key}年` : '未签约';
  };
  return {
    counts: { projects: o.projects, landmark: o.landmark, demo: o.demo, parks: others.parks, events: others.events },
    funnel: PIPELINE_STAGES.map((stage, i) => ({ stage, reached: Number(o.funnel[i]) })),
    byStage: PROJECT_STAGES.map((stage) => {
      const r = stageRows.get(stage);
      const w = (v: string | undefined) => toWan(wan(v ?? '0'));
      return {
        stage,
        projects: r?.projects ?? 0,
        figures: { signed: w(r?.signed), planned: w(r?.planned), arrived: w(r?.arrived), completed: w(r?.completed) },
      };
    }),
    overall: rateRow(o, 'all', '全部'),
    groups: groups.rows.map((r) => rateRow(r, r.key ?? '', label(r.key ?? '', r.label))),
  };
}
