import type {
  AgreementBody,
  AgreementToProjectBody,
  CreateEventBody,
  EventDetail,
  EventList,
  EventListParams,
  UpdateEventBody,
} from '../../../common/api/events.ts';
import { api, requestFile, type Query } from '../../app/api-client.ts';
import { withoutPage } from '../../shared/list-export.ts';

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export const eventsApi = {
  list: (params: EventListParams, signal?: AbortSignal) => api.get<EventList>('/api/events', params, { signal }),
  /** The list as filtered, as an Excel workbook. */
  exportList: (params: EventListParams) =>
    requestFile('/api/events/export.xlsx', { query: withoutPage(params) as Query }),
  get: (id: string, signal?: AbortSignal) => api.get<EventDetail>(eventPath(id), undefined, { signal }),
  create: (input: CreateEventBody) => api.post<EventDetail>('/api/events', input),
  update: (id: string, input: UpdateEventBody) => api.patch<EventDetail>(eventPath(id), input),
  sign: (id: string, input: AgreementBody) => api.post<EventDetail>(`${eventPath(id)}/agreements`, input),
  /** The agreement becomes a project in stage 签约, linked to the event. */
  toProject: (id: string, agreementId: string, input: AgreementToProjectBody) =>
    api.post<EventDetail>(`${eventPath(id)}/agreements/${encodeURIComponent(agreementId)}/project`, input),
};
