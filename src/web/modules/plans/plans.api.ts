import type {
  AnnualPlanBody,
  ImportPlanBody,
  PlanCreated,
  PlanDetail,
  PlanList,
  PlanListParams,
  PlanPreview,
  PlanSource,
} from '../../../common/api/plans.ts';
import { api, requestFile } from '../../app/api-client.ts';

const planPath = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

export const plansApi = {
  /** Reads an uploaded file and answers what an import would make of it; the server writes nothing. */
  preview: (file: File, signal?: AbortSignal) =>
    api.uploadFile<PlanPreview>('/api/plans/preview', file, {}, { signal }),
  confirm: (input: ImportPlanBody) => api.post<PlanCreated>('/api/plans', input),
  createAnnual: (input: AnnualPlanBody) => api.post<PlanCreated>('/api/plans', input),
  list: (params: PlanListParams, signal?: AbortSignal) => api.get<PlanList>('/api/plans', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PlanDetail>(planPath(id), undefined, { signal }),
  /** The whole source text the plan was imported from. */
  source: (id: string, signal?: AbortSignal) => api.get<PlanSource>(`${planPath(id)}/source`, undefined, { signal }),
  /** The 任务台账 as an Excel workbook. */
  ledger: (id: string) => requestFile(`${planPath(id)}/ledger.xlsx`),
};
