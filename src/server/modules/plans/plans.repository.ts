import { and, asc, count, desc, eq, getTableColumns, ilike, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { containing } from '../../kernel/like-pattern.ts';
import { jsonRows } from '../../kernel/json-rows.ts';
import { preparedByShape } from '../../kernel/prepared-by-shape.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { programmeRowsInScope, uuidArray } from '../../kernel/pairing-scope.repository.ts';
import { plans, planSections } from './plans.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { sourceDocuments } from '../programmes/programmes.tables.ts';

/**
 * The plans an actor may see: those of its pairings and their sub-pairs, and the programme-level plans (the
 * State Council's 工作方案) every pairing works under, of the programmes the actor works in. Every plan query goes
 * through it.
 */
function planScope(actor: Actor): SQL | undefined {
  if (actor.scope.all) return undefined;
  return sql`((${plans.pairingId} IS NULL AND ${programmeRowsInScope(actor, plans.programmeId)})
    OR ${plans.pairingId} = ANY(${uuidArray(actor.scope.pairingIds)}))`;
}

const planColumns = {
  id: plans.id,
  programmeId: plans.programmeId,
  pairingId: plans.pairingId,
  pairingName: pairings.name,
  kind: plans.kind,
  title: plans.title,
  docNo: plans.docNo,
  year: plans.year,
  parentPlanId: plans.parentPlanId,
  versionNo: plans.versionNo,
  current: plans.current,
  createdAt: plans.createdAt,
};

export interface PlanFilter {
  pairingId?: string;
  kind?: string;
  year?: number;
  all?: boolean;
  q?: string;
}

const listQuery = (db: DbOrTx) =>
  db.select(planColumns).from(plans).leftJoin(pairings, eq(pairings.id, plans.pairingId));
export type PlanSummaryRow = Awaited<ReturnType<typeof listQuery>>[number];

export async function listPlans(db: DbOrTx, actor: Actor, f: PlanFilter, page: number, pageSize: number) {
  const where = and(
    planScope(actor),
    f.all ? undefined : eq(plans.current, true),
    f.pairingId ? eq(plans.pairingId, f.pairingId) : undefined,
    f.kind ? eq(plans.kind, f.kind as never) : undefined,
    f.year ? eq(plans.year, f.year) : undefined,
    f.q ? ilike(plans.title, containing(f.q)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    listQuery(db)
      .where(where)
      .orderBy(
        sql`${plans.pairingId} IS NOT NULL`,
        asc(pairings.name),
        asc(plans.kind),
        desc(plans.year),
        desc(plans.versionNo),
        asc(plans.id),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(plans).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/**
 * A plan with its source document's name and length, its sections and the versions of its lineage, in one statement
 * (the lists as JSON columns, kernel/json-rows.ts) built once per scope; undefined when the actor may not see it.
 * Three statements sent together cost a plan page's miss two more round trips, each a write to the database's
 * socket and its own parse and plan there, for a page of a few rows each.
 */
export async function findPlanDetail(db: DbOrTx, actor: Actor, id: string) {
  const detail = preparedByShape(db, actor, 'plan-detail', () => {
    const planId = sql.placeholder('id');
    const version = alias(plans, 'version');
    return db
      .select({
        row: {
          ...planColumns,
          supersedesId: plans.supersedesId,
          changes: plans.changes,
          sourceDocumentId: plans.sourceDocumentId,
          sourceTitle: sourceDocuments.title,
          sourceFileName: sourceDocuments.fileName,
          sourceLineCount: sourceDocuments.lineCount,
        },
        sections: jsonRows(getTableColumns(planSections), planSections, eq(planSections.planId, plans.id), [
          asc(planSections.ordinal),
        ]),
        versions: jsonRows(
          { id: version.id, versionNo: version.versionNo, current: version.current, createdAt: version.createdAt },
          // The alias spelt out: a subquery's FROM of an alias names only the alias.
          sql`${plans} ${sql.identifier('version')}`,
          eq(version.lineageKey, plans.lineageKey),
          [desc(version.versionNo)],
        ),
      })
      .from(plans)
      .leftJoin(pairings, eq(pairings.id, plans.pairingId))
      .leftJoin(sourceDocuments, eq(sourceDocuments.id, plans.sourceDocumentId))
      .where(and(eq(plans.id, planId), planScope(actor)))
      .prepare(undefined as never);
  });
  const [found] = await detail.execute({ id });
  return found;
}
export type PlanDetailRows = NonNullable<Awaited<ReturnType<typeof findPlanDetail>>>;

/** The current version of a lineage, locked so two imports of the same plan cannot both supersede it. */
export async function currentOfLineage(db: DbOrTx, lineageKey: string) {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.lineageKey, lineageKey), eq(plans.current, true)))
    .for('update');
  return row;
}

/** Current plans of a pairing's plan kinds that annual plans serve (implementation, special, division). */
export async function currentSourcePlans(db: DbOrTx, pairingId: string) {
  return db
    .select({ id: plans.id, kind: plans.kind })
    .from(plans)
    .where(and(eq(plans.pairingId, pairingId), eq(plans.current, true), sql`${plans.kind} <> 'annual'`))
    .orderBy(sql`${plans.kind} <> 'implementation'`, asc(plans.createdAt));
}

export async function insertPlan(db: DbOrTx, row: typeof plans.$inferInsert) {
  const [created] = await db.insert(plans).values(row).returning({ id: plans.id });
  return created!.id;
}

export async function retirePlan(db: DbOrTx, id: string) {
  await db.update(plans).set({ current: false, updatedAt: new Date() }).where(eq(plans.id, id));
}

export async function insertSection(db: DbOrTx, row: typeof planSections.$inferInsert) {
  const [created] = await db.insert(planSections).values(row).returning({ id: planSections.id });
  return created!.id;
}

/** The whole normalised text of the document a plan was imported from, when the user may see the plan. */
export async function planSourceText(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      title: sourceDocuments.title,
      fileName: sourceDocuments.fileName,
      body: sourceDocuments.body,
      sha256: sourceDocuments.sha256,
    })
    .from(plans)
    .innerJoin(sourceDocuments, eq(sourceDocuments.id, plans.sourceDocumentId))
    .where(and(eq(plans.id, id), planScope(actor)));
  return row;
}
