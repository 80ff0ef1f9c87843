import { toWan, wan } from '../../../common/money/money.ts';
import type { MoneyFigure } from '../../../common/api/projects.ts';
import type { projectFigureReports, projectStageMoves } from './projects.tables.ts';
import { furthestStage, reachedOn, replay, type StageEntry, type StageState } from './stage-machine.ts';
import { currentFigures, type FigureReport } from './project-money.ts';
import type { Period } from '../../kernel/reporting-period.ts';

export type StageMoveRow = typeof projectStageMoves.$inferSelect;
export type FigureReportRow = typeof projectFigureReports.$inferSelect;

/** A project's stage history and money reports as the domain rules take them. */
export interface ProjectHistory {
  state: StageState;
  reports: FigureReport[];
}

/** A money report to store. */
export interface NewReport {
  figure: MoneyFigure;
  period: Period;
  amountFen: bigint;
  overrideReason?: string | null;
}

/** The stored moves (in order) and reports of one project, replayed into its history. */
export function historyOf(
  projectId: string,
  moves: readonly Pick<StageMoveRow, 'toStage' | 'on' | 'note'>[],
  reports: readonly FigureReportRow[],
): ProjectHistory {
  // Stored moves were checked when made; replayed here with no upper date bound, so a history stays readable.
  const r = replay(
    moves.map((m) => ({ to: m.toStage, on: String(m.on), note: m.note })),
    '9999-12-31',
  );
  if (!r.ok) throw new Error(`project ${projectId} has an invalid stored history: ${r.error.code}`);
  return {
    state: r.state,
    reports: reports.map((x) => ({
      figure: x.figure,
      period: { year: x.periodYear, month: x.periodMonth },
      amount: wan(x.amountWan),
      recordedAt: x.recordedAt.toISOString(),
      override: x.overrideReason ? { reason: x.overrideReason } : null,
    })),
  };
}

/**
 * The recordedAt to reckon with for a report just appended: the database stamps it later than every report before
 * it, whatever this process's clock says, so it is the newest.
 */
export const NEWEST = '9999-12-31T23:59:59.999Z';

/** The columns derived from the history: stage, where it got to, the stage dates and the current figures. */
export function derivedColumns(history: readonly StageEntry[], state: StageState, reports: readonly FigureReport[]) {
  const figures = currentFigures(reports);
  return {
    stage: state.stage,
    pausedFrom: state.pausedFrom,
    furthestStage: furthestStage(history),
    signedOn: reachedOn(history, 'signed'),
    startedOn: reachedOn(history, 'started'),
    producingOn: reachedOn(history, 'producing'),
    signedWan: toWan(figures.signed),
    plannedWan: toWan(figures.planned),
    arrivedWan: toWan(figures.arrived),
    completedWan: toWan(figures.completed),
  };
}
