import type { AuditListQuery } from '../../../common/api/audit.ts';
import type { AuthedContext } from '../../http/context.ts';
import { verifyAuditChain } from './audit-verifier.ts';
import { listAudit } from './audit.repository.ts';

export async function auditPage(ctx: AuthedContext, { page, pageSize, ...filter }: AuditListQuery) {
  const { items, total } = await listAudit(ctx.db, filter, page, pageSize);
  return { items, total, page, pageSize };
}

export async function verifyAudit(ctx: AuthedContext) {
  return verifyAuditChain(ctx.db, ctx.deps.crypto, ctx.deps.auditKey);
}
