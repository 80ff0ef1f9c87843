import type {
  AdvanceStageBody,
  CreateAdoptionBody,
  CreatePracticeBody,
  PracticeDetail,
  PracticeList,
  PracticeListParams,
  ReplicationFigures,
  UpdateAdoptionInput,
  UpdatePracticeBody,
  WithdrawStageInput,
} from '../../../common/api/replication.ts';
import { api, requestFile } from '../../app/api-client.ts';

const practicePath = (id: string) => `/api/replication/practices/${encodeURIComponent(id)}`;
const adoptionPath = (id: string) => `/api/replication/adoptions/${encodeURIComponent(id)}`;
const stageFiles = (stageId: string) => `/api/replication/stages/${encodeURIComponent(stageId)}/attachments`;

export const replicationApi = {
  list: (params: PracticeListParams, signal?: AbortSignal) =>
    api.get<PracticeList>('/api/replication/practices', params, { signal }),
  exportList: (params: PracticeListParams) =>
    requestFile('/api/replication/practices/export.xlsx', {
      query: { ...params, page: undefined, pageSize: undefined },
    }),
  get: (id: string, signal?: AbortSignal) => api.get<PracticeDetail>(practicePath(id), undefined, { signal }),
  create: (input: CreatePracticeBody) => api.post<PracticeDetail>('/api/replication/practices', input),
  update: (id: string, input: UpdatePracticeBody) => api.patch<PracticeDetail>(practicePath(id), input),
  adopt: (practiceId: string, input: CreateAdoptionBody) =>
    api.post<PracticeDetail>(`${practicePath(practiceId)}/adoptions`, input),
  updateAdoption: (adoptionId: string, input: UpdateAdoptionInput) =>
    api.patch<PracticeDetail>(adoptionPath(adoptionId), input),
  advance: (adoptionId: string, input: AdvanceStageBody) =>
    api.post<PracticeDetail>(`${adoptionPath(adoptionId)}/stages`, input),
  withdraw: (adoptionId: string, input: WithdrawStageInput) =>
    api.post<PracticeDetail>(`${adoptionPath(adoptionId)}/stages/withdraw`, input),
  uploadStageFile: (stageId: string, file: File) => api.uploadFile<PracticeDetail>(stageFiles(stageId), file),
  downloadStageFile: (stageId: string, attachmentId: string) =>
    requestFile(`${stageFiles(stageId)}/${encodeURIComponent(attachmentId)}`),
  removeStageFile: (stageId: string, attachmentId: string) =>
    api.delete<PracticeDetail>(`${stageFiles(stageId)}/${encodeURIComponent(attachmentId)}`),
  /** Counts computed from the register, for a pairing (with its sub-pairs) or everything the user sees. */
  figures: (pairingId: string | undefined, signal?: AbortSignal) =>
    api.get<ReplicationFigures>(
      '/api/replication/figures',
      { pairingId, withSubPairs: pairingId ? 'true' : undefined },
      { signal },
    ),
};
