import type { AuditList, AuditListParams, AuditVerify } from '../../../common/api/audit.ts';
import { api } from '../../app/api-client.ts';

export const auditApi = {
  list: (params: AuditListParams, signal?: AbortSignal) => api.get<AuditList>('/api/audit', params, { signal }),
  /** Walks the hash chain of the whole trail. */
  verify: () => api.get<AuditVerify>('/api/audit/verify'),
};
