import { z } from 'zod';
import { attachment } from './attachments.ts';
import { isoDate, optionalText, pageQuery, paged, regionCode, text, uuid, programmeFilter } from './common.ts';
import {
  INTEREST_STATES,
  LISTING_CATEGORIES,
  LISTING_KINDS,
  LISTING_STATES,
  PROJECT_TYPES,
  REGISTRATION_STATES,
  SIDES,
} from './enums.ts';

const industryDivision = z.string().regex(/^\d{2}$/);
/** A quantity as text, a decimal of at most 16 integer and 4 fraction digits (never a float). */
const quantity = z
  .string()
  .trim()
  .regex(/^\d{1,16}(\.\d{1,4})?$/);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/);

export const listingContactInput = z.strictObject({
  name: text(50),
  phone: phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
});
export type ListingContactInput = z.infer<typeof listingContactInput>;

const listingFields = {
  kind: z.enum(LISTING_KINDS),
  category: z.enum(LISTING_CATEGORIES),
  title: text(200),
  description: optionalText(5000),
  regionCode,
  industryDivision: industryDivision.nullable().optional(),
  tags: z.array(text(30)).max(20).default([]),
  quantity: quantity.nullable().optional(),
  unit: optionalText(20),
  validUntil: isoDate.nullable().optional(),
  organisationName: text(200),
  contact: listingContactInput,
};

export const createListingInput = z.strictObject({
  ...listingFields,
  /** The pairing it is offered in; defaults to the only pairing of the publisher's region. */
  pairingId: uuid.optional(),
  /** The publisher's own reference (编号), unique per publisher. */
  ref: optionalText(64),
});
export type CreateListingInput = z.infer<typeof createListingInput>;
export type CreateListingBody = z.input<typeof createListingInput>;

export const updateListingInput = z.strictObject({
  version: z.number().int().min(1),
  category: listingFields.category.optional(),
  title: listingFields.title.optional(),
  description: listingFields.description,
  regionCode: regionCode.optional(),
  industryDivision: listingFields.industryDivision,
  tags: z.array(text(30)).max(20).optional(),
  quantity: listingFields.quantity,
  unit: listingFields.unit,
  validUntil: listingFields.validUntil,
  organisationName: listingFields.organisationName.optional(),
  contact: listingContactInput.optional(),
});
export type UpdateListingInput = z.infer<typeof updateListingInput>;
export type UpdateListingBody = z.input<typeof updateListingInput>;

/** Approve (publish) or withdraw a listing, by a pairing office or lead unit of its pairing. */
export const moderateListingInput = z.strictObject({
  version: z.number().int().min(1),
  action: z.enum(['publish', 'withdraw']),
  reason: optionalText(500),
});
export type ModerateListingInput = z.infer<typeof moderateListingInput>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listingFilter = {
  kind: z.enum(LISTING_KINDS).optional(),
  category: z.enum(LISTING_CATEGORIES).optional(),
  /** A region and every region inside it (a province's prefix). */
  regionCode: regionCode.optional(),
  industryDivision: industryDivision.optional(),
  pairingId: uuid.optional(),
  /** Only listings still valid today (the default for search). */
  valid: booleanQuery.optional(),
};

export const listingListQuery = z.strictObject({
  ...programmeFilter,
  ...pageQuery,
  ...listingFilter,
  state: z.enum(LISTING_STATES).optional(),
  /** Only the actor's organisation's own listings. */
  mine: booleanQuery.optional(),
});
export type ListingListQuery = z.infer<typeof listingListQuery>;

export const listingSearchQuery = z.strictObject({
  ...programmeFilter,
  q: text(200),
  ...listingFilter,
  top: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListingSearchQuery = z.infer<typeof listingSearchQuery>;

export const listingMatchQuery = z.strictObject({ top: z.coerce.number().int().min(1).max(100).default(20) });

/** The contact, present only for its owner and for an accepted counterpart; otherwise null and `contactHidden`. */
export const listingContact = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const listingSummary = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  kind: z.enum(LISTING_KINDS),
  category: z.enum(LISTING_CATEGORIES),
  title: z.string(),
  description: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  industryDivision: z.string().nullable(),
  tags: z.array(z.string()),
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  validUntil: z.string().nullable(),
  organisationName: z.string(),
  pairingId: z.string(),
  pairingName: z.string(),
  state: z.enum(LISTING_STATES),
  own: z.boolean(),
  contact: listingContact.nullable(),
  contactHidden: z.boolean(),
  isDemo: z.boolean(),
  isSynthetic: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  /** The listing's files, on its own page only (lists and rankings leave them out). */
  attachments: z.array(attachment).optional(),
});
export type ListingSummary = z.infer<typeof listingSummary>;
export const listingListResponse = paged(listingSummary);
export type ListingListResponse = z.infer<typeof listingListResponse>;

/** Why a listing came up, in words (zh and en), with the code and values it was made from. */
export const matchReason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  zh: z.string(),
  en: z.string(),
});
export type MatchReason = z.infer<typeof matchReason>;

