import type { Actor } from '../../http/context.ts';
import { forbidden, fieldError } from '../../http/app-error.ts';

/**
 * Programme-level plans (the State Council's 工作方案) and their tasks belong to the national office; pairing
 * offices import and run their own pairings' plans, which the repositories' scope already limits them to.
 */
export function assertCanManageProgrammePlan(actor: Actor) {
  if (!actor.roles.includes('national_office'))
    throw forbidden([fieldError('pairingId', 'programme_plan_requires_national')]);
}
