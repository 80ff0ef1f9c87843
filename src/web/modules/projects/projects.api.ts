import type {
  CreateProjectBody,
  FigureReportBody,
  ImportJob,
  IndustryCatalogue,
  ProjectDetail,
  ProjectList,
  ProjectListParams,
  ProjectStats,
  ProjectStatsParams,
  StageMoveBody,
  UpdateProjectBody,
} from '../../../common/api/projects.ts';
import { api, requestFile } from '../../app/api-client.ts';

/** The ledger's filters, as the list, its totals and the Excel export take them. */
export type ProjectFilters = Omit<ProjectListParams, 'sort' | 'order' | 'page' | 'pageSize'>;

const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const projectsApi = {
  list: (params: ProjectListParams, signal?: AbortSignal) => api.get<ProjectList>('/api/projects', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ProjectDetail>(projectPath(id), undefined, { signal }),
  create: (input: CreateProjectBody) => api.post<ProjectDetail>('/api/projects', input),
  update: (id: string, input: UpdateProjectBody) => api.patch<ProjectDetail>(projectPath(id), input),
  move: (id: string, input: StageMoveBody) => api.post<ProjectDetail>(`${projectPath(id)}/moves`, input),
  report: (id: string, input: FigureReportBody) => api.post<ProjectDetail>(`${projectPath(id)}/figures`, input),
  stats: (params: ProjectStatsParams, signal?: AbortSignal) =>
    api.get<ProjectStats>('/api/projects/stats', params, { signal }),
  /** The statistics as shown, as an Excel workbook. */
  exportStats: (params: ProjectStatsParams) => requestFile('/api/projects/stats.xlsx', { query: params }),
  industries: (signal?: AbortSignal) => api.get<IndustryCatalogue>('/api/industries', undefined, { signal }),
  /** The filtered ledger as an Excel workbook. */
  exportLedger: (filters: ProjectFilters) => requestFile('/api/projects/export.xlsx', { query: filters }),
  /** The import template, titled for the pairing when one is given. */
  template: (pairingId?: string) => requestFile('/api/projects/template.xlsx', { query: { pairingId } }),
  /** Starts a background import of a sheet into a pairing; the job is polled with `job`. */
  startImport: (pairingId: string, file: File) =>
    api.uploadFile<ImportJob>('/api/projects/import', file, { pairingId }),
  uploadAttachment: (id: string, file: File) => api.uploadFile<ProjectDetail>(`${projectPath(id)}/attachments`, file),
  downloadAttachment: (id: string, attachmentId: string) =>
    requestFile(`${projectPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  removeAttachment: (id: string, attachmentId: string) =>
    api.delete<ProjectDetail>(`${projectPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  /** Shows the project on the public site with the summary written for the public, or takes it off. */
  publish: (id: string, version: number, publicSummary: string) =>
    api.post<ProjectDetail>(`${projectPath(id)}/publish`, { version, publicSummary }),
  unpublish: (id: string, version: number) => api.post<ProjectDetail>(`${projectPath(id)}/unpublish`, { version }),
  job: (id: string, signal?: AbortSignal) =>
    api.get<ImportJob>(`/api/projects/import/${encodeURIComponent(id)}`, undefined, { signal }),
};
