import type { FastifyInstance } from 'fastify';
import { auditListQuery, auditListResponse, auditVerifyResponse } from '../../../common/api/audit.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentAuditItem } from './audit.presenter.ts';
import { auditPage, verifyAudit } from './audit.service.ts';

/** Read-only by design: the app has no route that changes or deletes an audit row. */
export function registerAuditRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'audit');
  r.get(
    '/api/audit',
    { access: 'audit.read', query: auditListQuery, response: auditListResponse },
    async ({ ctx, query }) => {
      const page = await auditPage(ctx, query);
      return { ...page, items: page.items.map(presentAuditItem) };
    },
  );
  r.get('/api/audit/verify', { access: 'audit.read', response: auditVerifyResponse }, async ({ ctx }) =>
    verifyAudit(ctx),
  );
}
