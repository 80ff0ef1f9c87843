import type {
  CreateListingBody,
  InterestOutcomeInput,
  ListingCounts,
  ListingInterest,
  ListingListResponse,
  ListingPairings,
  ListingSummary,
  RankedListingsResponse,
} from '../../../common/api/listings.ts';
import { api, requestFile } from '../../app/api-client.ts';

const listingPath = (id: string) => `/api/listings/${encodeURIComponent(id)}`;
const interestPath = (id: string) => `/api/listing-interests/${encodeURIComponent(id)}`;

export type ListingQuery = Record<string, string | number | undefined | null>;

export const listingsApi = {
  list: (params: ListingQuery, signal?: AbortSignal) =>
    api.get<ListingListResponse>('/api/listings', params, { signal }),
  search: (params: ListingQuery, signal?: AbortSignal) =>
    api.get<RankedListingsResponse>('/api/listings/search', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ListingSummary>(listingPath(id), undefined, { signal }),
  matches: (id: string, signal?: AbortSignal) =>
    api.get<RankedListingsResponse>(`${listingPath(id)}/matches`, { top: 20 }, { signal }),
  create: (input: CreateListingBody) => api.post<ListingSummary>('/api/listings', input),
  moderate: (id: string, version: number, action: 'publish' | 'withdraw') =>
    api.post<ListingSummary>(`${listingPath(id)}/moderation`, { version, action }),
  interest: (id: string, message: string, fromListingId: string | null) =>
    api.post<ListingInterest>(`${listingPath(id)}/interests`, { message, fromListingId }),
  interests: (signal?: AbortSignal) =>
    api.get<{ items: ListingInterest[] }>('/api/listing-interests', undefined, { signal }),
  decide: (id: string, version: number, decision: 'accept' | 'decline') =>
    api.post<ListingInterest>(`${interestPath(id)}/decision`, { version, decision }),
  outcome: (id: string, input: InterestOutcomeInput) => api.post<ListingInterest>(`${interestPath(id)}/outcome`, input),
  counts: (pairingId: string | undefined, signal?: AbortSignal) =>
    api.get<ListingCounts>('/api/listings/counts', { pairingId }, { signal }),
  pairings: (regionCode: string | undefined, signal?: AbortSignal) =>
    api.get<ListingPairings>('/api/listings/pairings', { regionCode }, { signal }),
  exportList: (params: ListingQuery) =>
    requestFile('/api/listings/export.xlsx', { query: { ...params, page: undefined, pageSize: undefined } }),
  uploadAttachment: (id: string, file: File) => api.uploadFile<ListingSummary>(`${listingPath(id)}/attachments`, file),
  downloadAttachment: (id: string, attachmentId: string) =>
    requestFile(`${listingPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  removeAttachment: (id: string, attachmentId: string) =>
    api.delete<ListingSummary>(`${listingPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
};
