import type { AuthedContext } from '../../http/context.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { type Contact, openContact } from './listing-contact-cipher.ts';
import { interestsOf } from './listing-interests.service.ts';
import { type ListingRow, listInterests } from './listings.repository.ts';

/** Whether the actor's organisation may see this listing's contact: its own, or an interest the owner accepted. */
export async function contactFor(
  ctx: AuthedContext,
  row: Pick<ListingRow, 'id' | 'ownerOrganisationId' | 'contactCipher'>,
) {
  if (row.ownerOrganisationId === ctx.actor.organisationId) return openContact(ctx, row.id, row.contactCipher);
  const accepted = (await listInterests(ctx.db, ctx.actor.organisationId, row.id)).some(
    (i) => i.organisationId === ctx.actor.organisationId && i.revealedAt,
  );
  if (!accepted) return null;
  await auditStandalone(ctx, {
    action: 'listing.contact_view',
    result: 'success',
    objectType: 'listing',
    objectId: row.id,
  });
  return openContact(ctx, row.id, row.contactCipher);
}

/**
 * The interests the actor's organisation expressed or received, with the listing's contact for each interest of its
 * own that the owner accepted; those reveals are audited together.
 */
export async function interestContacts(ctx: AuthedContext, listingId?: string) {
  const rows = await interestsOf(ctx, listingId);
  const contacts = new Map<string, Contact>();
  for (const r of rows)
    if (r.revealedAt && r.organisationId === ctx.actor.organisationId)
      contacts.set(r.id, openContact(ctx, r.listingId, r.listingContactCipher));
  if (contacts.size)
    await auditStandalone(ctx, {
      action: 'listing.contact_view',
      result: 'success',
      objectType: 'listing_interest',
      objectId: undefined,
      details: { interests: [...contacts.keys()] },
    });
  return { rows, contacts };
}
