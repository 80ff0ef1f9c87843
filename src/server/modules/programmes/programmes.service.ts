import crypto from 'node:crypto';
import type { AuthedContext, RequestContext } from '../../http/context.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import type { programmes } from './programmes.tables.ts';
import {
  countProgrammes,
  findProgramme as findProgrammeRow,
  findSourceDocumentBySha,
  insertProgramme,
  insertSourceDocument,
  listProgrammes as listProgrammeRows,
  programmeDocNos,
} from './programmes.repository.ts';

export async function listProgrammes(ctx: AuthedContext) {
  return listProgrammeRows(ctx.db, ctx.actor);
}

export async function findProgramme({ tx }: Pick<UnitOfWork, 'tx'>, id: string) {
  return findProgrammeRow(tx, id);
}

/** The programme a national plan belongs to: the one with its document number, else the first. */
export async function programmeForPlan(ctx: RequestContext, docNo: string | null) {
  const rows = await programmeDocNos(ctx.db);
  return rows.find((p) => docNo && p.docNo === docNo) ?? rows[0];
}

export async function hasProgramme(ctx: RequestContext): Promise<boolean> {
  return (await countProgrammes(ctx.db)) > 0;
}

export async function addProgramme({ tx }: UnitOfWork, values: typeof programmes.$inferInsert): Promise<string> {
  return insertProgramme(tx, values);
}

/**
 * Keeps an official document whole so records can quote it; a text already kept (same SHA-256) is the same
 * document, so re-importing a plan does not store its text twice.
 */
export async function keepSourceDocument(
  { tx }: UnitOfWork,
  doc: {
    title: string;
    docNo: string | null;
    issuer?: string | null;
    issuedOn?: string | null;
    fileName: string;
    body: string;
  },
): Promise<string> {
  const sha256 = crypto.createHash('sha256').update(doc.body).digest('hex');
  const existing = await findSourceDocumentBySha(tx, sha256);
  if (existing) return existing.id;
  return insertSourceDocument(tx, { ...doc, sha256 });
}
