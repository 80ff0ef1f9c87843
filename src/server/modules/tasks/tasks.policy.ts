import type { Actor } from '../../http/context.ts';
import { fieldError, forbidden } from '../../http/app-error.ts';

/** A lead unit (without an office role) sees the tasks its organisation is assigned to, and no others (nor their reports). */
export function seesOnlyOwnTasks(actor: Actor): boolean {
  return !actor.roles.includes('national_office') && !actor.roles.includes('pairing_office');
}

/**
 * Programme-level plans (the State Council's 工作方案) and their tasks belong to the national office; pairing
 * offices import and run their own pairings' plans, which the repositories' scope already limits them to.
 */
export function assertCanManageProgrammeLevel(actor: Actor) {
  if (!actor.roles.includes('national_office'))
    throw forbidden([fieldError('pairingId', 'programme_plan_requires_national')]);
}
