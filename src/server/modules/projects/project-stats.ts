import { PIPELINE_STAGES, PROJECT_STAGES, type ProjectStats } from '../../../common/api/projects.ts';
import { type Fen, percentage, toWan } from '../../../common/money/money.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import { industries } from '../../kernel/industries.ts';
import type { PieceRow, StatsGroupBy, StatsPiece } from './project-stats.repository.ts';

/** Sums of one group's rollup rows, as the rates are figured from. */
interface Sums {
  reached: number[];
  landmark: number;
  demo: number;
  signed: Fen;
  arrived: Fen;
  planned: Fen;
  completed: Fen;
}
const noSums = (): Sums => ({
  reached: [0, 0, 0, 0, 0],
  landmark: 0,
  demo: 0,
  signed: 0n,
  arrived: 0n,
  planned: 0n,
  completed: 0n,
});
function addTo(s: Sums, r: PieceRow) {
  for (let i = 0; i < r.reached.length; i++) s.reached[i]! += r.reached[i]!;
  s.landmark += r.landmark;
  if (r.demo) s.demo += r.reached[0]!;
  s.signed += r.signed;
  s.arrived += r.arrived;
  s.planned += r.planned;
  s.completed += r.completed;
}

/**
 * The dashboard's project figures, with the definitions of project-rates.ts (the demo-data API test computes those
 * over the same projects and compares): 到位率 = Σ到位资金/Σ签约额, 开工率 and 投产率 over projects that reached 签约.
 */
function rateRow(s: Sums, key: string, label: string) {
  const n = BigInt(s.reached[1]!);
  return {
    key,
    label,
    projects: s.reached[0]!,
    signedProjects: s.reached[1]!,
    startedProjects: s.reached[3]!,
    producingProjects: s.reached[4]!,
    signedAmount: toWan(s.signed),
    arrivedFunds: toWan(s.arrived),
    arrivalRate: percentage(s.arrived, s.signed),
    startRate: percentage(BigInt(s.reached[3]!), n),
    productionRate: percentage(BigInt(s.reached[4]!), n),
  };
}

/** Which rollup dimension a grouping reads; by pairing, any one dimension adds up to the pairing's projects. */
const GROUP_DIM: Record<StatsGroupBy, PieceRow['dim']> = {
  pairing: 'side',
  side: 'side',
  industry: 'industry',
  year: 'year',
};

/**
 * The figures of the pairings whose pieces are given (project-stats.repository.ts), summed here: overall (from the
 * side dimension, which every project is in once), by current stage, by the asked grouping (groups without projects
 * left out, in the order of their keys), and the parks and events. `demo`: only demo data (true), only real (false).
 * `sides`: the side names of the programme the figures are of (东北地区一方, 东部一方 …).
 */
export function statsFromPieces(
  pieces: readonly StatsPiece[],
  groupBy: StatsGroupBy,
  demo: boolean | undefined,
  sides: SideParams,
): ProjectStats {
  const overall = noSums();
  const stages = new Map<string, Sums>();
  const groups = new Map<string, { label: string | null; sums: Sums }>();
  const dim = GROUP_DIM[groupBy];
  let parks = 0;
  let events = 0;
  for (const piece of pieces)
    for (const r of piece.rows) {
      if (demo !== undefined && r.demo !== demo) continue;
      if (r.dim === 'parks') parks += r.reached[0]!;
      else if (r.dim === 'events') events += r.reached[0]!;
      else if (r.dim === 'stage') {
        let s = stages.get(r.key);
        if (!s) stages.set(r.key, (s = noSums()));
        addTo(s, r);
      }
      if (r.dim === 'side') addTo(overall, r);
      if (r.dim === dim) {
        const key = groupBy === 'pairing' ? piece.pairingId : r.key;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { label: groupBy === 'pairing' ? piece.name : null, sums: noSums() }));
        addTo(g.sums, r);
      }
    }
  const label = (key: string, name: string | null) => {
    if (groupBy === 'pairing') return name ?? key;
    if (groupBy === 'side') return key === 'a' ? sides.sideA : sides.sideB;
    if (groupBy === 'industry') return key ? (industries().section(key)?.name ?? key) : '未填行业';
    return key ? `${key}年` : '未签约';
  };
  return {
    counts: { projects: overall.reached[0]!, landmark: overall.landmark, demo: overall.demo, parks, events },
    funnel: PIPELINE_STAGES.map((stage, i) => ({ stage, reached: overall.reached[i]! })),
    byStage: PROJECT_STAGES.map((stage) => {
      const s = stages.get(stage);
      const shown = s && s.reached[0]! > 0 ? s : noSums();
      return {
        stage,
        projects: shown.reached[0]!,
        figures: {
          signed: toWan(shown.signed),
          planned: toWan(shown.planned),
          arrived: toWan(shown.arrived),
          completed: toWan(shown.completed),
        },
      };
    }),
    overall: rateRow(overall, 'all', '全部'),
    groups: [...groups]
      .filter(([, g]) => g.sums.reached[0]! > 0)
      // Each grouping's keys are ASCII of one form (a side, an industry section, a year, a uuid's text), which every
      // collation orders as this does: the order the database gave them in.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, g]) => rateRow(g.sums, key, label(key, g.label))),
  };
}
