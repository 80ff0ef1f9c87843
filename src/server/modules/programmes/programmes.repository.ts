import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor, PairingScope } from '../../http/context.ts';
import { rowsInPairingScope, uuidArray } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { programmes, sourceDocuments } from './programmes.tables.ts';

export async function findProgramme(db: DbOrTx, id: string) {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

/**
 * The programmes the actor works in: every one for an unrestricted scope, else those with a pairing in their scope
 * (a national office granted one programme sees that one). The pairing count is limited to what the actor sees.
 */
export async function listProgrammes(db: DbOrTx, actor: Actor) {
  const visible = actor.scope.all ? sql`true` : sql`${pairings.id} = ANY(${uuidArray(actor.scope.pairingIds)})`;
  const seen = actor.scope.all
    ? undefined
    : sql`(${programmes.id} = ANY(${uuidArray(actor.scope.programmeIds ?? [])}) OR EXISTS (SELECT 1 FROM ${pairings} WHERE ${pairings.programmeId} = ${programmes.id} AND ${visible}))`;
  return db
    .select({
      programme: programmes,
      sourceTitle: sourceDocuments.title,
      sourceDocNo: sourceDocuments.docNo,
      pairingCount: sql<number>`(SELECT count(*)::int FROM ${pairings} WHERE ${pairings.programmeId} = ${programmes.id} AND ${pairings.parentId} IS NULL AND ${visible})`,
    })
    .from(programmes)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, programmes.sourceDocumentId))
    .where(seen)
    .orderBy(asc(programmes.createdAt));
}
export type ProgrammeListRow = Awaited<ReturnType<typeof listProgrammes>>[number];

/** The programmes by age, oldest first, with the document numbers a plan names its programme by. */
export async function programmeDocNos(db: DbOrTx) {
  return db.select({ id: programmes.id, docNo: programmes.docNo }).from(programmes).orderBy(asc(programmes.createdAt));
}

export async function findSourceDocumentBySha(db: DbOrTx, sha256: string) {
  const [row] = await db
    .select({ id: sourceDocuments.id })
    .from(sourceDocuments)
    .where(eq(sourceDocuments.sha256, sha256));
  return row;
}

export async function insertSourceDocument(db: DbOrTx, row: typeof sourceDocuments.$inferInsert) {
  const [created] = await db.insert(sourceDocuments).values(row).returning({ id: sourceDocuments.id });
  return created!.id;
}

export async function insertProgramme(db: DbOrTx, row: typeof programmes.$inferInsert) {
  const [created] = await db.insert(programmes).values(row).returning({ id: programmes.id });
  return created!.id;
}

export async function countProgrammes(db: DbOrTx) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(programmes);
  return row?.n ?? 0;
}

/** The programme a file names: by its document number when it has one, else by its exact name. */
export async function findProgrammeOfFile(db: DbOrTx, docNo: string | null | undefined, name: string) {
  const [row] = await db
    .select()
    .from(programmes)
    .where(docNo ? eq(programmes.docNo, docNo) : eq(programmes.name, name))
    .orderBy(asc(programmes.createdAt))
    .limit(1);
  return row;
}

export async function updateProgrammeRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof programmes.$inferInsert>,
) {
  const rows = await db
    .update(programmes)
    .set({ ...patch, updatedAt: new Date(), version: sql`${programmes.version} + 1` })
    .where(and(eq(programmes.id, id), eq(programmes.version, version)))
    .returning({ id: programmes.id });
  return rows.length > 0;
}

/**
 * The side names of the programmes whose pairings the actor sees (of one pairing's programme, given its id); two
 * rows at most: enough to tell the view spans several programmes.
 */
export async function sideNamesInView(db: DbOrTx, scope: PairingScope, pairingId?: string | null) {
  return db
    .selectDistinct({
      sideAZh: programmes.sideAZh,
      sideAEn: programmes.sideAEn,
      sideBZh: programmes.sideBZh,
      sideBEn: programmes.sideBEn,
      id: programmes.id,
    })
    .from(programmes)
    .innerJoin(pairings, eq(pairings.programmeId, programmes.id))
    .where(and(rowsInPairingScope({ scope }, pairings.id), pairingId ? eq(pairings.id, pairingId) : undefined))
    .limit(2);
}

/** Each pairing's programme side names, for rows of several programmes (an export of the national office). */
export async function sideNamesOfPairings(db: DbOrTx, pairingIds: readonly string[]) {
  if (!pairingIds.length) return [];
  return db
    .select({
      pairingId: pairings.id,
      sideAZh: programmes.sideAZh,
      sideAEn: programmes.sideAEn,
      sideBZh: programmes.sideBZh,
      sideBEn: programmes.sideBEn,
    })
    .from(pairings)
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .where(sql`${pairings.id} = ANY(${uuidArray(pairingIds)})`);
}
