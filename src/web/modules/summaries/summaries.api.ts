import type { SectionKey, SummaryDetail, SummaryItem, SummaryKind } from '../../../common/api/summaries.ts';
import { api, request, requestFile } from '../../app/api-client.ts';

const docPath = (id: string) => `/api/summaries/${encodeURIComponent(id)}`;

export const summariesApi = {
  list: (query: { programmeId?: string; state?: string; pairingId?: string }, signal?: AbortSignal) =>
    api.get<{ items: SummaryItem[] }>('/api/summaries', query, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<SummaryDetail>(docPath(id), undefined, { signal }),
  create: (input: { pairingId: string; year: number; kind: SummaryKind }) =>
    api.post<SummaryDetail>('/api/summaries', input),
  saveSection: (id: string, key: SectionKey, input: { version: number; text: string }) =>
    request<SummaryDetail>('PUT', `${docPath(id)}/sections/${key}`, { body: input }),
  refresh: (id: string, version: number) => api.post<SummaryDetail>(`${docPath(id)}/refresh`, { version }),
  submit: (id: string, version: number) => api.post<SummaryDetail>(`${docPath(id)}/submit`, { version }),
  decide: (
    id: string,
    receiptId: string,
    input: { decision: 'received' | 'returned' | 'accepted'; comment?: string },
  ) => api.post<SummaryDetail>(`${docPath(id)}/receipts/${encodeURIComponent(receiptId)}`, input),
  unlock: (input: { pairingId: string; year: number; reason: string }) =>
    api.post<{ ok: true }>('/api/summaries/unlock', input),
  word: (id: string, versionNo?: number) =>
    requestFile(`${docPath(id)}/export.docx${versionNo ? `?versionNo=${versionNo}` : ''}`),
  excel: (id: string, versionNo?: number) =>
    requestFile(`${docPath(id)}/export.xlsx${versionNo ? `?versionNo=${versionNo}` : ''}`),
};
