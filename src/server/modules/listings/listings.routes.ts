import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  createListingInput,
  interestDecisionInput,
  interestInput,
  interestListResponse,
  interestOutcomeInput,
  interestParams,
  listingCounts,
  listingCountsQuery,
  listingImportResult,
  listingInterest,
  listingListQuery,
  listingPairingsQuery,
  listingPairingsResponse,
  listingListResponse,
  listingMatchQuery,
  listingSearchQuery,
  listingSummary,
  moderateListingInput,
  rankedListingsResponse,
  registration,
  registrationCreated,
  registrationDecisionInput,
  registrationInput,
  registrationListResponse,
  updateListingInput,
} from '../../../common/api/listings.ts';
import { moduleRoutes } from '../../http/route.ts';
import { uploadedFile } from '../../http/upload.ts';
import { DEFAULT_SHEET_LIMITS } from '../../kernel/sheet/sheet-file-guard.ts';
import { importListingFile, LISTING_SHEET_UPLOAD } from './listing-import.service.ts';
import { presentInterest, presentListing, presentRanked, presentRegistration } from './listings.presenter.ts';
import { contactFor, interestContacts } from './listing-contacts.service.ts';
import { decideInterest, expressInterest, interestDetail, interestOutcome } from './listing-interests.service.ts';
import { createListing, moderateListing, updateListing } from './listing-publishing.service.ts';
import { matchListing, searchListings } from './listing-ranking.service.ts';
import {
  listingCounts as loadCounts,
  listingDetail,
  listListingPage,
  pairingChoices,
} from './listing-reading.service.ts';
import { registerOrganisationUserRoutes } from './organisation-users.routes.ts';
import { attachmentsOfListing } from './listing-attachments.service.ts';
import { registerListingAttachmentRoutes } from './listing-attachments.routes.ts';
import { exportListingList } from './listing-list-export.ts';
import { presentAttachment } from '../../kernel/attachments/attachments.presenter.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { decideRegistration, register, registrationsToReview } from './registrations.service.ts';
import type { AuthedContext } from '../../http/context.ts';

/** A listing as its reader may see it, with its files: the contact only for its owner or an accepted counterpart. */
async function shown(ctx: AuthedContext, id: string) {
  const row = await listingDetail(ctx, id);
  return {
    ...presentListing(row, ctx.actor.organisationId, await contactFor(ctx, row)),
    attachments: (await attachmentsOfListing(ctx, id)).map(presentAttachment),
  };
}

async function shownInterests(ctx: AuthedContext, listingId?: string) {
  const { rows, contacts } = await interestContacts(ctx, listingId);
  return { items: rows.map((r) => presentInterest(r, ctx.actor.organisationId, contacts.get(r.id) ?? null)) };
}

