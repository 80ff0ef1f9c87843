import { api, requestFile, type Query } from '../../app/api-client.ts';
import type { AnnualPlanInput, PlanSource } from '../../../common/api/plans.ts';
import type {
  ImportPlanInput,
  PlanCreated,
  PlanDetail,
  PlanList,
  PlanPreview,
  PlanSummary,
} from '../../app/api-types.ts';

export interface PlanListParams extends Query {
  pairingId?: string;
  kind?: PlanSummary['kind'];
  year?: number;
  all?: 'true' | 'false';
  q?: string;
  page?: number;
  pageSize?: number;
}

const planPath = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

export const plansApi = {
  /** Reads an uploaded file and answers what an import would make of it; the server writes nothing. */
  preview: (file: File, signal?: AbortSignal) =>
    api.uploadFile<PlanPreview>('/api/plans/preview', file, {}, { signal }),
  confirm: (input: ImportPlanInput) => api.post<PlanCreated>('/api/plans', input),
  createAnnual: (input: AnnualPlanInput) => api.post<PlanCreated>('/api/plans', input),
  list: (params: PlanListParams, signal?: AbortSignal) => api.get<PlanList>('/api/plans', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PlanDetail>(planPath(id), undefined, { signal }),
  /** The whole source text the plan was imported from. */
  source: (id: string, signal?: AbortSignal) => api.get<PlanSource>(`${planPath(id)}/source`, undefined, { signal }),
  /** The 任务台账 as an Excel workbook. */
  ledger: (id: string) => requestFile(`${planPath(id)}/ledger.xlsx`),
};
