import type { Actor } from '../../http/context.ts';
import { fieldError, forbidden } from '../../http/app-error.ts';

/**
 * A lead unit (without an office role) sees the tasks its organisation is assigned to, and no others (nor their
 * reports). 组织部 sees its pairings' tasks, to count the trainings it records toward their targets.
 */
export function seesOnlyOwnTasks(actor: Actor): boolean {
  return !(['national_office', 'pairing_office', 'org_dept'] as const).some((role) => actor.roles.includes(role));
}

/**
 * What of the actor, besides its roles and pairing scope, decides which tasks (and reports) it sees: a lead unit's
 * organisation, else nothing. Readers alike in roles, scope and this share kept answers of the task views
 * (http/response-cache.ts, sharedAnswer); a list asked for the reader's own tasks (`mine`) is its organisation's.
 */
export function tasksSeenBy(actor: Actor, query?: unknown): string {
  const mine = (query as { mine?: unknown } | null | undefined)?.mine !== undefined;
  return seesOnlyOwnTasks(actor) || mine ? `organisation:${actor.organisationId}` : '';
}

/**
 * Programme-level plans (the State Council's 工作方案) and their tasks belong to the national office; pairing
 * offices import and run their own pairings' plans, which the repositories' scope already limits them to.
 */
export function assertCanManageProgrammeLevel(actor: Actor) {
  if (!actor.roles.includes('national_office'))
    throw forbidden([fieldError('pairingId', 'programme_plan_requires_national')]);
}
