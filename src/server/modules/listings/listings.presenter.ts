import type { ListingInterest, ListingSummary, RankedListing, Registration } from '../../../common/api/listings.ts';
import type { InterestRow, ListingRow, RankedRow } from './listings.repository.ts';
import { type ReasonContext, reasonsFor, scorePartsOf } from './match-reasons.ts';
import type { RegistrationRow } from './registrations.repository.ts';

type Contact = { name: string; phone: string | null; email: string | null };

const day = (v: unknown) => (v == null ? null : String(v));

/** A listing as the API shows it; the contact only when the caller resolved it as visible (never the cipher). */
export function presentListing(row: ListingRow, actorOrganisationId: string, contact: Contact | null): ListingSummary {
  return {
    id: row.id,
    ref: row.ref,
    kind: row.kind,
    category: row.category,
    title: row.title,
    description: row.description,
    regionCode: row.regionCode,
    regionName: row.regionName,
    industryDivision: row.industryDivision,
    tags: row.tags,
    quantity: row.quantity,
    unit: row.unit,
    validUntil: day(row.validUntil),
    organisationName: row.organisationName,
    pairingId: row.pairingId,
    pairingName: row.pairingName,
    state: row.state,
    own: row.ownerOrganisationId === actorOrganisationId,
    contact,
    contactHidden: contact === null,
    isDemo: row.isDemo,
    isSynthetic: row.isSynthetic,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A ranked listing with its score, parts and reasons; contacts never travel with rankings. */
export function presentRanked(row: RankedRow, actorOrganisationId: string, ctx: ReasonContext): RankedListing {
  const input = { ...row, validUntil: day(row.validUntil) };
  return {
    listing: presentListing(row, actorOrganisationId, null),
    score: Math.round(Number(row.score) * 10_000) / 10_000,
    parts: scorePartsOf(input),
    reasons: reasonsFor(input, ctx),
  };
}

export function presentInterest(
  row: InterestRow,
  actorOrganisationId: string,
  contact: Contact | null,
): ListingInterest {
  return {
    id: row.id,
    listingId: row.listingId,
    listingTitle: row.listingTitle,
    listingOrganisation: row.listingOrganisation,
    fromListingId: row.fromListingId,
    fromListingTitle: row.fromListingTitle,
    organisationName: row.organisationName,
    message: row.message,
    state: row.state,
    asOwner: row.listingOwnerId === actorOrganisationId,
    contact,
    projectId: row.projectId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    kind: row.kind === 'institution' ? 'institution' : 'enterprise',
    creditCode: row.creditCode,
    regionCode: row.regionCode,
    regionName: row.regionName,
    industryDivision: row.industryDivision,
    contactName: row.contactName,
    state: row.state,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}
