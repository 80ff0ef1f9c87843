import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import { programmeItem, programmeListResponse } from '../../../common/api/pairings.ts';
import { createProgrammeInput, updateProgrammeInput } from '../../../common/api/programmes.ts';
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentProgramme } from './programmes.presenter.ts';
import { registerProgrammeGrantRoutes } from './programme-grants.routes.ts';
import { createProgramme, listProgrammes, updateProgramme } from './programmes.service.ts';

/** A programme as the list shows it, read after a change (a national office granted it sees it now). */
async function shownProgramme(ctx: AuthedContext, id: string) {
  const { scope } = ctx.actor;
  const actor = scope.all
    ? ctx.actor
    : { ...ctx.actor, scope: { ...scope, programmeIds: [...(scope.programmeIds ?? []), id] } };
  const row = (await listProgrammes({ ...ctx, actor })).find((p) => p.programme.id === id);
  if (!row) throw notFound();
  return presentProgramme(row);
}

export function registerProgrammeRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'programmes');
  r.get('/api/programmes', { access: 'programme.read', response: programmeListResponse }, async ({ ctx }) => ({
    items: (await listProgrammes(ctx)).map(presentProgramme),
  }));
  r.post(
    '/api/programmes',
    { access: 'programme.manage', body: createProgrammeInput, response: programmeItem, status: 201 },
    async ({ ctx, body }) => shownProgramme(ctx, await createProgramme(ctx, body)),
  );
  r.patch(
    '/api/programmes/:id',
    { access: 'programme.manage', params: idParams, body: updateProgrammeInput, response: programmeItem },
    async ({ ctx, params, body }) => {
      await updateProgramme(ctx, params.id, body);
      return shownProgramme(ctx, params.id);
    },
  );
  registerProgrammeGrantRoutes(app);
}
