/**
 * Progress reporting (调度) as the web app calls it. Types are inferred from the shared zod schemas (type-only
 * imports: zod stays out of the bundle).
 */
import type { z } from 'zod';
import type {
  addSlotsResponse,
  approveCycleInput,
  createCycleInput,
  cycleDetail,
  cycleListResponse,
  cycleSummary,
  inboxResponse,
  notReportedResponse,
  reportDetail,
  reportListResponse,
  reportSummary,
  saveReportInput,
  unlockCycleInput,
} from '../../../common/api/reporting.ts';
import { api, requestFile, type Query } from '../../app/api-client.ts';

export type CycleSummary = z.infer<typeof cycleSummary>;
export type CycleDetail = z.infer<typeof cycleDetail>;
export type CycleList = z.infer<typeof cycleListResponse>;
export type CreateCycleInput = z.input<typeof createCycleInput>;
export type ApproveCycleInput = z.input<typeof approveCycleInput>;
export type UnlockCycleInput = z.input<typeof unlockCycleInput>;
export type NotReported = z.infer<typeof notReportedResponse>;
export type AddSlotsResult = z.infer<typeof addSlotsResponse>;
export type ReportSummary = z.infer<typeof reportSummary>;
export type ReportDetail = z.infer<typeof reportDetail>;
export type ReportList = z.infer<typeof reportListResponse>;
export type SaveReportInput = z.input<typeof saveReportInput>;
export type Inbox = z.infer<typeof inboxResponse>;
export type InboxItem = Inbox['items'][number];

export type ReportFrequency = CycleSummary['frequency'];
export type CycleStatus = CycleSummary['status'];
export type SlotState = ReportSummary['state'];

// The lists below are records so the compiler checks they name every value of the API's enums.
const frequencies: Record<ReportFrequency, number> = { monthly: 12, quarterly: 4, half_yearly: 2, yearly: 1 };
const cycleStatuses: Record<CycleStatus, true> = { open: true, locked: true };
const slotStates: Record<SlotState, true> = {
  pending: true,
  draft: true,
  submitted: true,
  returned: true,
  approved: true,
};

export const REPORT_FREQUENCIES = Object.keys(frequencies) as ReportFrequency[];
export const CYCLE_STATUSES = Object.keys(cycleStatuses) as CycleStatus[];
export const SLOT_STATES = Object.keys(slotStates) as SlotState[];
/** How many periods a year has at each frequency (month 1–12, quarter 1–4, half 1–2, the year). */
export const periodsPerYear = (frequency: ReportFrequency) => frequencies[frequency];

export interface CycleListParams extends Query {
  pairingId?: string;
  status?: CycleStatus;
  frequency?: ReportFrequency;
  year?: number;
  page?: number;
  pageSize?: number;
}

export interface ReportListParams extends Query {
  cycleId?: string;
  pairingId?: string;
  taskId?: string;
  state?: SlotState;
  page?: number;
  pageSize?: number;
}

const cyclePath = (id: string) => `/api/cycles/${encodeURIComponent(id)}`;
const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

export const reportingApi = {
  cycles: (params: CycleListParams, signal?: AbortSignal) => api.get<CycleList>('/api/cycles', params, { signal }),
  cycle: (id: string, signal?: AbortSignal) => api.get<CycleDetail>(cyclePath(id), undefined, { signal }),
  createCycle: (input: CreateCycleInput) => api.post<CycleDetail>('/api/cycles', input),
  notReported: (id: string, signal?: AbortSignal) =>
    api.get<NotReported>(`${cyclePath(id)}/not-reported`, undefined, { signal }),
  approveCycle: (id: string, input: ApproveCycleInput) => api.post<CycleDetail>(`${cyclePath(id)}/approve`, input),
  unlockCycle: (id: string, input: UnlockCycleInput) => api.post<CycleDetail>(`${cyclePath(id)}/unlock`, input),
  /** Adds the slots of units assigned to the pairing's tasks after the period opened. */
  addSlots: (id: string) => api.post<AddSlotsResult>(`${cyclePath(id)}/slots`),

  reports: (params: ReportListParams, signal?: AbortSignal) => api.get<ReportList>('/api/reports', params, { signal }),
  inbox: (signal?: AbortSignal) => api.get<Inbox>('/api/reports/inbox', undefined, { signal }),
  report: (id: string, signal?: AbortSignal) => api.get<ReportDetail>(reportPath(id), undefined, { signal }),
  saveReport: (id: string, input: SaveReportInput) => api.patch<ReportDetail>(reportPath(id), input),
  submitReport: (id: string, input: SaveReportInput) => api.post<ReportDetail>(`${reportPath(id)}/submit`, input),
  returnReport: (id: string, input: { version: number; comment: string }) =>
    api.post<ReportDetail>(`${reportPath(id)}/return`, input),
  approveReport: (id: string, input: { version: number; comment?: string | null }) =>
    api.post<ReportDetail>(`${reportPath(id)}/approve`, input),
  upload: (id: string, file: File) => api.uploadFile<ReportDetail>(`${reportPath(id)}/attachments`, file),
  download: (id: string, attachmentId: string) =>
    requestFile(`${reportPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  removeAttachment: (id: string, attachmentId: string) =>
    api.delete<ReportDetail>(`${reportPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
};
