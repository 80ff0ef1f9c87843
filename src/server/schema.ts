/** The one database schema: each module owns its tables; this file only gathers them for Drizzle. */
export * from './modules/regions/regions.tables.ts';
export * from './modules/programmes/programmes.tables.ts';
export * from './modules/pairings/pairings.tables.ts';
export * from './modules/organisations/organisations.tables.ts';
export * from './modules/users/users.tables.ts';
export * from './modules/auth/auth.tables.ts';
export * from './kernel/audit/audit.tables.ts';
export * from './modules/plans/plans.tables.ts';
export * from './modules/tasks/tasks.tables.ts';
export * from './modules/parks/parks.tables.ts';
export * from './modules/events/events.tables.ts';
export * from './modules/projects/projects.tables.ts';
export * from './modules/reporting/reporting.tables.ts';
export * from './modules/tracking/tracking.tables.ts';
export * from './modules/meetings/meetings.tables.ts';
export * from './kernel/jobs/jobs.tables.ts';
export * from './kernel/attachments/attachments.tables.ts';
