import type {
  AddSlotsResponse,
  ApproveCycleBody,
  ApproveReportBody,
  CreateCycleBody,
  CycleDetail,
  CycleList,
  CycleListParams,
  InboxResponse,
  NotReportedResponse,
  ReportDetail,
  ReportList,
  ReportListParams,
  ReturnReportBody,
  SaveReportBody,
  UnlockCycleBody,
} from '../../../common/api/reporting.ts';
import { api, requestFile, type Query } from '../../app/api-client.ts';
import { withoutPage } from '../../shared/list-export.ts';

const cyclePath = (id: string) => `/api/cycles/${encodeURIComponent(id)}`;
const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

/** Progress reporting (调度): periods, the reports units owe in them, and their review. */
export const reportingApi = {
  cycles: (params: CycleListParams, signal?: AbortSignal) => api.get<CycleList>('/api/cycles', params, { signal }),
  /** The periods as filtered, as an Excel workbook. */
  exportCycles: (params: CycleListParams) =>
    requestFile('/api/cycles/export.xlsx', { query: withoutPage(params) as Query }),
  /** The period's 汇总: every report by unit and task, with its state. */
  periodSummary: (id: string) => requestFile(`${cyclePath(id)}/summary.xlsx`),
  cycle: (id: string, signal?: AbortSignal) => api.get<CycleDetail>(cyclePath(id), undefined, { signal }),
  createCycle: (input: CreateCycleBody) => api.post<CycleDetail>('/api/cycles', input),
  notReported: (id: string, signal?: AbortSignal) =>
    api.get<NotReportedResponse>(`${cyclePath(id)}/not-reported`, undefined, { signal }),
  approveCycle: (id: string, input: ApproveCycleBody) => api.post<CycleDetail>(`${cyclePath(id)}/approve`, input),
  unlockCycle: (id: string, input: UnlockCycleBody) => api.post<CycleDetail>(`${cyclePath(id)}/unlock`, input),
  /** Adds the slots of units assigned to the pairing's tasks after the period opened. */
  addSlots: (id: string) => api.post<AddSlotsResponse>(`${cyclePath(id)}/slots`),

  reports: (params: ReportListParams, signal?: AbortSignal) => api.get<ReportList>('/api/reports', params, { signal }),
  inbox: (signal?: AbortSignal) => api.get<InboxResponse>('/api/reports/inbox', undefined, { signal }),
  report: (id: string, signal?: AbortSignal) => api.get<ReportDetail>(reportPath(id), undefined, { signal }),
  saveReport: (id: string, input: SaveReportBody) => api.patch<ReportDetail>(reportPath(id), input),
  submitReport: (id: string, input: SaveReportBody) => api.post<ReportDetail>(`${reportPath(id)}/submit`, input),
  returnReport: (id: string, input: ReturnReportBody) => api.post<ReportDetail>(`${reportPath(id)}/return`, input),
  approveReport: (id: string, input: ApproveReportBody) => api.post<ReportDetail>(`${reportPath(id)}/approve`, input),
  upload: (id: string, file: File) => api.uploadFile<ReportDetail>(`${reportPath(id)}/attachments`, file),
  download: (id: string, attachmentId: string) =>
    requestFile(`${reportPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  removeAttachment: (id: string, attachmentId: string) =>
    api.delete<ReportDetail>(`${reportPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
};
