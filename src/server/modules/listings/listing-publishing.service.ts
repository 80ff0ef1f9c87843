import { randomUUID } from 'node:crypto';
import type { CreateListingInput, ModerateListingInput, UpdateListingInput } from '../../../common/api/listings.ts';
import { conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { industries } from '../../kernel/industries.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { sealContact } from './listing-contact-cipher.ts';
import { standingOf } from './listing-reading.service.ts';
import {
  findListing,
  insertListings,
  listingVisibility,
  topPairingRegions,
  updateListingRow,
} from './listings.repository.ts';
import { assertMayAct, assertMayEdit, assertMayModerate, moderates } from './listings.policy.ts';
import { termsOf } from './segmenter.ts';

/** The words stored for a listing: title, description, tags, organisation and category, segmented. */
export const listingTerms = (l: {
  title: string;
  description?: string | null;
  tags: string[];
  organisationName: string;
}) => termsOf(l.title, l.description, l.tags.join(' '), l.organisationName);

/** The top pairing one of whose sides holds a region (by the province, city or county prefix of its code). */
export function pairingPlacer(sides: { pairing_id: string; region_code: string }[]) {
  const prefixes = sides.map((s) => ({ id: s.pairing_id, prefix: s.region_code.replace(/0+$/, '') }));
  return (regionCode: string) => prefixes.filter((p) => regionCode.startsWith(p.prefix)).map((p) => p.id);
}

/**
 * The pairing a new listing belongs to: the one named, if it is in the actor's scope or one of whose sides holds
 * the listing's region; by default the top pairing of that region (an enterprise publishes where it is), unless the
 * region is on a side of several.
 */
async function pairingFor(ctx: AuthedContext, pairingId: string | undefined, regionCode: string): Promise<string> {
  const ofRegion = [...new Set(pairingPlacer(await topPairingRegions(ctx.db, null))(regionCode))];
  if (pairingId) {
    if (!inPairingScope(ctx.actor, pairingId) && !ofRegion.includes(pairingId))
      throw invalid(fieldError('pairingId', 'unknown_pairing'));
    return pairingId;
  }
  if (!ofRegion.length) throw invalid(fieldError('pairingId', 'pairing_required'));
  // A region on a side of two pairings: the publisher says which (the form offers every pairing it may name).
  if (ofRegion.length > 1) throw invalid(fieldError('pairingId', 'pairing_ambiguous'));
  return ofRegion[0]!;
}

export function listingProblems(input: { industryDivision?: string | null }, prefix = '') {
  const problems = [];
  if (input.industryDivision && !industries().division(input.industryDivision))
    problems.push(fieldError(`${prefix}industryDivision`, 'unknown_industry'));
  return problems;
}

/** Offices publish at once; an enterprise's listing waits for a moderator's approval. */
const initialState = (ctx: AuthedContext) => (moderates(ctx.actor) ? 'published' : 'pending');

export async function createListing(ctx: AuthedContext, input: CreateListingInput, opts: { demo?: boolean } = {}) {
  assertMayAct(await standingOf(ctx));
  const pairingId = await pairingFor(ctx, input.pairingId, input.regionCode);
  const problems = listingProblems(input);
  if (problems.length) throw invalid(...problems);
  const id = randomUUID();
  return auditedChange(ctx, async ({ tx, audit }) => {
    await insertListings(tx, [
      {
        id,
        ref: input.ref ?? null,
        source: ctx.actor.organisationId,
        kind: input.kind,
        category: input.category,
        title: input.title,
        description: input.description ?? null,
        regionCode: input.regionCode,
        industryDivision: input.industryDivision ?? null,
        tags: input.tags,
        quantity: input.quantity ?? null,
        unit: input.unit ?? null,
        validUntil: input.validUntil ?? null,
        organisationName: input.organisationName,
        ownerOrganisationId: ctx.actor.organisationId,
        pairingId,
        state: initialState(ctx),
        contactCipher: sealContact(ctx, id, input.contact),
        terms: listingTerms(input),
        isDemo: !!opts.demo,
        createdBy: ctx.actor.userId,
      },
    ]).catch(refDuplicate(input.ref));
    // The contact is personal data: the audit row says it was set, never what it is.
    const { contact: _contact, ...after } = input;
    audit({
      action: 'listing.create',
      result: 'success',
      objectType: 'listing',
      objectId: id,
      details: { after: { ...after, pairingId, contact: 'set' } },
    });
    return id;
  });
}

/** A reference already used by this publisher is a 400 on `ref`, not a 500. */
const refDuplicate = (ref: string | null | undefined) => (err: unknown) => {
  if (ref && String((err as { code?: string }).code) === '23505')
    throw invalid(fieldError('ref', 'duplicate_ref', { ref, first: '-' }));
  throw err;
};

const EDITABLE = [
  'category',
  'title',
  'description',
  'regionCode',
  'industryDivision',
  'tags',
  'quantity',
  'unit',
  'validUntil',
  'organisationName',
] as const;

export async function updateListing(ctx: AuthedContext, id: string, input: UpdateListingInput) {
  assertMayAct(await standingOf(ctx));
  const problems = listingProblems(input);
  if (problems.length) throw invalid(...problems);
  return auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findListing(tx, listingVisibility(ctx.actor, moderates(ctx.actor), false), id, {
      forUpdate: true,
    });
    if (!current) throw notFound();
    assertMayEdit(ctx.actor, current);
    if (current.version !== input.version) throw conflict();
    const { patch, before, after } = editPatch(EDITABLE, input, {
      ...current,
      quantity: current.quantity,
      validUntil: current.validUntil ? String(current.validUntil) : null,
    });
    const merged = { ...current, ...patch } as typeof current;
    const write: Record<string, unknown> = { ...patch, terms: listingTerms(merged) };
    if (input.contact) write.contactCipher = sealContact(ctx, id, input.contact);
    // An enterprise's edit of a published listing goes back to moderation.
    if (!moderates(ctx.actor) && current.state === 'published') write.state = 'pending';
    if (!(await updateListingRow(tx, id, input.version, write))) throw conflict();
    audit({
      action: 'listing.update',
      result: 'success',
      objectType: 'listing',
      objectId: id,
      details: { before, after: { ...after, ...(input.contact ? { contact: 'changed' } : {}) } },
    });
  });
}

export async function moderateListing(ctx: AuthedContext, id: string, input: ModerateListingInput) {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findListing(tx, listingVisibility(ctx.actor, moderates(ctx.actor), false), id, {
      forUpdate: true,
    });
    if (!current) throw notFound();
    assertMayModerate(ctx.actor, current, input.action);
    if (current.version !== input.version) throw conflict();
    const to = input.action === 'publish' ? 'published' : 'withdrawn';
    if (current.state === to)
      throw invalid(fieldError('action', 'listing_state', { state: current.state, action: input.action }));
    if (!(await updateListingRow(tx, id, input.version, { state: to }))) throw conflict();
    audit({
      action: `listing.${input.action}`,
      result: 'success',
      objectType: 'listing',
      objectId: id,
      details: { before: { state: current.state }, after: { state: to }, reason: input.reason ?? null },
    });
  });
}
