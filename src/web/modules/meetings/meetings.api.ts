import type { MeetingKind } from '../../../common/api/enums.ts';
import type {
  AddDecisionsInput,
  CreateMeetingBody,
  MeetingDetail,
  MeetingList,
  MeetingListParams,
  NextHost,
  RotationInput,
  UpdateMeetingBody,
} from '../../../common/api/meetings.ts';
import { api, request } from '../../app/api-client.ts';

const meetingPath = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export const meetingsApi = {
  list: (params: MeetingListParams, signal?: AbortSignal) => api.get<MeetingList>('/api/meetings', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<MeetingDetail>(meetingPath(id), undefined, { signal }),
  create: (input: CreateMeetingBody) => api.post<MeetingDetail>('/api/meetings', input),
  update: (id: string, input: UpdateMeetingBody) => api.patch<MeetingDetail>(meetingPath(id), input),
  addDecisions: (id: string, input: AddDecisionsInput) =>
    api.post<MeetingDetail>(`${meetingPath(id)}/decisions`, input),
  /** The host the rotation proposes for the next meeting of a kind, with the order and the last meeting. */
  nextHost: (pairingId: string, kind: MeetingKind, signal?: AbortSignal) =>
    api.get<NextHost>('/api/meetings/next-host', { pairingId, kind }, { signal }),
  setRotation: (input: RotationInput) => request<{ ok: true }>('PUT', '/api/meetings/rotation', { body: input }),
};
