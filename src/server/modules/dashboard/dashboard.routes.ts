import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardResponse } from '../../../common/api/dashboard.ts';
import { hasPermission } from '../../../common/access/permissions.ts';
import { topLevelPairings, countPairingsByKind } from '../pairings/pairings.repository.ts';
import { presentSummaries } from '../pairings/pairings.presenter.ts';
import { listProgrammes } from '../programmes/programmes.repository.ts';
import { projectStats } from '../projects/project-stats.ts';

/** The national dashboard, limited to what the user may see: a pairing office gets its own pairings' view. */
export function registerDashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/dashboard',
    {
      config: { access: 'dashboard.read', cacheable: true },
      schema: { tags: ['dashboard'], response: { 200: dashboardResponse } },
    },
    async (req) => {
      const { db } = req.ctx;
      const actor = req.actor!;
      // Project figures only for those who may read the ledgers they come from; scoped like the ledgers.
      const readsProjects = hasPermission(actor.roles, 'project.read');
      const [programmes, counts, top, projects] = await Promise.all([
        listProgrammes(db, actor),
        countPairingsByKind(db, actor),
        topLevelPairings(db, actor),
        readsProjects ? projectStats(db, actor, { groupBy: 'pairing' }) : Promise.resolve(null),
      ]);
      const first = programmes[0]?.programme;
      return {
        programme: first ? { id: first.id, name: first.name, docNo: first.docNo, issuedOn: first.issuedOn } : null,
        counts: {
          pairings: Number(counts.top),
          subPairs: Number(counts.sub),
          regions: Number(counts.regions),
          exploratory: Number(counts.exploratory),
        },
        pairings: await presentSummaries(db, top),
        projects,
      };
    },
  );
}
