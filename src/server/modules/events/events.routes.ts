import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  agreementInput,
  agreementParams,
  agreementToProjectInput,
  createEventInput,
  eventDetail,
  eventListQuery,
  eventListResponse,
  updateEventInput,
} from '../../../common/api/events.ts';
import { moduleRoutes } from '../../http/route.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { exportEventList } from './event-list-export.ts';
import { presentEventDetail, presentEventSummary } from './events.presenter.ts';
import {
  agreementToProject,
  createEvent,
  eventDetail as loadEventDetail,
  listEventPage,
  signAgreement,
  updateEvent,
} from './events.service.ts';

export function registerEventRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'events');
  r.get(
    '/api/events',
    { access: 'event.read', query: eventListQuery, response: eventListResponse },
    async ({ ctx, query }) => {
      const page = await listEventPage(ctx, query);
      return { ...page, items: page.items.map(presentEventSummary) };
    },
  );
  r.get(
    '/api/events/export.xlsx',
    { access: 'event.read', query: eventListQuery.omit({ page: true, pageSize: true }) },
    async ({ ctx, query, reply }) => {
      const { fileName, file } = await exportEventList(ctx, query);
      return sendXlsx(reply, fileName, file);
    },
  );
  r.get('/api/events/:id', { access: 'event.read', params: idParams, response: eventDetail }, async ({ ctx, params }) =>
    presentEventDetail(await loadEventDetail(ctx, params.id)),
  );
  r.post(
    '/api/events',
    { access: 'event.manage', body: createEventInput, response: eventDetail, status: 201 },
    async ({ ctx, body }) => presentEventDetail(await loadEventDetail(ctx, await createEvent(ctx, body))),
  );
  r.patch(
    '/api/events/:id',
    { access: 'event.manage', params: idParams, body: updateEventInput, response: eventDetail },
    async ({ ctx, params, body }) => {
      await updateEvent(ctx, params.id, body);
      return presentEventDetail(await loadEventDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/events/:id/agreements',
    { access: 'event.manage', params: idParams, body: agreementInput, response: eventDetail, status: 201 },
    async ({ ctx, params, body }) => {
      await signAgreement(ctx, params.id, body);
      return presentEventDetail(await loadEventDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/events/:id/agreements/:agreementId/project',
    {
      access: 'project.manage',
      params: agreementParams,
      body: agreementToProjectInput,
      response: eventDetail,
      status: 201,
    },
    async ({ ctx, params, body }) => {
      await agreementToProject(ctx, params.id, params.agreementId, body);
      return presentEventDetail(await loadEventDetail(ctx, params.id));
    },
  );
}
