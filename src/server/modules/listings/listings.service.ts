import { randomUUID } from 'node:crypto';
import type { ListingKind } from '../../../common/api/enums.ts';
import type {
  CreateListingInput,
  InterestDecisionInput,
  InterestInput,
  InterestOutcomeInput,
  ListingContactInput,
  ListingListQuery,
  ListingSearchQuery,
  ModerateListingInput,
  UpdateListingInput,
} from '../../../common/api/listings.ts';
import { AppError, conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext, RequestContext } from '../../http/context.ts';
import { auditedChange, auditStandalone, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { industries } from '../../kernel/industries.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { SYSTEM_USER_ID } from '../../http/system-actor.ts';
import { decryptField, encryptField } from '../../security/field-cipher.ts';
import { fieldKeyring } from '../../security/field-keys.ts';
import { createProjectIn } from '../projects/projects.service.ts';
import {
  countsPerPairingYear,
  findInterest,
  findListing,
  findListingIdByRef,
  insertInterest,
  insertListings,
  interestTaken,
  type ListingRow,
  listInterests,
  listingVisibility,
  listListings,
  pairingSides,
  rankListings,
  recordMatchView,
  updateInterestRow,
  topPairingRegions,
  updateListingRow,
  wordFrequencies,
} from './listings.repository.ts';
import {
  assertMayAct,
  assertMayEdit,
  assertMayModerate,
  moderates,
  type RegistrationStanding,
  seesOnlyPublished,
} from './listings.policy.ts';
import { isPlaceName, keyWords, queryWords, termsOf, wordWeight } from './segmenter.ts';
import { registrationStanding } from './registrations.repository.ts';

export type Contact = { name: string; phone: string | null; email: string | null };

const bindingOf = (id: string) => `listings|${id}|contact`;
const ring = (ctx: RequestContext) => fieldKeyring(ctx.deps.config.dataDir);

export function sealContact(ctx: RequestContext, id: string, c: ListingContactInput): string {
  const plain = JSON.stringify({ name: c.name, phone: c.phone ?? null, email: c.email ?? null });
  return encryptField(ctx.deps.crypto, ring(ctx), bindingOf(id), plain);
}

export function openContact(ctx: RequestContext, id: string, sealed: string): Contact {
  return JSON.parse(decryptField(ctx.deps.crypto, ring(ctx), bindingOf(id), sealed)) as Contact;
}

/** The words stored for a listing: title, description, tags, organisation and category, segmented. */
export const listingTerms = (l: {
  title: string;
  description?: string | null;
  tags: string[];
  organisationName: string;
}) => termsOf(l.title, l.description, l.tags.join(' '), l.organisationName);

async function standingOf(ctx: AuthedContext): Promise<RegistrationStanding> {
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

/** The top pairing one of whose sides holds a region (by the province, city or county prefix of its code). */
export function pairingPlacer(sides: { pairing_id: string; region_code: string }[]) {
  const prefixes = sides.map((s) => ({ id: s.pairing_id, prefix: s.region_code.replace(/0+$/, '') }));
  return (regionCode: string) => prefixes.filter((p) => regionCode.startsWith(p.prefix)).map((p) => p.id);
}

/**
 * The pairing a new listing belongs to: the one named, if it is in the actor's scope or one of whose sides holds
 * the listing's region; by default the top pairing of that region (an enterprise publishes where it is).
 */
async function pairingFor(ctx: AuthedContext, pairingId: string | undefined, regionCode: string): Promise<string> {
  const ofRegion = pairingPlacer(await topPairingRegions(ctx.db, null))(regionCode);
  if (pairingId) {
    if (!inPairingScope(ctx.actor, pairingId) && !ofRegion.includes(pairingId))
      throw invalid(fieldError('pairingId', 'unknown_pairing'));
    return pairingId;
  }
  if (!ofRegion.length) throw invalid(fieldError('pairingId', 'pairing_required'));
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

// ---- search and matching ----

/** A query too short for a word (one character) still searches, as a prefix of the stored words. */
function wordsOfQuery(q: string) {
  const words = queryWords(q);
  const prefixes = words.length ? [] : [...q.replace(/[^\p{L}\p{N}]/gu, '')].slice(0, 4);
  return { words, prefixes };
}

/** Document frequencies of the listings' words, per database, refreshed after this long. */
const FREQUENCIES_TTL_MS = 10 * 60_000;
type Frequencies = Awaited<ReturnType<typeof wordFrequencies>> & { at: number };
const frequencies = new WeakMap<object, { current?: Frequencies; pending?: Promise<Frequencies> }>();

/**
 * The table's own word frequencies (jieba's corpus does not know that 产地直供 is in one listing of ten here). The
 * first call waits for them; later ones use what is there and refresh it in the background once stale.
 */
async function tableFrequencies(ctx: AuthedContext): Promise<Frequencies> {
  const slot = frequencies.get(ctx.deps.db) ?? {};
  frequencies.set(ctx.deps.db, slot);
  const refresh = () => {
    slot.pending ??= wordFrequencies(ctx.db)
      .then((f) => (slot.current = { ...f, at: Date.now() }))
      .finally(() => (slot.pending = undefined));
    return slot.pending;
  };
  if (!slot.current) return refresh();
  if (Date.now() - slot.current.at > FREQUENCIES_TTL_MS) void refresh().catch(() => undefined);
  return slot.current;
}

/**
 * Which listings are scored: those holding a word that few listings hold (at most 0.5 % of them, or 50), or two of
 * the query's four strongest words that are not common (at most 5 %, or 500). A common word alone (长春, 供应,
 * 产地直供) would make much of a large table a candidate, and scoring is per candidate; the filters sit in the same
 * WHERE, so they never starve the result. One word alone is its own query.
 */
export function candidateQuery(words: string[], weightOf: (w: string) => number, f: Frequencies): string {
  if (words.length <= 1) return words.join('');
  const df = (w: string) => f.df.get(w) ?? 0;
  const rareAt = Math.max(0.005 * f.total, 50);
  const commonAt = Math.max(0.05 * f.total, 500);
  const strongest = [...words].sort((a, b) => weightOf(b) - weightOf(a));
  const rare = strongest.filter((w) => df(w) <= rareAt && !isPlaceName(w));
  const leading = strongest.filter((w) => df(w) <= commonAt).slice(0, 4);
  const pairs = leading.flatMap((a, i) => leading.slice(i + 1).map((b) => `(${a} & ${b})`));
  const chosen = [...rare, ...pairs];
  // Only common words: the listings holding all of the strongest two.
  return chosen.length ? chosen.join(' | ') : `${strongest[0]} & ${strongest[1]}`;
}

export async function searchListings(ctx: AuthedContext, { q, top, ...filter }: ListingSearchQuery) {
  const { words, prefixes } = wordsOfQuery(q);
  const rows = await rankListings(ctx.db, ctx.actor, {
    words,
    weights: Object.fromEntries(words.map((w) => [w, wordWeight(w)])),
    candidates: candidateQuery(words, wordWeight, await tableFrequencies(ctx)),
    prefixes,
    fuzzy: q,
    filter: { ...filter, valid: filter.valid ?? true },
    today: chinaToday(),
    top,
  });
  return { rows, words: [...words, ...prefixes] };
}

const complement = (kind: ListingKind): ListingKind => (kind === 'need' ? 'offer' : 'need');

/**
 * Region code prefixes of the side of the listing's pairing opposite the listing's own region (none if its region is
 * on neither side): 浙江 (33) for a listing in 长春 of 吉林—浙江.
 */
async function counterpartPrefixes(ctx: AuthedContext, pairingId: string, regionCode: string): Promise<string[]> {
  const sides = (await pairingSides(ctx.db, pairingId)).map((s) => ({
    side: s.side,
    prefix: s.region_code.replace(/0+$/, ''),
  }));
  const own = sides.find((s) => regionCode.startsWith(s.prefix))?.side;
  return own ? sides.filter((s) => s.side !== own).map((s) => s.prefix) : [];
}

/**
 * The listings of the complementary type that best answer this one: its key words (TF-IDF), its industry (same 大类,
 * same 门类), category, whether the other's region is on the other side of its pairing, freshness; expired ones
 * and unpublished ones never. Opening the matches is counted (per pairing and year).
 */
export async function matchListing(ctx: AuthedContext, id: string, top: number) {
  const source = await listingDetail(ctx, id);
  const keys = keyWords([source.title, source.title, source.description, source.tags.join(' ')].join('\n'), 12);
  const words = keys.map((k) => k.word);
  const division = source.industryDivision ? industries().division(source.industryDivision) : undefined;
  const sectionDivisions = division
    ? (industries()
        .section(division.sectionCode)
        ?.divisions.map((d) => d.code)
        .filter((c) => c !== division.code) ?? [])
    : [];
  const rows = await rankListings(ctx.db, ctx.actor, {
    words,
    weights: Object.fromEntries(keys.map((k) => [k.word, k.weight])),
    prefixes: [],
    kind: complement(source.kind),
    excludeId: source.id,
    industryDivision: source.industryDivision,
    sectionDivisions,
    category: source.category,
    counterpartPrefixes: await counterpartPrefixes(ctx, source.pairingId, source.regionCode),
    candidates: candidateQuery(words, (w) => keys.find((k) => k.word === w)?.weight ?? 0, await tableFrequencies(ctx)),
    filter: {},
    today: chinaToday(),
    top,
  });
  // Views by people are counted; the command line's (the system user, evaluation runs) are not.
  if (ctx.actor.userId !== SYSTEM_USER_ID)
    await recordMatchView(ctx.db, {
      listingId: source.id,
      pairingId: source.pairingId,
      organisationId: ctx.actor.organisationId,
    });
  return { source, rows, words };
}

// ---- expressions of interest ----

export async function expressInterest(ctx: AuthedContext, listingId: string, input: InterestInput) {
  assertMayAct(await standingOf(ctx));
  return auditedChange(ctx, async ({ tx, audit }) => {
    const listing = await findListing(tx, listingVisibility(ctx.actor, false, true), listingId);
    if (!listing) throw notFound();
    if (listing.ownerOrganisationId === ctx.actor.organisationId)
      throw invalid(fieldError('listingId', 'interest_own_listing'));
    if (input.fromListingId) {
      const own = await findListing(tx, listingVisibility(ctx.actor, false, false), input.fromListingId);
      if (!own || own.ownerOrganisationId !== ctx.actor.organisationId || own.kind === listing.kind)
        throw invalid(fieldError('fromListingId', 'from_listing_kind'));
    }
    if (await interestTaken(tx, listingId, ctx.actor.organisationId))
      throw invalid(fieldError('listingId', 'interest_taken'));
    const id = await insertInterest(tx, {
      listingId,
      fromListingId: input.fromListingId ?? null,
      organisationId: ctx.actor.organisationId,
      createdBy: ctx.actor.userId,
      message: input.message,
      isDemo: listing.isDemo,
    });
    audit({
      action: 'listing.interest',
      result: 'success',
      objectType: 'listing_interest',
      objectId: id,
      details: input,
    });
    return id;
  });
}

export async function interestsOf(ctx: AuthedContext, listingId?: string) {
  return listInterests(ctx.db, ctx.actor.organisationId, listingId);
}

export async function interestDetail(ctx: AuthedContext, id: string) {
  const row = await findInterest(ctx.db, ctx.actor.organisationId, id);
  if (!row) throw notFound();
  return row;
}

/** The owner accepts (the contact is revealed to the interested organisation, audited) or declines. */
export async function decideInterest(ctx: AuthedContext, id: string, input: InterestDecisionInput) {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const row = await findInterest(tx, ctx.actor.organisationId, id, { forUpdate: true });
    if (!row) throw notFound();
    if (row.listingOwnerId !== ctx.actor.organisationId) throw invalid(fieldError('decision', 'interest_owner_only'));
    if (row.version !== input.version) throw conflict();
    if (row.state !== 'interest') throw invalid(fieldError('decision', 'interest_state', { state: row.state }));
    const accept = input.decision === 'accept';
    const patch = accept ? { state: 'negotiating' as const, revealedAt: new Date() } : { state: 'declined' as const };
    if (!(await updateInterestRow(tx, id, input.version, patch))) throw conflict();
    audit({
      action: accept ? 'listing.contact_reveal' : 'listing.interest_decline',
      result: 'success',
      objectType: 'listing_interest',
      objectId: id,
      details: { listingId: row.listingId, toOrganisationId: row.organisationId },
    });
  });
}

/** Either side marks a deal 签约 (its project enters the pipeline in the same transaction) or 未成. */
export async function interestOutcome(ctx: AuthedContext, id: string, input: InterestOutcomeInput) {
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const row = await findInterest(tx, ctx.actor.organisationId, id, { forUpdate: true });
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict();
    if (row.state !== 'negotiating') throw invalid(fieldError('outcome', 'interest_state', { state: row.state }));
    let projectId: string | null = null;
    const signedOn = input.signedOn ?? chinaToday();
    if (input.outcome === 'signed') {
      if (!input.project) throw invalid(fieldError('project', 'project_required'));
      projectId = await projectFromDeal(work, ctx, row, input.project, signedOn);
    }
    const patch =
      input.outcome === 'signed' ? { state: 'signed' as const, signedOn, projectId } : { state: 'failed' as const };
    if (!(await updateInterestRow(tx, id, input.version, patch))) throw conflict();
    audit({
      action: `listing.deal_${input.outcome}`,
      result: 'success',
      objectType: 'listing_interest',
      objectId: id,
      details: { ...input, projectId },
    });
    return projectId;
  });
}

