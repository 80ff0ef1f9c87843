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
 * Programme-level plans (the State Council's 工作方案) and their tasks belong to the national office; pairing
 * offices import and run their own pairings' plans, which the repositories' scope already limits them to.
 */
export function assertCanManageProgrammeLevel(actor: Actor) {
  if (!actor.roles.includes('national_office'))
    throw forbidden([fieldError('pairingId', 'programme_plan_requires_national')]);
}
