import type { FastifyInstance } from 'fastify';
import { programmeFile, programmeLoadReport } from '../../../common/api/programmes.ts';
import { moduleRoutes } from '../../http/route.ts';
import { loadProgrammeFile } from './programme-load.service.ts';

/** The same load as `duikou programme load FILE`: the file's JSON as the body. */
export function registerProgrammeLoadRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'pairings');
  r.post(
    '/api/programmes/load',
    { access: 'programme.manage', body: programmeFile, response: programmeLoadReport, bodyLimit: 4 * 1024 * 1024 },
    async ({ ctx, body }) => loadProgrammeFile(ctx, body),
  );
}
