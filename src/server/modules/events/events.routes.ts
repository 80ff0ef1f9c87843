import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../common/api/common.ts';
import {
  createEventInput,
  updateEventInput,
  agreementInput,
  agreementToProjectInput,
  eventDetail,
  eventListQuery,
  eventListResponse,
  agreementParams,
} from '../../../common/api/events.ts';
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { listEvents, findEvent, findEventSummary, agreementsOf } from './events.repository.ts';
import { presentEventDetail, presentEventSummary } from './events.presenter.ts';
import { createEvent, updateEvent, signAgreement, agreementToProject } from './events.service.ts';

async function loadDetail(ctx: AuthedContext, id: string) {
  const [row, summary] = await Promise.all([findEvent(ctx.db, ctx.actor, id), findEventSummary(ctx.db, ctx.actor, id)]);
  if (!row || !summary) throw notFound();
  return presentEventDetail(summary, row, await agreementsOf(ctx.db, id));
}

export function registerEventRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/events',
    {
      config: { access: 'event.read' },
      schema: { tags: ['events'], querystring: eventListQuery, response: { 200: eventListResponse } },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { items, total } = await listEvents(req.ctx.db, req.actor!, filter, page, pageSize);
      return { items: items.map(presentEventSummary), total, page, pageSize };
    },
  );
  r.get(
    '/api/events/:id',
    {
      config: { access: 'event.read' },
      schema: { tags: ['events'], params: idParams, response: { 200: eventDetail } },
    },
    async (req) => loadDetail(req.ctx as AuthedContext, req.params.id),
  );
  r.post(
    '/api/events',
    {
      config: { access: 'event.manage' },
      schema: { tags: ['events'], body: createEventInput, response: { 201: eventDetail } },
    },
    async (req, reply) => {
      const id = await createEvent(req.ctx as AuthedContext, req.body);
      return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, id));
    },
  );
  r.patch(
    '/api/events/:id',
    {
      config: { access: 'event.manage' },
      schema: { tags: ['events'], params: idParams, body: updateEventInput, response: { 200: eventDetail } },
    },
    async (req) => {
      await updateEvent(req.ctx as AuthedContext, req.params.id, req.body);
      return loadDetail(req.ctx as AuthedContext, req.params.id);
    },
  );
  r.post(
    '/api/events/:id/agreements',
    {
      config: { access: 'event.manage' },
      schema: { tags: ['events'], params: idParams, body: agreementInput, response: { 201: eventDetail } },
    },
    async (req, reply) => {
      await signAgreement(req.ctx as AuthedContext, req.params.id, req.body);
      return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, req.params.id));
    },
  );
  r.post(
    '/api/events/:id/agreements/:agreementId/project',
    {
      config: { access: 'project.manage' },
      schema: {
        tags: ['events'],
        params: agreementParams,
        body: agreementToProjectInput,
        response: { 201: eventDetail },
      },
    },
    async (req, reply) => {
      await agreementToProject(req.ctx as AuthedContext, req.params.id, req.params.agreementId, req.body);
      return reply.status(201).send(await loadDetail(req.ctx as AuthedContext, req.params.id));
    },
  );
}
