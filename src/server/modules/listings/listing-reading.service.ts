import type { ListingListQuery } from '../../../common/api/listings.ts';
import { fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import {
  countsPerPairingYear,
  findListing,
  findListingIdByRef,
  listingVisibility,
  listListings,
  publishablePairings,
} from './listings.repository.ts';
import { moderates, type RegistrationStanding, seesOnlyPublished } from './listings.policy.ts';
import { registrationStanding } from './registrations.repository.ts';

export async function standingOf(ctx: AuthedContext): Promise<RegistrationStanding> {
  return registrationStanding(ctx.db, ctx.actor.organisationId);
}

async function visibilityFor(ctx: AuthedContext) {
  const standing = await standingOf(ctx);
  return { standing, visibility: listingVisibility(ctx.actor, moderates(ctx.actor), seesOnlyPublished(standing)) };
}

export async function listListingPage(ctx: AuthedContext, { page, pageSize, ...filter }: ListingListQuery) {
  const { visibility } = await visibilityFor(ctx);
  const { items, total } = await listListings(ctx.db, ctx.actor, visibility, filter, chinaToday(), page, pageSize);
  return { items, total, page, pageSize };
}

/** A listing with its contact when the actor may see it (its owner, or an accepted counterpart); else 404. */
export async function listingDetail(ctx: AuthedContext, id: string) {
  const { visibility } = await visibilityFor(ctx);
  const row = await findListing(ctx.db, visibility, id);
  if (!row) throw notFound();
  return row;
}

/** A listing named by its id or its publisher's reference (编号), as commands name them. */
export async function resolveListing(ctx: AuthedContext, idOrRef: string): Promise<string> {
  const { visibility } = await visibilityFor(ctx);
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrRef);
  const id = isUuid ? idOrRef : await findListingIdByRef(ctx.db, visibility, idOrRef);
  if (!id) throw invalid(fieldError('listing', 'listing_ref_unknown', { ref: idOrRef }));
  return id;
}

export async function listingCounts(ctx: AuthedContext, q: { pairingId?: string; year?: number }) {
  return countsPerPairingYear(ctx.db, ctx.actor, q.pairingId, q.year);
}

/** The pairings the actor may name for a new listing of this region (the form's choices). */
export async function pairingChoices(ctx: AuthedContext, regionCode: string | undefined) {
  return publishablePairings(ctx.db, ctx.actor, regionCode);
}
