import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  INTEREST_STATES,
  LISTING_CATEGORIES,
  LISTING_KINDS,
  LISTING_STATES,
  REGISTRATION_STATES,
} from '../../../common/api/enums.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { users } from '../users/users.tables.ts';

/** The pending list of the listings' GIN indexes, in kB (see below). */
const GIN_PENDING_KB = 256;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * 供需对接: an offer (供给) or a need (需求). Neither engine segments Chinese, so the application segments the text
 * with jieba and stores the words in `terms`, space-separated; the index is over `to_tsvector('simple', terms)`.
 * The contact stays sealed (SM4) until the owner accepts an interest.
 */
export const listings = pgTable(
  'listings',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The publisher's own reference (编号), unique per publisher (`source`). */
    ref: text(),
    /** Who the reference belongs to: the owning organisation's id. */
    source: text().notNull(),
    kind: text({ enum: LISTING_KINDS }).notNull(),
    category: text({ enum: LISTING_CATEGORIES }).notNull(),
    title: text().notNull(),
    description: text(),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    industryDivision: text(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    quantity: numeric({ precision: 20, scale: 4 }),
    unit: text(),
    validUntil: date(),
    organisationName: text().notNull(),
    ownerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    state: text({ enum: LISTING_STATES }).notNull().default('pending'),
    /** {name, phone, email} as JSON, sealed with the field cipher, bound to the listing's id. */
    contactCipher: text().notNull(),
    terms: text().notNull(),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', terms)`),
    isDemo: boolean().notNull().default(false),
    /** Generated for the benchmark (never real offers). */
    isSynthetic: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The GIN indexes keep a short pending list (256 kB, not 4 MB): every search reads all of it, and PGlite has no
  // autovacuum to merge it, so at 200,000 listings a full one (12,000 entries) cost a match or search more than its
  // index scan. An import then merges its entries 256 kB at a time as it inserts.
  (t) => [
    index('listings_search_idx').using('gin', t.searchVector).with({ gin_pending_list_limit: GIN_PENDING_KB }),
    index('listings_title_trgm_idx')
      .using('gin', sql`${t.title} gin_trgm_ops`)
      .with({ gin_pending_list_limit: GIN_PENDING_KB }),
    index('listings_org_trgm_idx')
      .using('gin', sql`${t.organisationName} gin_trgm_ops`)
      .with({ gin_pending_list_limit: GIN_PENDING_KB }),
    index('listings_kind_state_idx').on(t.kind, t.state, t.validUntil),
    index('listings_industry_idx').on(t.industryDivision),
    index('listings_pairing_idx').on(t.pairingId),
    index('listings_owner_idx').on(t.ownerOrganisationId),
    uniqueIndex('listings_source_ref_uq').on(t.source, t.ref),
  ],
);

/** An expression of interest in a listing: 意向 → 洽谈 (contact revealed) → 签约 / 未成, or declined. */
export const listingInterests = pgTable(
  'listing_interests',
  {
    id: uuid().primaryKey().defaultRandom(),
    listingId: uuid()
      .notNull()
      .references(() => listings.id),
    fromListingId: uuid().references(() => listings.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    message: text().notNull(),
    state: text({ enum: INTEREST_STATES }).notNull().default('interest'),
    revealedAt: timestamp({ withTimezone: true }),
    signedOn: date(),
    /** The project a signed deal became (created in the same transaction). */
    projectId: uuid(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('listing_interests_listing_org_uq').on(t.listingId, t.organisationId),
    index('listing_interests_org_idx').on(t.organisationId),
  ],
);

/** One row each time someone opens a listing's matches (the counts per pairing and year). */
export const listingMatchViews = pgTable(
  'listing_match_views',
  {
    id: uuid().primaryKey().defaultRandom(),
    listingId: uuid()
      .notNull()
      .references(() => listings.id),
    pairingId: uuid()
      .notNull()
      .references(() => pairings.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    viewedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('listing_match_views_pairing_idx').on(t.pairingId, t.viewedAt)],
);

/**
 * An enterprise, university or institute that registered itself; a pairing office of its region approves or
 * refuses. Until approved its account sees only published listings.
 */
export const enterpriseRegistrations = pgTable(
  'enterprise_registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    creditCode: text().notNull(),
    industryDivision: text(),
    contactName: text().notNull(),
    contactPhoneCipher: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    state: text({ enum: REGISTRATION_STATES }).notNull().default('pending'),
    reason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprise_registrations_credit_uq').on(t.creditCode),
    uniqueIndex('enterprise_registrations_org_uq').on(t.organisationId),
  ],
);
