import { PIPELINE_STAGES, PROJECT_STAGES, type ProjectStats } from '../../../common/api/projects.ts';
import { percentage, toWan, wan } from '../../../common/money/money.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import { industries } from '../../kernel/industries.ts';
import type { ProjectStatsRows, RateSqlRow, StatsGroupBy } from './project-stats.repository.ts';

/**
 * The dashboard's project figures from the database's sums, with the definitions of project-rates.ts (the
 * demo-data API test computes those over the same projects and compares): 到位率 = Σ到位资金/Σ签约额, 开工率 and
 * 投产率 over projects that reached 签约.
 */
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

/** `sides`: the side names of the programme the figures are of (东北地区一方, 东部一方 …). */
export function statsFromRows(rows: ProjectStatsRows, groupBy: StatsGroupBy, sides: SideParams): ProjectStats {
  const o = rows.overall;
  const stageRows = new Map(rows.byStage.map((r) => [r.stage, r]));
  const label = (key: string, sqlLabel: string | null) => {
    if (groupBy === 'pairing') return sqlLabel ?? key;
    if (groupBy === 'side') return key === 'a' ? sides.sideA : sides.sideB;
    if (groupBy === 'industry') return key ? (industries().section(key)?.name ?? key) : '未填行业';
    return key ? `${key}年` : '未签约';
  };
  return {
    counts: { projects: o.projects, landmark: o.landmark, demo: o.demo, parks: rows.parks, events: rows.events },
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
    groups: rows.groups.map((r) => rateRow(r, r.key ?? '', label(r.key ?? '', r.label))),
  };
}
