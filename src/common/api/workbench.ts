import { z } from 'zod';
import { inboxItem, reportSummary } from './reporting.ts';
import { itemSummary } from './tracking.ts';
import { pairingTasks } from './task-overview.ts';

export const workbenchChange = z.object({
  taskId: z.uuid(),
  code: z.string(),
  title: z.string(),
  pairingName: z.string().nullable(),
  at: z.string(),
  actorName: z.string().nullable(),
  organisationName: z.string(),
  /** The fields the edit changed (status, percent, deadline, units, …). */
  fields: z.array(z.string()),
});
export type WorkbenchChange = z.infer<typeof workbenchChange>;

/** Another change by the other side (a project, report, period, meeting or tracked item), from the audit trail. */
export const workbenchActivity = z.object({
  /** The audit action (project.stage, report.submit, …), said in words by the audit catalogue. */
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  /** The record's current title (a report: its task). */
  title: z.string().nullable(),
  pairingName: z.string().nullable(),
  at: z.string(),
  actorName: z.string().nullable(),
  organisationName: z.string(),
});
export type WorkbenchActivity = z.infer<typeof workbenchActivity>;

export const workbenchImport = z.object({
  id: z.uuid(),
  kind: z.string(),
  createdAt: z.string(),
  rowErrors: z.number().int(),
});

/**
 * The day's work of the signed-in user's organisation. A section the role has no part in is null (a unit reviews
 * nothing); lists are short (the most urgent first) and `counts` says how many there are in all.
 */
export const workbenchResponse = z.object({
  today: z.string(),
  counts: z.object({
    toFill: z.number().int(),
    toReview: z.number().int(),
    itemsDue: z.number().int(),
    unassignedTasks: z.number().int(),
    failedImports: z.number().int(),
    /** The sum the menu's badge shows. */
    total: z.number().int(),
  }),
  toFill: z.array(inboxItem).nullable(),
  toReview: z.array(reportSummary).nullable(),
  itemsDue: z.array(itemSummary).nullable(),
  pairings: z.array(pairingTasks).nullable(),
  failedImports: z.array(workbenchImport),
  recentChanges: z.array(workbenchChange).nullable(),
  recentActivity: z.array(workbenchActivity).nullable(),
});
export type Workbench = z.infer<typeof workbenchResponse>;

/** An organisation the first-run checklist proposes, and whether it (and a user in it) exists yet. */
const firstRunOrganisation = z.object({
  proposedName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The organisation once created (null: still to create). */
  organisationId: z.uuid().nullable(),
  users: z.number().int(),
});

/** The administrator's first run: the national office, the pairing offices the plans name, then their users. */
export const firstRunResponse = z.object({
  nationalOffice: firstRunOrganisation,
  offices: z.array(firstRunOrganisation.extend({ officeName: z.string(), pairingName: z.string() })),
  /** Every step done: the national office and every office exist, each with a user. */
  done: z.boolean(),
});
export type FirstRun = z.infer<typeof firstRunResponse>;
