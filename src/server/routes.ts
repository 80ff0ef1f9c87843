import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { moduleRoutes } from './http/route.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerRegionRoutes } from './modules/regions/regions.routes.ts';
import { registerProgrammeRoutes } from './modules/programmes/programmes.routes.ts';
import { registerPairingRoutes } from './modules/pairings/pairings.routes.ts';
import { registerProgrammeLoadRoutes } from './modules/pairings/programme-load.routes.ts';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { registerIndicatorRoutes } from './modules/indicators/indicators.routes.ts';
import { registerEvaluationRoutes } from './modules/evaluations/evaluations.routes.ts';
import { registerSummaryRoutes } from './modules/summaries/summaries.routes.ts';
import { registerOrganisationRoutes } from './modules/organisations/organisations.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerPlanRoutes } from './modules/plans/plans.routes.ts';
import { registerTaskRoutes } from './modules/tasks/tasks.routes.ts';
import { registerProjectRoutes } from './modules/projects/projects.routes.ts';
import { registerProjectAttachmentRoutes } from './modules/projects/project-attachments.routes.ts';
import { registerEventRoutes } from './modules/events/events.routes.ts';
import { registerListingRoutes } from './modules/listings/listings.routes.ts';
import { registerParkRoutes } from './modules/parks/parks.routes.ts';
import { registerReportingRoutes } from './modules/reporting/reporting.routes.ts';
import { registerPeopleRoutes } from './modules/people/people.routes.ts';
import { registerTrackingRoutes } from './modules/tracking/tracking.routes.ts';
import { registerItemAttachmentRoutes } from './modules/tracking/item-attachments.routes.ts';
import { registerMeetingRoutes } from './modules/meetings/meetings.routes.ts';
import { registerReplicationRoutes } from './modules/replication/replication.routes.ts';
import { registerNotificationRoutes } from './kernel/notifications/notification-routes.ts';
import { declareOpenDataPage, registerOpenDataRoutes } from './modules/open-data/open-data.routes.ts';
import { registerWorkbenchRoutes } from './modules/workbench/workbench.routes.ts';
import { registerNewsRoutes } from './modules/portal/news.routes.ts';
import { registerPublicPortalRoutes } from './modules/portal/public.routes.ts';
import { registerDemoRoutes } from './seed/demo.routes.ts';

/** Every module's routes, in one place so a newcomer sees the whole API surface. */
export async function registerModuleRoutes(app: FastifyInstance) {
  moduleRoutes(app, 'system').get(
    '/api/health',
    { access: 'public', response: z.object({ ok: z.literal(true) }) },
    async () => ({ ok: true as const }),
  );
  registerAuthRoutes(app, app.setupToken);
  registerDashboardRoutes(app);
  registerIndicatorRoutes(app);
  registerEvaluationRoutes(app);
  registerSummaryRoutes(app);
  registerProgrammeRoutes(app);
  registerPairingRoutes(app);
  registerProgrammeLoadRoutes(app);
  registerRegionRoutes(app);
  registerOrganisationRoutes(app);
  registerUserRoutes(app);
  registerAuditRoutes(app);
  registerPlanRoutes(app);
  registerTaskRoutes(app);
  registerProjectRoutes(app);
  registerProjectAttachmentRoutes(app);
  registerEventRoutes(app);
  registerListingRoutes(app);
  registerParkRoutes(app);
  registerReportingRoutes(app);
  registerPeopleRoutes(app);
  registerTrackingRoutes(app);
  registerItemAttachmentRoutes(app);
  registerMeetingRoutes(app);
  registerReplicationRoutes(app);
  registerNotificationRoutes(app);
  registerOpenDataRoutes(app);
  registerNewsRoutes(app);
  registerPublicPortalRoutes(app, declareOpenDataPage);
  registerWorkbenchRoutes(app);
  registerDemoRoutes(app);
}
