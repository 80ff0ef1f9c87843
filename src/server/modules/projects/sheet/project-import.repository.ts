import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { insertViaJson } from '../../../kernel/sheet/json-insert.ts';
import { projects, projectStageMoves, projectFigureReports } from '../projects.tables.ts';

/** New projects with their moves and reports, each kind in one insert (ids made by the caller). */
export async function insertImportedProjects(
  db: DbOrTx,
  rows: {
    projects: (typeof projects.$inferInsert)[];
    moves: (typeof projectStageMoves.$inferInsert)[];
    reports: (typeof projectFigureReports.$inferInsert)[];
  },
): Promise<void> {
  await insertViaJson(db, projects, rows.projects);
  await insertViaJson(db, projectStageMoves, rows.moves);
  await insertViaJson(db, projectFigureReports, rows.reports);
}

/** Locks the rows until the transaction ends, so histories read after include any other writer's commits. */
export async function lockProjects(db: DbOrTx, ids: readonly string[]): Promise<void> {
  await db
    .select({ id: projects.id })
    .from(projects)
    .where(inArray(projects.id, [...ids]))
    .for('update');
}

/** Saves an imported project over whatever version it is at (the caller holds it locked). */
export async function saveImportedProject(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof projects.$inferInsert>,
): Promise<void> {
  await db
    .update(projects)
    .set({ ...patch, version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(eq(projects.id, id));
}