export const scoreParts = z.object({
  text: z.number(),
  industry: z.number(),
  category: z.number(),
  pairing: z.number(),
  freshness: z.number(),
});
export type ScoreParts = z.infer<typeof scoreParts>;

export const rankedListing = z.object({
  listing: listingSummary,
  score: z.number(),
  parts: scoreParts,
  reasons: z.array(matchReason),
});
export type RankedListing = z.infer<typeof rankedListing>;
export const rankedListingsResponse = z.object({ items: z.array(rankedListing) });
export type RankedListingsResponse = z.infer<typeof rankedListingsResponse>;

export const listingInterest = z.object({
  id: z.string(),
  listingId: z.string(),
  listingTitle: z.string(),
  listingOrganisation: z.string(),
  fromListingId: z.string().nullable(),
  fromListingTitle: z.string().nullable(),
  organisationName: z.string(),
  message: z.string(),
  state: z.enum(INTEREST_STATES),
  /** Whether the actor owns the listing (may accept, decline) rather than expressed the interest. */
  asOwner: z.boolean(),
  /** The listing's contact, for the interested side once the owner accepted. */
  contact: listingContact.nullable(),
  projectId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ListingInterest = z.infer<typeof listingInterest>;
export const interestListResponse = z.object({ items: z.array(listingInterest) });

export const interestInput = z.strictObject({
  message: text(1000),
  /** The actor's own listing this interest answers (an offer for a need, a need for an offer). */
  fromListingId: uuid.nullable().optional(),
});
export type InterestInput = z.infer<typeof interestInput>;

export const interestParams = z.strictObject({ id: uuid });

export const interestDecisionInput = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['accept', 'decline']),
});
export type InterestDecisionInput = z.infer<typeof interestDecisionInput>;

/** 签约 (a project is created in the pipeline at once) or 未成. */
export const interestOutcomeInput = z.strictObject({
  version: z.number().int().min(1),
  outcome: z.enum(['signed', 'failed']),
  signedOn: isoDate.optional(),
  project: z
    .strictObject({
      title: text(200),
      investor: text(200),
      hostRegionCode: regionCode,
      type: z.enum(PROJECT_TYPES),
      side: z.enum(SIDES).optional(),
      signedAmount: z
        .string()
        .trim()
        .regex(/^\d{1,16}(\.\d{1,6})?$/)
        .nullable()
        .optional(),
    })
    .optional(),
  note: optionalText(500),
});
export type InterestOutcomeInput = z.infer<typeof interestOutcomeInput>;

export const listingCountsQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  year: z.coerce.number().int().optional(),
});
export const listingCounts = z.object({
  items: z.array(
    z.object({
      pairingId: z.string(),
      pairingName: z.string(),
      year: z.number().int(),
      listings: z.number().int(),
      matchesViewed: z.number().int(),
      interests: z.number().int(),
      contactsRevealed: z.number().int(),
      deals: z.number().int(),
      projects: z.number().int(),
    }),
  ),
});
export type ListingCounts = z.infer<typeof listingCounts>;

export const listingImportResult = z.object({ created: z.number().int(), updated: z.number().int() });
export type ListingImportResult = z.infer<typeof listingImportResult>;

/** An enterprise, university or institute registering itself; its contact becomes the account holder. */
export const registrationInput = z.strictObject({
  organisationName: text(200),
  kind: z.enum(['enterprise', 'institution']),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
  regionCode,
  industryDivision: industryDivision.nullable().optional(),
  contactName: text(50),
  contactPhone: phone,
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,50}$/),
  password: z.string().min(1).max(200),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const registrationDecisionInput = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  reason: optionalText(500),
});
export type RegistrationDecisionInput = z.infer<typeof registrationDecisionInput>;

export const registration = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  kind: z.enum(['enterprise', 'institution']),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryDivision: z.string().nullable(),
  contactName: z.string(),
  state: z.enum(REGISTRATION_STATES),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type Registration = z.infer<typeof registration>;
export const registrationListResponse = z.object({ items: z.array(registration) });
export const registrationCreated = z.object({ id: z.string(), state: z.enum(REGISTRATION_STATES) });

/** An account an approved organisation adds for one of its people; they replace the password at first sign-in. */
export const organisationUserInput = z.strictObject({
  username: registrationInput.shape.username,
  displayName: text(50),
  password: z.string().min(1).max(200),
});
export type OrganisationUserInput = z.infer<typeof organisationUserInput>;
export const organisationUserUpdate = z.strictObject({ version: z.number().int(), active: z.boolean() });
export type OrganisationUserUpdate = z.infer<typeof organisationUserUpdate>;

/** The pairings a publisher may name for a listing of a region. */
export const listingPairingsQuery = z.strictObject({ regionCode: regionCode.optional() });
export const listingPairingsResponse = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type ListingPairings = z.infer<typeof listingPairingsResponse>;
