import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import {
  type AttachmentRules,
  forgetAttachment,
  keepAttachment,
  readAttachment,
} from '../../kernel/attachments/attachments.service.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { listingDetail, standingOf } from './listing-reading.service.ts';
import { findListing, listingFiles, listingVisibility } from './listings.repository.ts';
import { assertMayAct, assertMayEdit, moderates } from './listings.policy.ts';

/** A listing keeps its specifications, certificates and photos; a few are enough to judge an offer or a need. */
export const MAX_ATTACHMENTS_PER_LISTING = 10;

const LISTING_ATTACHMENTS: AttachmentRules = {
  owner: 'listing',
  ownerField: 'listingId',
  max: MAX_ATTACHMENTS_PER_LISTING,
  tooMany: 'too_many_listing_attachments',
};

/** The listing its publisher (or a moderator of its pairing) may change, locked; another's is 403, an unseen one 404. */
async function editableListing({ tx }: UnitOfWork, ctx: AuthedContext, id: string) {
  const listing = await findListing(tx, listingVisibility(ctx.actor, moderates(ctx.actor), false), id, {
    forUpdate: true,
  });
  if (!listing) throw notFound();
  assertMayEdit(ctx.actor, listing);
  return listing;
}

/** Keeps a file with a listing (see keepAttachment for the file's life); an unapproved registrant keeps none. */
export async function uploadListingAttachment(
  ctx: AuthedContext,
  listingId: string,
  file: { buffer: Buffer; fileName: string },
): Promise<string> {
  assertMayAct(await standingOf(ctx));
  await listingDetail(ctx, listingId);
  return keepAttachment(
    ctx,
    LISTING_ATTACHMENTS,
    file,
    async (work) => (await editableListing(work, ctx, listingId)).id,
  );
}

/** The bytes of a file of a listing the reader can see (the files are the listing's, not its hidden contact). */
export async function downloadListingAttachment(ctx: AuthedContext, listingId: string, attachmentId: string) {
  const listing = await listingDetail(ctx, listingId);
  return readAttachment(ctx, LISTING_ATTACHMENTS, listing.id, attachmentId);
}

export async function deleteListingAttachment(ctx: AuthedContext, listingId: string, attachmentId: string) {
  assertMayAct(await standingOf(ctx));
  await forgetAttachment(ctx, LISTING_ATTACHMENTS, attachmentId, (work) => editableListing(work, ctx, listingId));
}

export const attachmentsOfListing = (ctx: AuthedContext, listingId: string) => listingFiles(ctx.db, listingId);
