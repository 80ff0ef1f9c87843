/**
 * The event API as the pages call it, with its types inferred from the shared zod schemas (src/common/api/events.ts).
 * Type-only imports: zod stays out of the web bundle.
 */
import type { z } from 'zod';
import type {
  agreementInput,
  agreementToProjectInput,
  createEventInput,
  eventDetail,
  eventListResponse,
  eventSummary,
  updateEventInput,
  EventKind,
} from '../../../common/api/events.ts';
import { api, type Query } from '../../app/api-client.ts';

export type { EventKind };
export type EventSummary = z.infer<typeof eventSummary>;
export type EventDetail = z.infer<typeof eventDetail>;
export type EventAgreement = EventDetail['agreements'][number];
export type EventList = z.infer<typeof eventListResponse>;
export type CreateEventInput = z.input<typeof createEventInput>;
export type UpdateEventInput = z.input<typeof updateEventInput>;
export type AgreementInput = z.input<typeof agreementInput>;
export type AgreementToProjectInput = z.input<typeof agreementToProjectInput>;

export interface EventListParams extends Query {
  pairingId?: string;
  kind?: EventKind;
  year?: number;
  demo?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export const eventsApi = {
  list: (params: EventListParams, signal?: AbortSignal) => api.get<EventList>('/api/events', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<EventDetail>(eventPath(id), undefined, { signal }),
  create: (input: CreateEventInput) => api.post<EventDetail>('/api/events', input),
  update: (id: string, input: UpdateEventInput) => api.patch<EventDetail>(eventPath(id), input),
  sign: (id: string, input: AgreementInput) => api.post<EventDetail>(`${eventPath(id)}/agreements`, input),
  /** The agreement becomes a project in stage 签约, linked to the event. */
  toProject: (id: string, agreementId: string, input: AgreementToProjectInput) =>
    api.post<EventDetail>(`${eventPath(id)}/agreements/${encodeURIComponent(agreementId)}/project`, input),
};

const kinds: Record<EventKind, true> = {
  promotion: true,
  expo: true,
  forum: true,
  visit: true,
  culture_day: true,
  product_fair: true,
};
export const EVENT_KINDS = Object.keys(kinds) as EventKind[];
