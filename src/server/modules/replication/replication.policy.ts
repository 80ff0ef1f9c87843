import { hasPermission } from '../../../common/access/permissions.ts';
import type { Actor } from '../../http/context.ts';

/** Pairing offices register and edit their pairings' practices and every adoption of them. */
export function keepsRegister(actor: Actor): boolean {
  return hasPermission(actor.roles, 'replication.manage');
}

/**
 * Whether the actor's changes are an office's (any unit, any adoption) rather than a unit's own. The national office
 * counts as one for the platform's own tools (demo data, command line); its routes stop at reading.
 */
export function actsAsOffice(actor: Actor): boolean {
  return keepsRegister(actor) || actor.roles.includes('national_office');
}

/** An adoption is the office's to keep, or the adopting unit's own (a lead unit records how far it has come). */
export function mayManageAdoption(actor: Actor, adoption: { adopterOrganisationId: string | null }): boolean {
  if (actsAsOffice(actor)) return true;
  return hasPermission(actor.roles, 'replication.adopt') && adoption.adopterOrganisationId === actor.organisationId;
}

/** Who may record a new adoption: an office, or a unit for itself (the service checks its region's side). */
export function mayAdopt(actor: Actor): boolean {
  return hasPermission(actor.roles, 'replication.adopt');
}
