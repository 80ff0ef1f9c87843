import {
  PIPELINE_STAGES,
  PROJECT_STAGES,
  type ProjectOverviewStats,
  type ProjectStats,
} from '../../../common/api/projects.ts';
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
/** Adds a rollup row to a group's sums (`sign` 1), or takes it out again (-1): counts and fen are exact either way. */
function addTo(s: Sums, r: PieceRow, sign: 1 | -1) {
  for (let i = 0; i < r.reached.length; i++) s.reached[i]! += sign * r.reached[i]!;
  s.landmark += sign * r.landmark;
  if (r.demo) s.demo += sign * r.reached[0]!;
  if (sign === 1) {
    s.signed += r.signed;
    s.arrived += r.arrived;
    s.planned += r.planned;
    s.completed += r.completed;
  } else {
    s.signed -= r.signed;
    s.arrived -= r.arrived;
    s.planned -= r.planned;
    s.completed -= r.completed;
  }
}

/**
 * The dashboard's project figures, with the definitions of project-rates.ts (the demo-data API test computes those
 * over the same projects and compares): 到位率 = Σ到位资金/Σ签约额, 开工率 and 投产率 over projects that reached 签约.
 */
type RateRow = ReturnType<typeof rateRow>;
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
 * The figures of a list of pairings' pieces (project-stats.repository.ts), summed: overall (from the side dimension,
 * which every project is in once), by current stage, by the asked grouping (groups without projects left out, in the
 * order of their keys), and the parks and events. `demo`: only demo data (true), only real (false).
 *
 * The sums are kept between lists: `update` takes out the pieces that left or changed (a piece is kept as one rows
 * array until its pairing's rows change, kernel/cached-per-pairing.ts) and adds those that came, so after a write to
 * one pairing the national office's ~220 pieces cost one piece taken out and one put in, not every row summed again.
 * Counts and fen are integers, so the sums are exactly those of the list summed afresh. Without a grouping (null: the
 * dashboard's), no group is kept.
 */
export class RunningFigures {
  private readonly overall = noSums();
  private readonly stages = new Map<string, Sums>();
  /** Each group's sums, and its row as last shown (until its sums or label change: most of 220 pairings' stay). */
  private readonly groups = new Map<string, { label: string | null; sums: Sums; row?: Readonly<RateRow> }>();
  private readonly dim: PieceRow['dim'] | null;
  private parks = 0;
  private events = 0;
  private summed: readonly StatsPiece[] = [];

  constructor(
    private readonly groupBy: StatsGroupBy | null,
    private readonly demo: boolean | undefined,
  ) {
    this.dim = groupBy && GROUP_DIM[groupBy];
  }

  /** The sums of `pieces`: a piece at the same place with the same pairing, name and rows as before is kept. */
  update(pieces: readonly StatsPiece[]): this {
    const before = this.summed;
    for (let i = 0; i < Math.max(before.length, pieces.length); i++) {
      const was = before[i];
      const is = pieces[i];
      if (was && is && was.rows === is.rows && was.pairingId === is.pairingId && was.name === is.name) continue;
      if (was) this.add(was, -1);
      if (is) this.add(is, 1);
    }
    this.summed = pieces;
    return this;
  }

  private add(piece: StatsPiece, sign: 1 | -1) {
    const { demo, dim, groupBy } = this;
    for (const r of piece.rows) {
      if (demo !== undefined && r.demo !== demo) continue;
      if (r.dim === 'parks') this.parks += sign * r.reached[0]!;
      else if (r.dim === 'events') this.events += sign * r.reached[0]!;
      else if (r.dim === 'stage') {
        let s = this.stages.get(r.key);
        if (!s) this.stages.set(r.key, (s = noSums()));
        addTo(s, r, sign);
      }
      if (r.dim === 'side') addTo(this.overall, r, sign);
      if (r.dim === dim) {
        const key = groupBy === 'pairing' ? piece.pairingId : r.key;
        let g = this.groups.get(key);
        if (!g) this.groups.set(key, (g = { label: null, sums: noSums() }));
        // A pairing's group is its one piece's: labelled with the name it was put in with.
        if (groupBy === 'pairing' && sign === 1) g.label = piece.name;
        addTo(g.sums, r, sign);
        g.row = undefined;
      }
    }
  }

  /** The figures of the pieces last given, but for the groups. */
  overview(): ProjectOverviewStats {
    const { overall } = this;
    return {
      counts: {
        projects: overall.reached[0]!,
        landmark: overall.landmark,
        demo: overall.demo,
        parks: this.parks,
        events: this.events,
      },
      funnel: PIPELINE_STAGES.map((stage, i) => ({ stage, reached: overall.reached[i]! })),
      byStage: PROJECT_STAGES.map((stage) => {
        const s = this.stages.get(stage);
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
    };
  }

  /** The figures of the pieces last given, by group; `sides`: the side names of their programme (东北地区一方, 东部一方 …). */
  figures(sides: SideParams): ProjectStats {
    const { groupBy } = this;
    const label = (key: string, name: string | null) => {
      if (groupBy === 'pairing') return name ?? key;
      if (groupBy === 'side') return key === 'a' ? sides.sideA : sides.sideB;
      if (groupBy === 'industry') return key ? (industries().section(key)?.name ?? key) : '未填行业';
      return key ? `${key}年` : '未签约';
    };
    return {
      ...this.overview(),
      groups: [...this.groups]
        .filter(([, g]) => g.sums.reached[0]! > 0)
        // Each grouping's keys are ASCII of one form (a side, an industry section, a year, a uuid's text), which every
        // collation orders as this does: the order the database gave them in.
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, g]) => {
          const shown = label(key, g.label);
          // Frozen: one row object goes into every answer until the group changes.
          if (g.row?.label !== shown) g.row = Object.freeze(rateRow(g.sums, key, shown));
          return g.row;
        }),
    };
  }
}

/** Per database handle (a transaction's handle reads its own pieces afresh), the running sums of each question. */
const kept = new WeakMap<object, Map<string, RunningFigures>>();
const MAX_KEPT = 300;

/**
 * The running sums kept for a grouping of `pairings` (the reader's scope and the pairing asked, as a key): any list
 * of pieces may be given to them (`update`), so the key only decides which list they most likely differ least from.
 */
export function keptFigures(
  db: object,
  pairings: string,
  groupBy: StatsGroupBy | null,
  demo: boolean | undefined,
): RunningFigures {
  let byQuestion = kept.get(db);
  if (!byQuestion) kept.set(db, (byQuestion = new Map()));
  const question = `${groupBy}|${demo}|${pairings}`;
  let running = byQuestion.get(question);
  if (running) byQuestion.delete(question);
  else running = new RunningFigures(groupBy, demo);
  byQuestion.set(question, running);
  if (byQuestion.size > MAX_KEPT) byQuestion.delete(byQuestion.keys().next().value!);
  return running;
}
