import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../common/api/common.ts';
import {
  organisationItem,
  organisationListQuery,
  organisationListResponse,
  createOrganisationInput,
  updateOrganisationInput,
  type OrganisationItem,
} from '../../../common/api/organisations.ts';
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { findOrganisation, listOrganisations } from './organisations.repository.ts';
import { createOrganisation, updateOrganisationById } from './organisations.service.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;
const present = (o: Row): OrganisationItem => ({
  ...o,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

export function registerOrganisationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const load = async (ctx: AuthedContext, id: string) => {
    const row = await findOrganisation(ctx.db, ctx.actor, id);
    if (!row) throw notFound();
    return present(row);
  };
  r.get(
    '/api/organisations',
    {
      config: { access: 'organisation.read' },
      schema: {
        tags: ['organisations'],
        querystring: organisationListQuery,
        response: { 200: organisationListResponse },
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { items, total } = await listOrganisations(req.ctx.db, req.actor!, filter, page, pageSize);
      return { items: items.map(present), total, page, pageSize };
    },
  );
  r.get(
    '/api/organisations/:id',
    {
      config: { access: 'organisation.read' },
      schema: { tags: ['organisations'], params: idParams, response: { 200: organisationItem } },
    },
    async (req) => load(req.ctx as AuthedContext, req.params.id),
  );
  r.post(
    '/api/organisations',
    {
      config: { access: 'organisation.manage' },
      schema: { tags: ['organisations'], body: createOrganisationInput, response: { 201: organisationItem } },
    },
    async (req, reply) => {
      const id = await createOrganisation(req.ctx as AuthedContext, req.body);
      return reply.status(201).send(await load(req.ctx as AuthedContext, id));
    },
  );
  r.patch(
    '/api/organisations/:id',
    {
      config: { access: 'organisation.manage' },
      schema: {
        tags: ['organisations'],
        params: idParams,
        body: updateOrganisationInput,
        response: { 200: organisationItem },
      },
    },
    async (req) => {
      await updateOrganisationById(req.ctx as AuthedContext, req.params.id, req.body);
      return load(req.ctx as AuthedContext, req.params.id);
    },
  );
}
