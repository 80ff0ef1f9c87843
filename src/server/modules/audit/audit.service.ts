import type { AuditExportQuery, AuditListQuery } from '../../../common/api/audit.ts';
import type { AuthedContext } from '../../http/context.ts';
import { verifyAuditChain } from './audit-verifier.ts';
import { auditActions, listAudit, objectNames } from './audit.repository.ts';

/** A page of the trail with the current names of the objects its rows point at. */
export async function auditPage(
  ctx: AuthedContext,
  { page, pageSize, ...filter }: AuditListQuery | (AuditExportQuery & { page: number; pageSize: number }),
) {
  const { items, total } = await listAudit(ctx.db, filter, page, pageSize);
  return { items, total, page, pageSize, names: await objectNames(ctx.db, items) };
}

export async function auditActionChoices(ctx: AuthedContext) {
  return { actions: await auditActions(ctx.db) };
}

export async function verifyAudit(ctx: AuthedContext) {
  return verifyAuditChain(ctx.db, ctx.deps.crypto, ctx.deps.auditKey);
}
