import { type AnyColumn, and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ADOPTION_STAGES, type AdoptionStage, type PracticeCategory, type Side } from '../../../common/api/enums.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { attachments } from '../../kernel/attachments/attachments.tables.ts';
import { containing } from '../../kernel/like-pattern.ts';
import { pairingCondition, rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { replicationAdoptions, replicationPractices, replicationStages } from './replication.tables.ts';

export const practiceScope = (actor: Actor): SQL | undefined =>
  rowsInPairingScope(actor, replicationPractices.pairingId);

/** A stage's place in 学习借鉴 → 试点 → 推广 → 制度化 (1-based, as array_position answers). */
const STAGE_ORDER = sql.raw(`ARRAY[${ADOPTION_STAGES.map((s) => `'${s}'`).join(',')}]::text[]`);
const stageRank = (column: SQL | AnyColumn) => sql`array_position(${STAGE_ORDER}, ${column})`;

const sourceRegion = alias(regions, 'source_region');

const summaryColumns = {
  id: replicationPractices.id,
  pairingId: replicationPractices.pairingId,
  pairingName: pairings.name,
  title: replicationPractices.title,
  category: replicationPractices.category,
  sourceSide: replicationPractices.sourceSide,
  sourceRegionCode: replicationPractices.sourceRegionCode,
  sourceRegionName: sourceRegion.name,
  sourceDocTitle: replicationPractices.sourceDocTitle,
  sourceDocDate: replicationPractices.sourceDocDate,
  adoptionCount: sql<number>`(SELECT count(*)::int FROM ${replicationAdoptions} a WHERE a.practice_id = ${replicationPractices.id})`,
  furthestRank: sql<
    number | null
  >`(SELECT max(${stageRank(sql`a.stage`)}) FROM ${replicationAdoptions} a WHERE a.practice_id = ${replicationPractices.id})`,
  createdAt: replicationPractices.createdAt,
  isDemo: replicationPractices.isDemo,
};
export type PracticeSummaryRow = Awaited<ReturnType<typeof listPractices>>['items'][number];

export interface PracticeFilter {
  pairingId?: string;
  withSubPairs?: boolean;
  category?: PracticeCategory;
  sourceSide?: Side;
  stage?: AdoptionStage;
  year?: number;
  q?: string | null;
  demo?: boolean;
}

/** The year a practice was registered, in China time. */
const registeredYear = sql`extract(year FROM ${replicationPractices.createdAt} AT TIME ZONE 'Asia/Shanghai')::int`;

function practiceCondition(actor: Actor, f: PracticeFilter): SQL | undefined {
  return and(
    practiceScope(actor),
    pairingCondition(replicationPractices.pairingId, f.pairingId, f.withSubPairs),
    f.category ? eq(replicationPractices.category, f.category) : undefined,
    f.sourceSide ? eq(replicationPractices.sourceSide, f.sourceSide) : undefined,
    f.stage
      ? sql`EXISTS (SELECT 1 FROM ${replicationAdoptions} a WHERE a.practice_id = ${replicationPractices.id}
          AND ${stageRank(sql`a.stage`)} >= ${ADOPTION_STAGES.indexOf(f.stage) + 1})`
      : undefined,
    f.year ? sql`${registeredYear} = ${f.year}` : undefined,
    f.q
      ? sql`(${replicationPractices.title} ILIKE ${containing(f.q)} OR ${replicationPractices.description} ILIKE ${containing(f.q)})`
      : undefined,
    f.demo !== undefined ? eq(replicationPractices.isDemo, f.demo) : undefined,
  );
}

export async function listPractices(db: DbOrTx, actor: Actor, f: PracticeFilter, page: number, pageSize: number) {
  const where = practiceCondition(actor, f);
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(replicationPractices)
      .innerJoin(pairings, eq(pairings.id, replicationPractices.pairingId))
      .innerJoin(sourceRegion, eq(sourceRegion.code, replicationPractices.sourceRegionCode))
      .where(where)
      .orderBy(desc(replicationPractices.createdAt), asc(replicationPractices.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(replicationPractices).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findPractice(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(replicationPractices)
    .where(and(eq(replicationPractices.id, id), practiceScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

/** A practice with its adoptions, their stages and the stages' files: four queries whatever their number. */
export async function findPracticeDetail(db: DbOrTx, actor: Actor, id: string) {
  const [found] = await db
    .select({ summary: summaryColumns, row: replicationPractices })
    .from(replicationPractices)
    .innerJoin(pairings, eq(pairings.id, replicationPractices.pairingId))
    .innerJoin(sourceRegion, eq(sourceRegion.code, replicationPractices.sourceRegionCode))
    .where(and(eq(replicationPractices.id, id), practiceScope(actor)));
  if (!found) return undefined;
  const adoptions = await db
    .select({ row: replicationAdoptions, regionName: regions.name })
    .from(replicationAdoptions)
    .innerJoin(regions, eq(regions.code, replicationAdoptions.regionCode))
    .where(eq(replicationAdoptions.practiceId, id))
    .orderBy(desc(stageRank(replicationAdoptions.stage)), asc(replicationAdoptions.createdAt));
  const stages = adoptions.length
    ? await db
        .select()
        .from(replicationStages)
        .where(
          inArray(
            replicationStages.adoptionId,
            adoptions.map((a) => a.row.id),
          ),
        )
        .orderBy(asc(replicationStages.recordedAt), asc(replicationStages.id))
    : [];
  const files = stages.length
    ? await db
        .select()
        .from(attachments)
        .where(
          and(
            eq(attachments.ownerKind, 'replication_stage'),
            inArray(
              attachments.ownerId,
              stages.map((s) => s.id),
            ),
          ),
        )
        .orderBy(asc(attachments.uploadedAt), asc(attachments.id))
    : [];
  return { ...found, adoptions, stages, files };
}
export type PracticeDetailRows = NonNullable<Awaited<ReturnType<typeof findPracticeDetail>>>;

export async function insertPractice(db: DbOrTx, values: typeof replicationPractices.$inferInsert): Promise<string> {
  const [row] = await db.insert(replicationPractices).values(values).returning({ id: replicationPractices.id });
  return row!.id;
}

export async function updatePracticeRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof replicationPractices.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(replicationPractices)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(replicationPractices.id, id), eq(replicationPractices.version, version)))
    .returning({ id: replicationPractices.id });
  return updated.length > 0;
}

/** An adoption with its practice, if the practice is in the actor's scope; locked for a change when asked. */
export async function findAdoption(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ adoption: replicationAdoptions, practice: replicationPractices })
    .from(replicationAdoptions)
    .innerJoin(replicationPractices, eq(replicationPractices.id, replicationAdoptions.practiceId))
    .where(and(eq(replicationAdoptions.id, id), practiceScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update', { of: replicationAdoptions }) : q);
  return row;
}

export async function insertAdoption(db: DbOrTx, values: typeof replicationAdoptions.$inferInsert): Promise<string> {
  const [row] = await db.insert(replicationAdoptions).values(values).returning({ id: replicationAdoptions.id });
  return row!.id;
}

export async function updateAdoptionRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof replicationAdoptions.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(replicationAdoptions)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(replicationAdoptions.id, id), eq(replicationAdoptions.version, version)))
    .returning({ id: replicationAdoptions.id });
  return updated.length > 0;
}

export async function insertStage(db: DbOrTx, values: typeof replicationStages.$inferInsert): Promise<string> {
  const [row] = await db.insert(replicationStages).values(values).returning({ id: replicationStages.id });
  return row!.id;
}

/** An adoption's stages not withdrawn, furthest first. */
export async function standingStages(db: DbOrTx, adoptionId: string) {
  return db
    .select()
    .from(replicationStages)
    .where(and(eq(replicationStages.adoptionId, adoptionId), isNull(replicationStages.withdrawnAt)))
    .orderBy(desc(stageRank(replicationStages.stage)), desc(replicationStages.reachedOn));
}

export async function withdrawStageRow(db: DbOrTx, id: string, reason: string): Promise<void> {
  await db
    .update(replicationStages)
    .set({ withdrawnAt: new Date(), withdrawnReason: reason })
    .where(eq(replicationStages.id, id));
}

/** A stage with its adoption and practice, if in the actor's scope. */
export async function findStage(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ stage: replicationStages, adoption: replicationAdoptions, practiceId: replicationPractices.id })
    .from(replicationStages)
    .innerJoin(replicationAdoptions, eq(replicationAdoptions.id, replicationStages.adoptionId))
    .innerJoin(replicationPractices, eq(replicationPractices.id, replicationAdoptions.practiceId))
    .where(and(eq(replicationStages.id, id), practiceScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update', { of: replicationStages }) : q);
  return row;
}

/** Per source side: practices, those replicated (an adoption at 试点 or beyond) and institutionalised, adoptions by stage. */
export async function countsBySide(db: DbOrTx, actor: Actor, f: { pairingId?: string; withSubPairs?: boolean }) {
  const pilot = ADOPTION_STAGES.indexOf('pilot') + 1;
  const rows = await db
    .select({
      side: replicationPractices.sourceSide,
      practices: sql<number>`count(DISTINCT ${replicationPractices.id})::int`,
      replicated: sql<number>`count(DISTINCT ${replicationPractices.id}) FILTER (WHERE ${stageRank(replicationAdoptions.stage)} >= ${pilot})::int`,
      institutionalised: sql<number>`count(DISTINCT ${replicationPractices.id}) FILTER (WHERE ${replicationAdoptions.stage} = 'institutionalised')::int`,
      adoptions: sql<number>`count(${replicationAdoptions.id})::int`,
      ...Object.fromEntries(
        ADOPTION_STAGES.map((s) => [s, sql<number>`count(*) FILTER (WHERE ${replicationAdoptions.stage} = ${s})::int`]),
      ),
    })
    .from(replicationPractices)
    .leftJoin(replicationAdoptions, eq(replicationAdoptions.practiceId, replicationPractices.id))
    .where(practiceCondition(actor, f))
    .groupBy(replicationPractices.sourceSide);
  return rows as (Omit<(typeof rows)[number], AdoptionStage> & Record<AdoptionStage, number>)[];
}

/** Practices registered per source side and year. */
export async function registeredByYear(db: DbOrTx, actor: Actor, f: { pairingId?: string; withSubPairs?: boolean }) {
  return db
    .select({
      side: replicationPractices.sourceSide,
      year: sql<number>`${registeredYear}`,
      n: sql<number>`count(*)::int`,
    })
    .from(replicationPractices)
    .where(practiceCondition(actor, f))
    .groupBy(replicationPractices.sourceSide, registeredYear);
}

/** Stages reached (not withdrawn) per source side, year and stage. */
export async function stagesByYear(db: DbOrTx, actor: Actor, f: { pairingId?: string; withSubPairs?: boolean }) {
  const year = sql<number>`extract(year FROM ${replicationStages.reachedOn})::int`;
  return db
    .select({
      side: replicationPractices.sourceSide,
      year,
      stage: replicationStages.stage,
      n: sql<number>`count(*)::int`,
    })
    .from(replicationStages)
    .innerJoin(replicationAdoptions, eq(replicationAdoptions.id, replicationStages.adoptionId))
    .innerJoin(replicationPractices, eq(replicationPractices.id, replicationAdoptions.practiceId))
    .where(and(practiceCondition(actor, f), isNull(replicationStages.withdrawnAt)))
    .groupBy(replicationPractices.sourceSide, year, replicationStages.stage);
}