export function registerListingRoutes(app: FastifyInstance) {
  registerOrganisationUserRoutes(app);
  registerListingAttachmentRoutes(app, shown);
  app.register(async (scope) => {
    // Only the import parses multipart bodies; the limit is the sheet's own, so an oversized upload stops early.
    await scope.register(multipart, {
      limits: { fileSize: DEFAULT_SHEET_LIMITS.maxBytes, files: 1, fields: 3, parts: 4, fieldSize: 200 },
    });
    const r = moduleRoutes(scope, 'listings');

    r.get(
      '/api/listings',
      { access: 'listing.read', query: listingListQuery, response: listingListResponse },
      async ({ ctx, query }) => {
        const page = await listListingPage(ctx, query);
        return { ...page, items: page.items.map((row) => presentListing(row, ctx.actor.organisationId, null)) };
      },
    );
    r.get(
      '/api/listings/search',
      { access: 'listing.read', query: listingSearchQuery, response: rankedListingsResponse },
      async ({ ctx, query }) => {
        const { rows, words } = await searchListings(ctx, query);
        return { items: rows.map((row) => presentRanked(row, ctx.actor.organisationId, { words })) };
      },
    );
    r.get(
      '/api/listings/counts',
      { access: 'listing.read', query: listingCountsQuery, response: listingCounts },
      async ({ ctx, query }) => ({
        items: (await loadCounts(ctx, query)).map((c) => ({
          pairingId: c.pairing_id,
          pairingName: c.pairing_name,
          year: c.year,
          listings: c.listings,
          matchesViewed: c.matches_viewed,
          interests: c.interests,
          contactsRevealed: c.contacts_revealed,
          deals: c.deals,
          projects: c.projects,
        })),
      }),
    );
    r.post(
      '/api/listings/import',
      { access: 'listing.import', consumes: ['multipart/form-data'], response: listingImportResult },
      async ({ ctx, req }) => {
        const file = await uploadedFile(req, LISTING_SHEET_UPLOAD);
        return importListingFile(ctx, file.buffer, file.fileName, {
          pairing: typeof file.fields.pairing === 'string' ? file.fields.pairing : undefined,
        });
      },
    );
    r.get(
      '/api/listings/pairings',
      { access: 'listing.publish', query: listingPairingsQuery, response: listingPairingsResponse },
      async ({ ctx, query }) => ({ items: await pairingChoices(ctx, query.regionCode) }),
    );
    r.get(
      '/api/listings/export.xlsx',
      { access: 'listing.read', query: listingListQuery.omit({ page: true, pageSize: true }) },
      async ({ ctx, query, reply }) => {
        const { fileName, file } = await exportListingList(ctx, query);
        return sendXlsx(reply, fileName, file);
      },
    );
    r.get(
      '/api/listings/:id',
      { access: 'listing.read', params: idParams, response: listingSummary },
      ({ ctx, params }) => shown(ctx, params.id),
    );
    r.get(
      '/api/listings/:id/matches',
      { access: 'listing.read', params: idParams, query: listingMatchQuery, response: rankedListingsResponse },
      async ({ ctx, params, query }) => {
        const { source, rows, words } = await matchListing(ctx, params.id, query.top);
        const match = { kind: source.kind, pairingName: source.pairingName };
        return { items: rows.map((row) => presentRanked(row, ctx.actor.organisationId, { words, match })) };
      },
    );
    r.post(
      '/api/listings',
      { access: 'listing.publish', body: createListingInput, response: listingSummary, status: 201 },
      async ({ ctx, body }) => shown(ctx, await createListing(ctx, body)),
    );
    r.patch(
      '/api/listings/:id',
      { access: 'listing.publish', params: idParams, body: updateListingInput, response: listingSummary },
      async ({ ctx, params, body }) => {
        await updateListing(ctx, params.id, body);
        return shown(ctx, params.id);
      },
    );
    r.post(
      '/api/listings/:id/moderation',
      { access: 'listing.publish', params: idParams, body: moderateListingInput, response: listingSummary },
      async ({ ctx, params, body }) => {
        await moderateListing(ctx, params.id, body);
        return shown(ctx, params.id);
      },
    );
    r.post(
      '/api/listings/:id/interests',
      { access: 'listing.publish', params: idParams, body: interestInput, response: listingInterest, status: 201 },
      async ({ ctx, params, body }) =>
        presentInterest(
          await interestDetail(ctx, await expressInterest(ctx, params.id, body)),
          ctx.actor.organisationId,
          null,
        ),
    );
    r.get('/api/listing-interests', { access: 'listing.publish', response: interestListResponse }, ({ ctx }) =>
      shownInterests(ctx),
    );
    r.post(
      '/api/listing-interests/:id/decision',
      { access: 'listing.publish', params: interestParams, body: interestDecisionInput, response: listingInterest },
      async ({ ctx, params, body }) => {
        await decideInterest(ctx, params.id, body);
        return presentInterest(await interestDetail(ctx, params.id), ctx.actor.organisationId, null);
      },
    );
    r.post(
      '/api/listing-interests/:id/outcome',
      { access: 'listing.publish', params: interestParams, body: interestOutcomeInput, response: listingInterest },
      async ({ ctx, params, body }) => {
        await interestOutcome(ctx, params.id, body);
        return presentInterest(await interestDetail(ctx, params.id), ctx.actor.organisationId, null);
      },
    );

    r.post(
      '/api/registrations',
      { access: 'public', body: registrationInput, response: registrationCreated, status: 201 },
      async ({ ctx, body }) => ({ id: await register(ctx, body), state: 'pending' as const }),
    );
    r.get(
      '/api/registrations',
      { access: 'registration.review', response: registrationListResponse },
      async ({ ctx }) => ({
        items: (await registrationsToReview(ctx)).map(presentRegistration),
      }),
    );
    r.post(
      '/api/registrations/:id/decision',
      { access: 'registration.review', params: idParams, body: registrationDecisionInput, response: registration },
      async ({ ctx, params, body }) => {
        await decideRegistration(ctx, params.id, body);
        const row = (await registrationsToReview(ctx)).find((x) => x.id === params.id);
        return presentRegistration(row!);
      },
    );
  });
}
