import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { uuidArray } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { programmes, sourceDocuments } from './programmes.tables.ts';

export async function findProgramme(db: DbOrTx, id: string) {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

/** Programmes are visible to every business role; the pairing count is limited to the pairings the actor sees. */
export async function listProgrammes(db: DbOrTx, actor: Actor) {
  const visible = actor.scope.all ? sql`true` : sql`${pairings.id} = ANY(${uuidArray(actor.scope.pairingIds)})`;
  return db
    .select({
      programme: programmes,
      sourceTitle: sourceDocuments.title,
      sourceDocNo: sourceDocuments.docNo,
      pairingCount: sql<number>`(SELECT count(*)::int FROM ${pairings} WHERE ${pairings.programmeId} = ${programmes.id} AND ${pairings.parentId} IS NULL AND ${visible})`,
    })
    .from(programmes)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, programmes.sourceDocumentId))
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
