import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { FEN_PER_WAN, toWan, wan } from '../../../common/money/money.ts';
import type { MoneyFigure, ProjectStage } from '../../../common/api/projects.ts';
import { projects, projectStageMoves, projectFigureReports } from './projects.tables.ts';
import { furthestStage, reachedOn, replay, type StageEntry, type StageMove, type StageState } from './stage-machine.ts';
import { currentFigures, type FigureReport } from './project-money.ts';
import type { Period } from './reporting-period.ts';

/** A project's stage history and money reports as the domain rules take them. */
export interface ProjectHistory {
  state: StageState;
  reports: FigureReport[];
}

export async function loadHistory(db: DbOrTx, projectId: string, today: string): Promise<ProjectHistory> {
  // One after the other: `db` is often a transaction, whose single client must not be sent two queries at once.
  const moves = await db.select().from(projectStageMoves).where(eq(projectStageMoves.projectId, projectId)).orderBy(asc(projectStageMoves.ordinal));
  const reports = await db.select().from(projectFigureReports).where(eq(projectFigureReports.projectId, projectId));
  // Stored moves were checked when made; replayed here with no upper date bound, so a history stays readable.
  const r = replay(moves.map((m) => ({ to: m.toStage, on: String(m.on), note: m.note })), '9999-12-31');
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

export async function appendMoves(db: DbOrTx, projectId: string, firstOrdinal: number, moves: readonly (StageMove & { from: ProjectStage | null })[], userId: string | null) {
  if (!moves.length) return;
  await db.insert(projectStageMoves).values(
    moves.map((m, i) => ({ projectId, ordinal: firstOrdinal + i, fromStage: m.from, toStage: m.to, on: m.on, note: m.note ?? null, recordedBy: userId })),
  );
}

export async function appendReport(
  db: DbOrTx,
  projectId: string,
  r: { figure: MoneyFigure; period: Period; amountFen: bigint; overrideReason?: string | null },
  userId: string | null,
) {
  await db.insert(projectFigureReports).values({
    projectId,
    figure: r.figure,
    periodYear: r.period.year,
    periodMonth: r.period.month,
    amountWan: toWan(r.amountFen),
    overrideReason: r.overrideReason ?? null,
    recordedBy: userId,
    // Reports of one request are ordered by insertion; clock_timestamp() differs per row where now() would not.
    recordedAt: sql`clock_timestamp()`,
  });
}

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

/** Recomputes the derived columns from the stored history, in the caller's transaction. */
export async function syncDerived(db: DbOrTx, projectId: string) {
  const h = await loadHistory(db, projectId, '9999-12-31');
  await db
    .update(projects)
    .set({ ...derivedColumns(h.state.history, h.state, h.reports), updatedAt: new Date() })
    .where(eq(projects.id, projectId));
}

export const fenToWan = (fen: bigint | null | undefined) => (fen === null || fen === undefined ? null : toWan(fen));
export const WAN = FEN_PER_WAN;
