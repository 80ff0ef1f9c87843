/**
 * The park API as the pages call it, with its types inferred from the shared zod schemas (src/common/api/parks.ts).
 * Type-only imports: zod stays out of the web bundle.
 */
import type { z } from 'zod';
import type {
  createParkInput,
  enterpriseInput,
  ledgerEntryInput,
  ledgerImportResult,
  ledgerResponse,
  parkDetail,
  parkListResponse,
  parkSummary,
  sharingAgreementInput,
  statementResponse,
  updateParkInput,
  ParkType,
  SharedFigure,
} from '../../../common/api/parks.ts';
import { api, requestFile, type Query } from '../../app/api-client.ts';

export type { ParkType, SharedFigure };
export type ParkSummary = z.infer<typeof parkSummary>;
export type ParkDetail = z.infer<typeof parkDetail>;
export type ParkList = z.infer<typeof parkListResponse>;
export type CreateParkInput = z.input<typeof createParkInput>;
export type UpdateParkInput = z.input<typeof updateParkInput>;
export type EnterpriseInput = z.input<typeof enterpriseInput>;
export type SharingAgreementInput = z.input<typeof sharingAgreementInput>;
export type SharingAgreement = ParkDetail['agreements'][number];
export type LedgerEntryInput = z.input<typeof ledgerEntryInput>;
export type Ledger = z.infer<typeof ledgerResponse>;
export type LedgerEntry = Ledger['items'][number];
export type Statement = z.infer<typeof statementResponse>;
export type LedgerImportResult = z.infer<typeof ledgerImportResult>;

export interface ParkListParams extends Query {
  pairingId?: string;
  type?: ParkType;
  demo?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

const parkPath = (id: string) => `/api/parks/${encodeURIComponent(id)}`;
const statementPath = (parkId: string, agreementId: string) =>
  `${parkPath(parkId)}/agreements/${encodeURIComponent(agreementId)}/statement`;

export const parksApi = {
  list: (params: ParkListParams, signal?: AbortSignal) => api.get<ParkList>('/api/parks', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ParkDetail>(parkPath(id), undefined, { signal }),
  create: (input: CreateParkInput) => api.post<ParkDetail>('/api/parks', input),
  update: (id: string, input: UpdateParkInput) => api.patch<ParkDetail>(parkPath(id), input),
  addEnterprise: (id: string, input: EnterpriseInput) => api.post<ParkDetail>(`${parkPath(id)}/enterprises`, input),
  addAgreement: (id: string, input: SharingAgreementInput) => api.post<ParkDetail>(`${parkPath(id)}/agreements`, input),
  ledger: (id: string, year: number | undefined, signal?: AbortSignal) =>
    api.get<Ledger>(`${parkPath(id)}/ledger`, { year }, { signal }),
  addEntry: (id: string, input: LedgerEntryInput) => api.post<{ id: string }>(`${parkPath(id)}/ledger`, input),
  /** The park's ledger sheet template, with its enterprises in a drop-down. */
  template: (id: string) => requestFile(`${parkPath(id)}/ledger/template.xlsx`),
  importLedger: (id: string, file: File) => api.uploadFile<LedgerImportResult>(`${parkPath(id)}/ledger/import`, file),
  statement: (parkId: string, agreementId: string, year: number, asOf: string | undefined, signal?: AbortSignal) =>
    api.get<Statement>(statementPath(parkId, agreementId), { year, asOf }, { signal }),
  statementXlsx: (parkId: string, agreementId: string, year: number, asOf: string | undefined) =>
    requestFile(`${statementPath(parkId, agreementId)}.xlsx`, { query: { year, asOf } }),
};
