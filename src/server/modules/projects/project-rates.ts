import {
  PIPELINE_STAGES,
  PROJECT_STAGES,
  MONEY_FIGURES,
  type MoneyFigure,
  type PipelineStage,
  type ProjectStage,
} from '../../../common/api/projects.ts';
import { percentage, type Fen } from '../../../common/money/money.ts';

/**
 * The dashboard's figures over a set of projects, defined once here (the SQL aggregates are checked against these):
 * - funnel: how many projects reached each pipeline stage (a paused or terminated project counts up to where it
 *   got), and how many are in each stage now;
 * - money by current stage, each figure summed on its own;
 * - 到位率 = Σ到位资金 / Σ签约额, 开工率 = projects that reached 开工 / projects that reached 签约, 投产率 = projects
 *   that reached 投产 / projects that reached 签约; all over projects that reached 签约, as percentages with two
 *   decimals, null when no project was signed.
 */
export interface ProjectFacts {
  stage: ProjectStage;
  furthest: PipelineStage;
  figures: Record<MoneyFigure, Fen>;
}

export interface Rates {
  signedProjects: number;
  startedProjects: number;
  producingProjects: number;
  signedAmount: Fen;
  arrivedFunds: Fen;
  arrivalRate: string | null;
  startRate: string | null;
  productionRate: string | null;
}

const zeroFigures = (): Record<MoneyFigure, Fen> => ({ signed: 0n, planned: 0n, arrived: 0n, completed: 0n });
const atLeast = (p: ProjectFacts, s: PipelineStage) =>
  PIPELINE_STAGES.indexOf(p.furthest) >= PIPELINE_STAGES.indexOf(s);

export function funnel(projects: readonly ProjectFacts[]) {
  const reached = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<PipelineStage, number>;
  const current = Object.fromEntries(PROJECT_STAGES.map((s) => [s, 0])) as Record<ProjectStage, number>;
  for (const p of projects) {
    for (const s of PIPELINE_STAGES) if (atLeast(p, s)) reached[s] += 1;
    current[p.stage] += 1;
  }
  return { reached, current };
}

export function moneyByStage(projects: readonly ProjectFacts[]): Record<ProjectStage, Record<MoneyFigure, Fen>> {
  const out = Object.fromEntries(PROJECT_STAGES.map((s) => [s, zeroFigures()])) as Record<
    ProjectStage,
    Record<MoneyFigure, Fen>
  >;
  for (const p of projects) for (const f of MONEY_FIGURES) out[p.stage][f] += p.figures[f];
  return out;
}

export function rates(projects: readonly ProjectFacts[]): Rates {
  const signed = projects.filter((p) => atLeast(p, 'signed'));
  const startedProjects = signed.filter((p) => atLeast(p, 'started')).length;
  const producingProjects = signed.filter((p) => atLeast(p, 'producing')).length;
  const signedAmount = signed.reduce((s, p) => s + p.figures.signed, 0n);
  const arrivedFunds = signed.reduce((s, p) => s + p.figures.arrived, 0n);
  const n = BigInt(signed.length);
  return {
    signedProjects: signed.length,
    startedProjects,
    producingProjects,
    signedAmount,
    arrivedFunds,
    arrivalRate: percentage(arrivedFunds, signedAmount),
    startRate: percentage(BigInt(startedProjects), n),
    productionRate: percentage(BigInt(producingProjects), n),
  };
}

/** Rates per group (pairing, side, industry, signing year…), groups in first-seen order. */
export function ratesBy<T extends ProjectFacts>(projects: readonly T[], key: (p: T) => string): Map<string, Rates> {
  const groups = new Map<string, T[]>();
  for (const p of projects) groups.set(key(p), [...(groups.get(key(p)) ?? []), p]);
  return new Map([...groups].map(([k, ps]) => [k, rates(ps)]));
}
