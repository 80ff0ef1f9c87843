import type { FastifyInstance } from 'fastify';
import { idParams, okResponse } from '../../../common/api/common.ts';
import {
  addDecisionsInput,
  createMeetingInput,
  meetingDetail,
  meetingListQuery,
  meetingListResponse,
  nextHost,
  nextHostQuery,
  rotationInput,
  updateMeetingInput,
} from '../../../common/api/meetings.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentMeetingDetail, presentMeetingSummary } from './meetings.presenter.ts';
import {
  addDecisions,
  createMeeting,
  listMeetingPage,
  meetingDetail as loadMeetingDetail,
  nextHost as proposeNextHost,
  setRotation,
  updateMeeting,
} from './meetings.service.ts';

export function registerMeetingRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'meetings');
  r.get(
    '/api/meetings',
    { access: 'meeting.read', query: meetingListQuery, response: meetingListResponse, cacheable: true },
    async ({ ctx, query }) => {
      const page = await listMeetingPage(ctx, query);
      return { ...page, items: page.items.map(presentMeetingSummary) };
    },
  );
  r.get(
    '/api/meetings/next-host',
    { access: 'meeting.read', query: nextHostQuery, response: nextHost },
    ({ ctx, query }) => proposeNextHost(ctx, query.pairingId, query.kind),
  );
  r.put(
    '/api/meetings/rotation',
    { access: 'meeting.manage', body: rotationInput, response: okResponse },
    async ({ ctx, body }) => {
      await setRotation(ctx, body);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/meetings/:id',
    { access: 'meeting.read', params: idParams, response: meetingDetail },
    async ({ ctx, params }) => presentMeetingDetail(await loadMeetingDetail(ctx, params.id)),
  );
  r.post(
    '/api/meetings',
    { access: 'meeting.manage', body: createMeetingInput, response: meetingDetail, status: 201 },
    async ({ ctx, body }) => presentMeetingDetail(await loadMeetingDetail(ctx, await createMeeting(ctx, body))),
  );
  r.patch(
    '/api/meetings/:id',
    { access: 'meeting.manage', params: idParams, body: updateMeetingInput, response: meetingDetail },
    async ({ ctx, params, body }) => {
      await updateMeeting(ctx, params.id, body);
      return presentMeetingDetail(await loadMeetingDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/meetings/:id/decisions',
    { access: 'meeting.manage', params: idParams, body: addDecisionsInput, response: meetingDetail, status: 201 },
    async ({ ctx, params, body }) => {
      await addDecisions(ctx, params.id, body);
      return presentMeetingDetail(await loadMeetingDetail(ctx, params.id));
    },
  );
}
