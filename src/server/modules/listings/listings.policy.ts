import { hasPermission } from '../../../common/access/permissions.ts';
import { AppError, fieldError, forbidden } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';

/** Pairing offices, lead units and the national office moderate the listings of the pairings in their scope. */
export const moderates = (actor: Actor) => hasPermission(actor.roles, 'listing.moderate');

/** A self-registered organisation waits for a pairing office's approval; one made by an administrator does not. */
export type RegistrationStanding = 'approved' | 'pending' | 'refused' | 'none';

/** Until approved, an account sees only published listings and can neither publish nor express interest. */
export const seesOnlyPublished = (standing: RegistrationStanding) => standing === 'pending' || standing === 'refused';

export function assertMayAct(standing: RegistrationStanding) {
  if (seesOnlyPublished(standing)) throw new AppError(403, 'registration_pending');
}

/** Its own organisation edits a listing; a moderator any listing of a pairing in its scope. */
export function assertMayEdit(actor: Actor, listing: { ownerOrganisationId: string; pairingId: string }) {
  if (listing.ownerOrganisationId === actor.organisationId) return;
  if (moderates(actor) && inPairingScope(actor, listing.pairingId)) return;
  throw forbidden([fieldError('id', 'listing_not_editable')]);
}

/** Only a moderator of the listing's pairing publishes or withdraws it (its owner may withdraw its own). */
export function assertMayModerate(
  actor: Actor,
  listing: { ownerOrganisationId: string; pairingId: string },
  action: 'publish' | 'withdraw',
) {
  if (moderates(actor) && inPairingScope(actor, listing.pairingId)) return;
  if (action === 'withdraw' && listing.ownerOrganisationId === actor.organisationId) return;
  throw forbidden([fieldError('action', 'listing_not_editable')]);
}

/** The contact is seen by the owner's organisation, and by an organisation whose interest the owner accepted. */
export const seesContact = (actor: Actor, listing: { ownerOrganisationId: string }, acceptedInterest: boolean) =>
  listing.ownerOrganisationId === actor.organisationId || acceptedInterest;

/** Only an organisation a pairing office approved manages its own accounts (an administrator's are theirs). */
export function assertManagesOwnUsers(actor: Actor, standing: RegistrationStanding) {
  if (!hasPermission(actor.roles, 'organisation_user.manage') || standing !== 'approved')
    throw forbidden([fieldError('organisation', 'own_users_approved_only')]);
}

/** Nobody disables their own account here (the organisation would be left without its holder by a slip). */
export function assertNotOwnAccount(actor: Actor, userId: string) {
  if (userId === actor.userId) throw forbidden([fieldError('id', 'cannot_manage_self')]);
}
