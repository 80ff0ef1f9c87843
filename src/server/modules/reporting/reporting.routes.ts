import type { FastifyInstance } from 'fastify';
import { registerCycleRoutes } from './cycles.routes.ts';
import { registerReportRoutes } from './reports.routes.ts';
import { registerAttachmentRoutes } from './attachments.routes.ts';

/** Progress reporting (调度): cycles, reports and their attachments, and the in-app notices that remind units. */
export function registerReportingRoutes(app: FastifyInstance) {
  registerCycleRoutes(app);
  registerReportRoutes(app);
  registerAttachmentRoutes(app);
}
