import { asc, eq, getTableColumns, inArray, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { jsonRows } from '../../kernel/json-rows.ts';
import { toWan } from '../../../common/money/money.ts';
import type { ProjectStage } from '../../../common/api/projects.ts';
import { projectStageMoves, projectFigureReports } from './projects.tables.ts';
import type { StageMove } from './stage-machine.ts';
import {
  historyOf,
  type FigureReportRow,
  type NewReport,
  type ProjectHistory,
  type StageMoveRow,
} from './project-history.ts';

export async function movesOf(db: DbOrTx, projectId: string): Promise<StageMoveRow[]> {
  return db
    .select()
    .from(projectStageMoves)
    .where(eq(projectStageMoves.projectId, projectId))
    .orderBy(asc(projectStageMoves.ordinal));
}

/** A project's moves as a column of a query over projects (its id column), in the order movesOf() gives them. */
export function movesColumn(projectId: AnyColumn) {
  return jsonRows(getTableColumns(projectStageMoves), projectStageMoves, eq(projectStageMoves.projectId, projectId), [
    asc(projectStageMoves.ordinal),
  ]);
}

/** A project's money reports as a column of a query over projects, in the order reportsOf() gives them. */
export function reportsColumn(projectId: AnyColumn) {
  return jsonRows(
    getTableColumns(projectFigureReports),
    projectFigureReports,
    eq(projectFigureReports.projectId, projectId),
    [asc(projectFigureReports.recordedAt), asc(projectFigureReports.id)],
  );
}

export async function reportsOf(db: DbOrTx, projectId: string): Promise<FigureReportRow[]> {
  return db
    .select()
    .from(projectFigureReports)
    .where(eq(projectFigureReports.projectId, projectId))
    .orderBy(asc(projectFigureReports.recordedAt), asc(projectFigureReports.id));
}

/** The histories of several projects with two queries (one after the other: `db` is often a transaction's single client). */
export async function loadHistories(db: DbOrTx, projectIds: readonly string[]): Promise<Map<string, ProjectHistory>> {
  if (!projectIds.length) return new Map();
  const rows = new Map<string, { moves: StageMoveRow[]; reports: FigureReportRow[] }>(
    projectIds.map((id) => [id, { moves: [], reports: [] }]),
  );
  const moves = await db
    .select()
    .from(projectStageMoves)
    .where(inArray(projectStageMoves.projectId, [...projectIds]))
    .orderBy(asc(projectStageMoves.projectId), asc(projectStageMoves.ordinal));
  const reports = await db
    .select()
    .from(projectFigureReports)
    .where(inArray(projectFigureReports.projectId, [...projectIds]));
  for (const m of moves) rows.get(m.projectId)!.moves.push(m);
  for (const r of reports) rows.get(r.projectId)!.reports.push(r);
  return new Map([...rows].map(([id, h]) => [id, historyOf(id, h.moves, h.reports)]));
}

export type NewMoveRow = typeof projectStageMoves.$inferInsert;

/** Moves of several projects in one insert. */
export async function insertMoves(db: DbOrTx, rows: readonly NewMoveRow[]): Promise<void> {
  if (rows.length) await db.insert(projectStageMoves).values([...rows]);
}

/** One project's next moves, numbered on from `firstOrdinal`; answers the stored rows. */
export async function appendMoves(
  db: DbOrTx,
  projectId: string,
  firstOrdinal: number,
  moves: readonly (StageMove & { from: ProjectStage | null })[],
  userId: string | null,
): Promise<StageMoveRow[]> {
  if (!moves.length) return [];
  return db
    .insert(projectStageMoves)
    .values(
      moves.map((m, i) => ({
        projectId,
        ordinal: firstOrdinal + i,
        fromStage: m.from,
        toStage: m.to,
        on: m.on,
        note: m.note ?? null,
        recordedBy: userId,
      })),
    )
    .returning();
}

const reportValues = (r: NewReport & { projectId: string }, userId: string | null) => ({
  projectId: r.projectId,
  figure: r.figure,
  periodYear: r.period.year,
  periodMonth: r.period.month,
  amountWan: toWan(r.amountFen),
  overrideReason: r.overrideReason ?? null,
  recordedBy: userId,
  // Reports of one request are ordered by insertion; clock_timestamp() differs per row where now() would not.
  recordedAt: sql`clock_timestamp()`,
});

/** Several projects' reports in one insert. */
export async function appendReports(
  db: DbOrTx,
  rows: readonly (NewReport & { projectId: string })[],
  userId: string | null,
): Promise<void> {
  if (rows.length) await db.insert(projectFigureReports).values(rows.map((r) => reportValues(r, userId)));
}

/** One report; answers the stored row. */
export async function appendReport(
  db: DbOrTx,
  projectId: string,
  r: NewReport,
  userId: string | null,
): Promise<FigureReportRow> {
  const [row] = await db
    .insert(projectFigureReports)
    .values(reportValues({ projectId, ...r }, userId))
    .returning();
  return row!;
}
