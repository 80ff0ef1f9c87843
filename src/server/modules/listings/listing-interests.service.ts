import type { InterestDecisionInput, InterestInput, InterestOutcomeInput } from '../../../common/api/listings.ts';
import { AppError, conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { createProjectIn } from '../projects/projects.service.ts';
import { standingOf } from './listing-reading.service.ts';
import {
  findInterest,
  findListing,
  insertInterest,
  interestTaken,
  listInterests,
  listingVisibility,
  updateInterestRow,
} from './listings.repository.ts';
import { assertMayAct } from './listings.policy.ts';

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
