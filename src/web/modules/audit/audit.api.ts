import type { AuditActions, AuditList, AuditListParams, AuditVerify } from '../../../common/api/audit.ts';
import { api, requestFile, type Query } from '../../app/api-client.ts';
import { withoutPage } from '../../shared/list-export.ts';

export const auditApi = {
  list: (params: AuditListParams, signal?: AbortSignal) => api.get<AuditList>('/api/audit', params, { signal }),
  /** The actions the trail holds, for the filter's select list. */
  actions: (signal?: AbortSignal) => api.get<AuditActions>('/api/audit/actions', undefined, { signal }),
  /** The trail as filtered, as an Excel workbook (the export is audited). */
  exportList: (params: AuditListParams) =>
    requestFile('/api/audit/export.xlsx', { query: withoutPage(params) as Query }),
  /** Walks the hash chain of the whole trail. */
  verify: () => api.get<AuditVerify>('/api/audit/verify'),
};
