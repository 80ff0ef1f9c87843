import type { FastifyInstance } from 'fastify';
import { programmeListResponse } from '../../../common/api/pairings.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentProgramme } from './programmes.presenter.ts';
import { listProgrammes } from './programmes.service.ts';

export function registerProgrammeRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'programmes');
  r.get('/api/programmes', { access: 'programme.read', response: programmeListResponse }, async ({ ctx }) => ({
    items: (await listProgrammes(ctx)).map(presentProgramme),
  }));
}
