import { asc, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { toWan, wan } from '../../../common/money/money.ts';
import type { MoneyFigure, ProjectStage } from '../../../common/api/projects.ts';
import { projectStageMoves, projectFigureReports } from './projects.tables.ts';
import { furthestStage, reachedOn, replay, type StageEntry, type StageMove, type StageState } from './stage-machine.ts';
import { currentFigures, type FigureReport } from './project-money.ts';
import type { Period } from '../../kernel/reporting-period.ts';

/** A project's stage history and money reports as the domain rules take them. */
export interface ProjectHistory {
  state: StageState;
  reports: FigureReport[];
}

export async function loadHistory(db: DbOrTx, projectId: string): Promise<ProjectHistory> {
  return (await loadHistories(db, [projectId])).get(projectId)!;
}

/** The histories of several projects with two queries (one after the other: `db` is often a transaction's single client). */
export async function loadHistories(db: DbOrTx, projectIds: readonly string[]): Promise<Map<string, ProjectHistory>> {
  const out = new Map<string, { moves: StageMove[]; reports: FigureReport[] }>(
    projectIds.map((id) => [id, { moves: [], reports: [] }]),
  );
  if (!projectIds.length) return new Map();
  const moves = await db
    .select()
    .from(projectStageMoves)
    .where(inArray(projectStageMoves.projectId, [...projectIds]))
    .orderBy(asc(projectStageMoves.projectId), asc(projectStageMoves.ordinal));
  const reports = await db
    .select()
    .from(projectFigureReports)
    .where(inArray(projectFigureReports.projectId, [...projectIds]));
  for (const m of moves) out.get(m.projectId)!.moves.push({ to: m.toStage, on: String(m.on), note: m.note });
  for (const x of reports) {
    out.get(x.projectId)!.reports.push({
      figure: x.figure,
      period: { year: x.periodYear, month: x.periodMonth },
      amount: wan(x.amountWan),
      recordedAt: x.recordedAt.toISOString(),
      override: x.overrideReason ? { reason: x.overrideReason } : null,
    });
  }
  const histories = new Map<string, ProjectHistory>();
  for (const [id, h] of out) {
    // Stored moves were checked when made; replayed here with no upper date bound, so a history stays readable.
    const r = replay(h.moves, '9999-12-31');
    if (!r.ok) throw new Error(`project ${id} has an invalid stored history: ${r.error.code}`);
    histories.set(id, { state: r.state, reports: h.reports });
  }
  return histories;
}

export async function appendMoves(
  db: DbOrTx,
  projectId: string,
  firstOrdinal: number,
  moves: readonly (StageMove & { from: ProjectStage | null })[],
  userId: string | null,
) {
  if (!moves.length) return;
  await db.insert(projectStageMoves).values(
    moves.map((m, i) => ({
      projectId,
      ordinal: firstOrdinal + i,
      fromStage: m.from,
      toStage: m.to,
      on: m.on,
      note: m.note ?? null,
      recordedBy: userId,
    })),
  );
}

export interface NewReport {
  figure: MoneyFigure;
  period: Period;
  amountFen: bigint;
  overrideReason?: string | null;
}

export async function appendReport(db: DbOrTx, projectId: string, r: NewReport, userId: string | null) {
  await appendReports(db, [{ projectId, ...r }], userId);
}

/** Several projects' reports in one insert. */
export async function appendReports(
  db: DbOrTx,
  rows: readonly (NewReport & { projectId: string })[],
  userId: string | null,
) {
  if (!rows.length) return;
  await db.insert(projectFigureReports).values(
    rows.map((r) => ({
      projectId: r.projectId,
      figure: r.figure,
      periodYear: r.period.year,
      periodMonth: r.period.month,
      amountWan: toWan(r.amountFen),
      overrideReason: r.overrideReason ?? null,
      recordedBy: userId,
      // Reports of one request are ordered by insertion; clock_timestamp() differs per row where now() would not.
      recordedAt: sql`clock_timestamp()`,
    })),
  );
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
