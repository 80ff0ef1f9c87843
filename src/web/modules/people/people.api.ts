import type {
  CreateExchangeBody,
  CreateSecondmentBody,
  CreateTrainingBody,
  ExchangeList,
  ExchangeListParams,
  ExchangeSummary,
  PeopleFigures,
  ProtectedField,
  Revealed,
  RosterImportResult,
  SecondmentDetail,
  SecondmentList,
  SecondmentListParams,
  TargetProgressList,
  TrainingDetail,
  TrainingList,
  TrainingListParams,
  UpdateSecondmentBody,
  UpdateTrainingBody,
} from '../../../common/api/people.ts';
import { api, type Query, requestFile } from '../../app/api-client.ts';

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;
type Filters<P> = Omit<P, 'page' | 'pageSize'>;

export const peopleApi = {
  secondments: (params: SecondmentListParams, signal?: AbortSignal) =>
    api.get<SecondmentList>('/api/secondments', params as Query, { signal }),
  secondment: (id: string) => api.get<SecondmentDetail>(path('/api/secondments', id)),
  createSecondment: (input: CreateSecondmentBody) => api.post<SecondmentDetail>('/api/secondments', input),
  updateSecondment: (id: string, input: UpdateSecondmentBody) =>
    api.patch<SecondmentDetail>(path('/api/secondments', id), input),
  reveal: (id: string, field: ProtectedField, reason: string) =>
    api.post<Revealed>(`${path('/api/secondments', id)}/reveal`, { field, reason }),
  exportRoster: (filters: Filters<SecondmentListParams>) =>
    requestFile('/api/secondments/export.xlsx', { query: filters as Query }),
  rosterTemplate: () => requestFile('/api/secondments/template.xlsx'),
  importRoster: (pairingId: string, file: File) =>
    api.uploadFile<RosterImportResult>(`/api/secondments/import?pairingId=${encodeURIComponent(pairingId)}`, file),
  figures: (query: { pairingId?: string; year?: number }, signal?: AbortSignal) =>
    api.get<PeopleFigures>('/api/people/figures', query, { signal }),
  trainings: (params: TrainingListParams, signal?: AbortSignal) =>
    api.get<TrainingList>('/api/trainings', params as Query, { signal }),
  training: (id: string) => api.get<TrainingDetail>(path('/api/trainings', id)),
  createTraining: (input: CreateTrainingBody) => api.post<TrainingDetail>('/api/trainings', input),
  updateTraining: (id: string, input: UpdateTrainingBody) =>
    api.patch<TrainingDetail>(path('/api/trainings', id), input),
  exportTrainings: (filters: Filters<TrainingListParams>) =>
    requestFile('/api/trainings/export.xlsx', { query: filters as Query }),
  progress: (pairingId: string, year?: number, signal?: AbortSignal) =>
    api.get<TargetProgressList>('/api/trainings/progress', { pairingId, year }, { signal }),
  exchanges: (params: ExchangeListParams, signal?: AbortSignal) =>
    api.get<ExchangeList>('/api/exchanges', params as Query, { signal }),
  createExchange: (input: CreateExchangeBody) => api.post<ExchangeSummary>('/api/exchanges', input),
};
