import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListQuery, auditListResponse, auditVerifyResponse } from '../../../common/api/audit.ts';
import { listAudit } from './audit.repository.ts';
import { verifyAuditChain } from './audit-verifier.ts';

/** Read-only by design: the app has no route that changes or deletes an audit row. */
export function registerAuditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditListQuery, response: { 200: auditListResponse } },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { items, total } = await listAudit(req.ctx.db, filter, page, pageSize);
      return {
        items: items.map(({ prevHash: _p, hash: _h, organisationId: _o, ...row }) => ({
          ...row,
          at: row.at.toISOString(),
          details: row.details ?? null,
        })),
        total,
        page,
        pageSize,
      };
    },
  );
  r.get(
    '/api/audit/verify',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], response: { 200: auditVerifyResponse } } },
    async (req) => verifyAuditChain(req.ctx.db, req.ctx.deps.crypto, req.ctx.deps.auditKey),
  );
}
