import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  programmeGrantInput,
  programmeGrantList,
  programmeGrantParams,
  programmeRevokeInput,
} from '../../../common/api/programmes.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentProgrammeGrants } from './programme-grants.presenter.ts';
import { grantProgramme, programmeGrants, revokeProgramme } from './programme-grants.service.ts';

/** Who works in a programme besides the unrestricted national office: its grants, given and taken back. */
export function registerProgrammeGrantRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'programmes');
  r.get(
    '/api/programmes/:id/grants',
    { access: 'programme.manage', params: idParams, response: programmeGrantList },
    async ({ ctx, params }) => presentProgrammeGrants(await programmeGrants(ctx, params.id)),
  );
  r.post(
    '/api/programmes/:id/grants',
    { access: 'programme.manage', params: idParams, body: programmeGrantInput, response: programmeGrantList },
    async ({ ctx, params, body }) => presentProgrammeGrants(await grantProgramme(ctx, params.id, body.username)),
  );
  r.post(
    '/api/programmes/:id/grants/:userId/revoke',
    {
      access: 'programme.manage',
      params: programmeGrantParams,
      body: programmeRevokeInput,
      response: programmeGrantList,
    },
    async ({ ctx, params, body }) =>
      presentProgrammeGrants(await revokeProgramme(ctx, params.id, params.userId, body.reason)),
  );
}
