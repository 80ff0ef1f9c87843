import type { FastifyInstance } from 'fastify';
import {
  auditActionsResponse,
  auditExportQuery,
  auditListQuery,
  auditListResponse,
  auditVerifyResponse,
} from '../../../common/api/audit.ts';
import { moduleRoutes } from '../../http/route.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { exportAuditLog } from './audit-export.ts';
import { presentAuditItem } from './audit.presenter.ts';
import { auditActionChoices, auditPage, verifyAudit } from './audit.service.ts';

/** Read-only by design: the app has no route that changes or deletes an audit row. */
export function registerAuditRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'audit');
  r.get(
    '/api/audit',
    { access: 'audit.read', query: auditListQuery, response: auditListResponse },
    async ({ ctx, query }) => {
      const { names, ...page } = await auditPage(ctx, query);
      return { ...page, items: page.items.map((row) => presentAuditItem(row, names)) };
    },
  );
  r.get('/api/audit/actions', { access: 'audit.read', response: auditActionsResponse }, async ({ ctx }) =>
    auditActionChoices(ctx),
  );
  r.get('/api/audit/export.xlsx', { access: 'audit.read', query: auditExportQuery }, async ({ ctx, query, reply }) => {
    const { fileName, file } = await exportAuditLog(ctx, query);
    return sendXlsx(reply, fileName, file);
  });
  r.get('/api/audit/verify', { access: 'audit.read', response: auditVerifyResponse }, async ({ ctx }) =>
    verifyAudit(ctx),
  );
}
