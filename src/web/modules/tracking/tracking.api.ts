import type {
  CloseItemInput,
  ItemDetail,
  ItemList,
  ItemListParams,
  ProgressInput,
  ReopenItemInput,
  UpdateItemInput,
} from '../../../common/api/tracking.ts';
import { api, requestFile } from '../../app/api-client.ts';

/** The list's filters, as the list and the 督办台账 export take them. */
export type ItemFilters = Omit<ItemListParams, 'page' | 'pageSize'>;

const itemPath = (id: string) => `/api/tracked-items/${encodeURIComponent(id)}`;

export const trackingApi = {
  list: (params: ItemListParams, signal?: AbortSignal) => api.get<ItemList>('/api/tracked-items', params, { signal }),
  /** The 督办台账 of the filtered items, as an Excel workbook. */
  exportLedger: (filters: ItemFilters) => requestFile('/api/tracked-items/ledger.xlsx', { query: filters }),
  get: (id: string, signal?: AbortSignal) => api.get<ItemDetail>(itemPath(id), undefined, { signal }),
  update: (id: string, input: UpdateItemInput) => api.patch<ItemDetail>(itemPath(id), input),
  progress: (id: string, input: ProgressInput) => api.post<ItemDetail>(`${itemPath(id)}/progress`, input),
  close: (id: string, input: CloseItemInput) => api.post<ItemDetail>(`${itemPath(id)}/close`, input),
  reopen: (id: string, input: ReopenItemInput) => api.post<ItemDetail>(`${itemPath(id)}/reopen`, input),
  uploadAttachment: (id: string, file: File) => api.uploadFile<ItemDetail>(`${itemPath(id)}/attachments`, file),
  downloadAttachment: (id: string, attachmentId: string) =>
    requestFile(`${itemPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  removeAttachment: (id: string, attachmentId: string) =>
    api.delete<ItemDetail>(`${itemPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
};
