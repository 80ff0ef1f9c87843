import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardResponse } from '../../../common/api/dashboard.ts';
import { topLevelPairings, countPairingsByKind } from '../pairings/pairings.repository.ts';
import { presentSummaries } from '../pairings/pairings.presenter.ts';
import { listProgrammes } from '../programmes/programmes.repository.ts';

/** The national dashboard, limited to what the user may see: a pairing office gets its own pairings' view. */
export function registerDashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/dashboard', { config: { access: 'dashboard.read' }, schema: { tags: ['dashboard'], response: { 200: dashboardResponse } } }, async (req) => {
    const { db } = req.ctx;
    const actor = req.actor!;
    const [programmes, counts, top] = await Promise.all([listProgrammes(db, actor), countPairingsByKind(db, actor), topLevelPairings(db, actor)]);
    const first = programmes[0]?.programme;
    return {
      programme: first ? { id: first.id, name: first.name, docNo: first.docNo, issuedOn: first.issuedOn } : null,
      counts: { pairings: Number(counts.top), subPairs: Number(counts.sub), regions: Number(counts.regions), exploratory: Number(counts.exploratory) },
      pairings: await presentSummaries(db, top),
    };
  });
}
