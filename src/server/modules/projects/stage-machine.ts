import { fieldError, type ErrorDetail } from '../../http/app-error.ts';
import { PIPELINE_STAGES, type PipelineStage, type ProjectStage } from '../../../common/api/projects.ts';

/**
 * The stage machine of a cooperation project: 谋划 → 签约 → 落位 → 开工 → 投产, plus 暂停 and 终止.
 *
 * - A project starts in 谋划, or in 签约 when it comes from an agreement signed at an event.
 * - Forward moves go one stage at a time, except that 落位 may be skipped (a project moving into premises it
 *   already has starts construction straight after signing). So nothing starts before it is signed, and nothing
 *   produces before it has started.
 * - 暂停 is possible from any stage before 投产, and resumes only to the stage it left.
 * - 终止 is possible from any stage before 投产 (including 暂停) and is final. A finished project (投产) is neither
 *   paused nor terminated: its history stays as it was.
 * - Every move has a date, on or after the previous move's date and not in the future.
 * The history is only ever appended to: a stopped project keeps the moves that led there.
 */
export interface StageMove {
  to: ProjectStage;
  /** ISO date (YYYY-MM-DD). */
  on: string;
  note?: string | null;
}

export interface StageEntry extends StageMove {
  from: ProjectStage | null;
}

export interface StageState {
  stage: ProjectStage;
  /** For 暂停: the stage to resume to. */
  pausedFrom: PipelineStage | null;
  history: StageEntry[];
}

/** Names for messages: Chinese as officials say them, English for the English interface. */
export const STAGE_NAMES: Record<ProjectStage, [zh: string, en: string]> = {
  planning: ['谋划', 'planning'],
  signed: ['签约', 'signed'],
  sited: ['落位', 'sited'],
  started: ['开工', 'construction started'],
  producing: ['投产', 'in production'],
  paused: ['暂停', 'paused'],
  terminated: ['终止', 'terminated'],
};

export const INITIAL_STAGES: readonly ProjectStage[] = ['planning', 'signed'];

const FORWARD: Record<PipelineStage, readonly PipelineStage[]> = {
  planning: ['signed'],
  signed: ['sited', 'started'],
  sited: ['started'],
  started: ['producing'],
  producing: [],
};

export type StageResult = { ok: true; state: StageState } | { ok: false; error: ErrorDetail };

const isPipeline = (s: ProjectStage): s is PipelineStage => (PIPELINE_STAGES as readonly string[]).includes(s);

/** The stages the project may move to next: what the page offers as buttons. */
export function nextStages(state: Pick<StageState, 'stage' | 'pausedFrom'>): ProjectStage[] {
  const { stage } = state;
  if (stage === 'terminated') return [];
  if (stage === 'paused') return [state.pausedFrom!, 'terminated'];
  if (stage === 'producing') return [];
  return [...FORWARD[stage], 'paused', 'terminated'];
}

export function startState(initial: StageMove, today: string): StageResult {
  if (!INITIAL_STAGES.includes(initial.to))
    return { ok: false, error: fieldError('stage', 'illegal_initial_stage', { stage: initial.to }) };
  if (initial.on > today) return { ok: false, error: fieldError('on', 'date_in_future') };
  return { ok: true, state: { stage: initial.to, pausedFrom: null, history: [{ ...initial, from: null }] } };
}

export function applyMove(state: StageState, move: StageMove, today: string): StageResult {
  if (!nextStages(state).includes(move.to)) {
    const [from, fromEn] = STAGE_NAMES[state.stage];
    const [to, toEn] = STAGE_NAMES[move.to];
    return { ok: false, error: fieldError('to', 'illegal_stage_move', { from, to, fromEn, toEn }) };
  }
  const last = state.history[state.history.length - 1];
  if (last && move.on < last.on)
    return { ok: false, error: fieldError('on', 'stage_date_order', { previous: last.on }) };
  if (move.on > today) return { ok: false, error: fieldError('on', 'date_in_future') };
  const pausedFrom = move.to === 'paused' ? (isPipeline(state.stage) ? state.stage : null) : null;
  return {
    ok: true,
    state: { stage: move.to, pausedFrom, history: [...state.history, { ...move, from: state.stage }] },
  };
}

/** Replays a stored history, refusing it if any step was illegal (used for imports and to check stored data). */
export function replay(moves: readonly StageMove[], today: string): StageResult {
  if (moves.length === 0) return { ok: false, error: fieldError('stage', 'required') };
  let r = startState(moves[0]!, today);
  for (const m of moves.slice(1)) {
    if (!r.ok) return r;
    r = applyMove(r.state, m, today);
  }
  return r;
}

/** Whether the project ever reached `stage` (a paused or terminated project keeps the stages it reached). */
export function reached(history: readonly StageEntry[], stage: PipelineStage): boolean {
  return history.some((h) => h.to === stage);
}

/** The date the project first reached `stage`, or null. */
export function reachedOn(history: readonly StageEntry[], stage: PipelineStage): string | null {
  return history.find((h) => h.to === stage)?.on ?? null;
}

/** The furthest pipeline stage reached, for the funnel: a paused project counts where it was. */
export function furthestStage(history: readonly StageEntry[]): PipelineStage {
  let best = 0;
  for (const h of history) if (isPipeline(h.to)) best = Math.max(best, PIPELINE_STAGES.indexOf(h.to));
  return PIPELINE_STAGES[best]!;
}

/**
 * The moves that bring a new project to `stage` from the dates a spreadsheet row gives (签约日期, 落位日期,
 * 开工日期, 投产日期). The dates are required for every stage reached, except 落位, which may be skipped.
 */
export function movesFromDates(
  stage: PipelineStage,
  dates: Partial<Record<PipelineStage, string | null>>,
  createdOn: string,
): { ok: true; moves: StageMove[] } | { ok: false; errors: ErrorDetail[] } {
  const target = PIPELINE_STAGES.indexOf(stage);
  const errors: ErrorDetail[] = [];
  const moves: StageMove[] = [];
  // A project imported past 谋划 starts at 签约 unless the sheet dates its 谋划 too.
  if (target === 0 || dates.planning) moves.push({ to: 'planning', on: dates.planning ?? createdOn });
  for (const s of PIPELINE_STAGES.slice(1)) {
    const i = PIPELINE_STAGES.indexOf(s);
    const on = dates[s];
    if (i > target) {
      if (on) errors.push(fieldError(`dates.${s}`, 'date_beyond_stage', { stage }));
      continue;
    }
    if (!on) {
      if (s !== 'sited') errors.push(fieldError(`dates.${s}`, 'stage_date_required', { stage: s }));
      continue;
    }
    moves.push({ to: s, on });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, moves };
}
