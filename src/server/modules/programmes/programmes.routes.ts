import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { programmeListResponse } from '../../../common/api/pairings.ts';
import { listProgrammes } from './programmes.repository.ts';

export function registerProgrammeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/programmes',
    {
      config: { access: 'programme.read' },
      schema: { tags: ['programmes'], response: { 200: programmeListResponse } },
    },
    async (req) => {
      const rows = await listProgrammes(req.ctx.db, req.actor!);
      return {
        items: rows.map(({ programme: p, sourceTitle, sourceDocNo, pairingCount }) => ({
          id: p.id,
          name: p.name,
          shortName: p.shortName,
          docNo: p.docNo,
          issuer: p.issuer,
          issuedOn: p.issuedOn,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          goals: p.goals,
          ownerOffice: p.ownerOffice,
          pairingCount: Number(pairingCount),
          source: p.sourceDocumentId
            ? { documentId: p.sourceDocumentId, title: sourceTitle ?? '', docNo: sourceDocNo, line: null, quote: null }
            : null,
        })),
      };
    },
  );
}
