import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageQuery } from '../../../common/api/common.ts';
import { organisationUserInput, organisationUserUpdate } from '../../../common/api/listings.ts';
import { userItem, userListResponse } from '../../../common/api/users.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentUser } from '../users/users.presenter.ts';
import { inviteOwnUser, ownUserDetail, ownUsers, setOwnUserActive } from './organisation-users.service.ts';

/** An approved organisation's own accounts: listed, invited and disabled by its people, never another's. */
export function registerOrganisationUserRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'listings');
  r.get(
    '/api/organisation-users',
    { access: 'organisation_user.manage', query: z.strictObject(pageQuery), response: userListResponse },
    async ({ ctx, query }) => {
      const page = await ownUsers(ctx, query.page, query.pageSize);
      return { ...page, items: page.items.map(presentUser) };
    },
  );
  r.post(
    '/api/organisation-users',
    { access: 'organisation_user.manage', body: organisationUserInput, response: userItem, status: 201 },
    async ({ ctx, body }) => presentUser(await ownUserDetail(ctx, await inviteOwnUser(ctx, body))),
  );
  r.patch(
    '/api/organisation-users/:id',
    { access: 'organisation_user.manage', params: idParams, body: organisationUserUpdate, response: userItem },
    async ({ ctx, params, body }) => {
      await setOwnUserActive(ctx, params.id, body);
      return presentUser(await ownUserDetail(ctx, params.id));
    },
  );
}
