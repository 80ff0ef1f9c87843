import type {
  CreateParkBody,
  EnterpriseBody,
  LedgerEntryBody,
  LedgerImportResult,
  LedgerResponse,
  ParkDetail,
  ParkList,
  ParkListParams,
  SharingAgreementBody,
  StatementResponse,
  UpdateParkBody,
} from '../../../common/api/parks.ts';
import { api, requestFile, type Query } from '../../app/api-client.ts';
import { withoutPage } from '../../shared/list-export.ts';

const parkPath = (id: string) => `/api/parks/${encodeURIComponent(id)}`;
const statementPath = (parkId: string, agreementId: string) =>
  `${parkPath(parkId)}/agreements/${encodeURIComponent(agreementId)}/statement`;

export const parksApi = {
  list: (params: ParkListParams, signal?: AbortSignal) => api.get<ParkList>('/api/parks', params, { signal }),
  /** The list as filtered, as an Excel workbook. */
  exportList: (params: ParkListParams) =>
    requestFile('/api/parks/export.xlsx', { query: withoutPage(params) as Query }),
  get: (id: string, signal?: AbortSignal) => api.get<ParkDetail>(parkPath(id), undefined, { signal }),
  create: (input: CreateParkBody) => api.post<ParkDetail>('/api/parks', input),
  update: (id: string, input: UpdateParkBody) => api.patch<ParkDetail>(parkPath(id), input),
  /** Shows the park on the public site with the summary written for the public, or takes it off. */
  publish: (id: string, version: number, publicSummary: string) =>
    api.post<ParkDetail>(`${parkPath(id)}/publish`, { version, publicSummary }),
  unpublish: (id: string, version: number) => api.post<ParkDetail>(`${parkPath(id)}/unpublish`, { version }),
  addEnterprise: (id: string, input: EnterpriseBody) => api.post<ParkDetail>(`${parkPath(id)}/enterprises`, input),
  addAgreement: (id: string, input: SharingAgreementBody) => api.post<ParkDetail>(`${parkPath(id)}/agreements`, input),
  ledger: (id: string, year: number | undefined, signal?: AbortSignal) =>
    api.get<LedgerResponse>(`${parkPath(id)}/ledger`, { year }, { signal }),
  addEntry: (id: string, input: LedgerEntryBody) => api.post<{ id: string }>(`${parkPath(id)}/ledger`, input),
  /** The park's ledger sheet template, with its enterprises in a drop-down. */
  template: (id: string) => requestFile(`${parkPath(id)}/ledger/template.xlsx`),
  importLedger: (id: string, file: File) => api.uploadFile<LedgerImportResult>(`${parkPath(id)}/ledger/import`, file),
  statement: (parkId: string, agreementId: string, year: number, asOf: string | undefined, signal?: AbortSignal) =>
    api.get<StatementResponse>(statementPath(parkId, agreementId), { year, asOf }, { signal }),
  statementXlsx: (parkId: string, agreementId: string, year: number, asOf: string | undefined) =>
    requestFile(`${statementPath(parkId, agreementId)}.xlsx`, { query: { year, asOf } }),
};
