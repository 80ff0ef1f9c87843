import type { CreateRoundBody, LatestRanking, RoundDetail, RoundSummary } from '../../../common/api/evaluations.ts';
import type { ItemInput } from '../../../common/api/tracking.ts';
import { api, request, requestFile } from '../../app/api-client.ts';

const roundPath = (id: string) => `/api/evaluations/${encodeURIComponent(id)}`;
const subjectPath = (roundId: string, id: string) => `${roundPath(roundId)}/subjects/${encodeURIComponent(id)}`;
const evidencePath = (subjectId: string) => `/api/evaluation-subjects/${encodeURIComponent(subjectId)}/attachments`;

export const evaluationsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: RoundSummary[] }>('/api/evaluations', undefined, { signal }),
  latestRanking: (signal?: AbortSignal) =>
    api.get<LatestRanking>('/api/evaluations/latest-ranking', undefined, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<RoundDetail>(roundPath(id), undefined, { signal }),
  open: (input: CreateRoundBody) => api.post<RoundDetail>('/api/evaluations', input),
  close: (id: string, version: number) => api.post<RoundDetail>(`${roundPath(id)}/close`, { version }),
  publish: (id: string, version: number) => api.post<RoundDetail>(`${roundPath(id)}/publish`, { version }),
  selfAssess: (roundId: string, id: string, input: { version: number; narrative: string; submit: boolean }) =>
    request<RoundDetail>('PUT', `${subjectPath(roundId, id)}/self-assessment`, { body: input }),
  adjust: (roundId: string, id: string, input: { version: number; score: number; reason: string }) =>
    api.post<RoundDetail>(`${subjectPath(roundId, id)}/adjust`, input),
  praise: (roundId: string, id: string, text: string) =>
    api.post<RoundDetail>(`${subjectPath(roundId, id)}/praise`, { text }),
  rectify: (roundId: string, id: string, items: ItemInput[]) =>
    api.post<RoundDetail>(`${subjectPath(roundId, id)}/rectification`, { items }),
  uploadEvidence: (subjectId: string, file: File) => api.uploadFile<{ ok: true }>(evidencePath(subjectId), file),
  downloadEvidence: (subjectId: string, attachmentId: string) =>
    requestFile(`${evidencePath(subjectId)}/${encodeURIComponent(attachmentId)}`),
  removeEvidence: (subjectId: string, attachmentId: string) =>
    api.delete<{ ok: true }>(`${evidencePath(subjectId)}/${encodeURIComponent(attachmentId)}`),
};