async function projectFromDeal(
  work: UnitOfWork,
  ctx: AuthedContext,
  row: NonNullable<Awaited<ReturnType<typeof findInterest>>>,
  project: NonNullable<InterestOutcomeInput['project']>,
  signedOn: string,
) {
  try {
    return await createProjectIn(
      work,
      ctx,
      {
        pairingId: row.listingPairingId,
        title: project.title,
        investor: project.investor,
        hostRegionCode: project.hostRegionCode,
        industryDivision: row.listingIndustryDivision,
        type: project.type,
        side: project.side,
        stage: 'signed',
        stageOn: signedOn,
        signedAmount: project.signedAmount ?? null,
        landmark: false,
        greenChannel: false,
        // The link back to both listings, in words the ledger shows.
        note: `供需对接：“${row.listingTitle}”${row.fromListingTitle ? `与“${row.fromListingTitle}”` : ''}`,
      },
      { demo: row.listingIsDemo },
    );
  } catch (err) {
    if (err instanceof AppError && err.status === 400)
      throw invalid(...err.details.map((d) => ({ ...d, field: `project.${d.field}` })));
    throw err;
  }
}

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

export async function listingCounts(ctx: AuthedContext, q: { pairingId?: string; year?: number }) {
  return countsPerPairingYear(ctx.db, ctx.actor, q.pairingId, q.year);
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
