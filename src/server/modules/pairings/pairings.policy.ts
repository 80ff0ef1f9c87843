import type { Actor } from '../../http/context.ts';
import { forbidden, fieldError } from '../../http/app-error.ts';
import type { UpdatePairingInput } from '../../../common/api/pairings.ts';

/** Fields a pairing office may change on a national-level pairing it belongs to: its own offices and contacts. */
const OFFICE_EDITABLE_ON_TOP_LEVEL = new Set(['version', 'offices', 'contacts', 'note']);

/**
 * The national office sets up and changes the pairings the State Council decided; pairing offices run their
 * pairings' sub-pairs and keep their own office details current.
 */
export function assertCanCreatePairing(actor: Actor, parentId: string | null | undefined) {
  if (!parentId && !actor.roles.includes('national_office'))
    throw forbidden([fieldError('parentId', 'top_level_requires_national')]);
}

export function assertCanUpdatePairing(actor: Actor, pairing: { parentId: string | null }, input: UpdatePairingInput) {
  if (actor.roles.includes('national_office')) return;
  const touchesStructure = Object.keys(input).some((k) => !OFFICE_EDITABLE_ON_TOP_LEVEL.has(k));
  const movesToTop = input.parentId === null;
  if ((pairing.parentId === null && touchesStructure) || movesToTop)
    throw forbidden([fieldError('parentId', 'top_level_requires_national')]);
}
