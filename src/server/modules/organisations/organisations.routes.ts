import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  createOrganisationInput,
  organisationItem,
  organisationListQuery,
  organisationListResponse,
  updateOrganisationInput,
} from '../../../common/api/organisations.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentOrganisation } from './organisations.presenter.ts';
import {
  createOrganisation,
  organisationDetail,
  organisationPage,
  updateOrganisationById,
} from './organisations.service.ts';

export function registerOrganisationRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'organisations');
  r.get(
    '/api/organisations',
    { access: 'organisation.read', query: organisationListQuery, response: organisationListResponse },
    async ({ ctx, query }) => {
      const page = await organisationPage(ctx, query);
      return { ...page, items: page.items.map(presentOrganisation) };
    },
  );
  r.get(
    '/api/organisations/:id',
    { access: 'organisation.read', params: idParams, response: organisationItem },
    async ({ ctx, params }) => presentOrganisation(await organisationDetail(ctx, params.id)),
  );
  r.post(
    '/api/organisations',
    { access: 'organisation.manage', body: createOrganisationInput, response: organisationItem, status: 201 },
    async ({ ctx, body }) => presentOrganisation(await organisationDetail(ctx, await createOrganisation(ctx, body))),
  );
  r.patch(
    '/api/organisations/:id',
    { access: 'organisation.manage', params: idParams, body: updateOrganisationInput, response: organisationItem },
    async ({ ctx, params, body }) => {
      await updateOrganisationById(ctx, params.id, body);
      return presentOrganisation(await organisationDetail(ctx, params.id));
    },
  );
}
