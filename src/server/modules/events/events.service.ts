import type { AuthedContext } from '../../http/context.ts';
import { invalid, notFound, conflict, fieldError, AppError } from '../../http/app-error.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { wan } from '../../../common/money/money.ts';
import type { CreateEventInput, UpdateEventInput, AgreementInput, EventListQuery } from '../../../common/api/events.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { createProjectIn } from '../projects/projects.service.ts';
import {
  agreementsOf,
  findAgreement,
  findEvent,
  findEventDetail,
  insertAgreement,
  insertEvent,
  linkAgreementToProject,
  listEvents,
  updateEventRow,
} from './events.repository.ts';
import { checkEvent, checkAgreement } from './event-rules.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { assertYearsOpen, yearOf } from '../../kernel/year-lock/year-lock.ts';

export async function listEventPage(ctx: AuthedContext, { page, pageSize, ...filter }: EventListQuery) {
  const { items, total } = await listEvents(ctx.db, ctx.actor, filter, page, pageSize);
  return { items, total, page, pageSize };
}

export async function eventDetail(ctx: AuthedContext, id: string) {
  const found = await findEventDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return found;
}

export async function createEvent(
  ctx: AuthedContext,
  input: CreateEventInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  const problems = checkEvent({
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    enterpriseCount: input.enterpriseCount ?? null,
    enterprises: input.enterprises,
  });
  if (problems.length) throw invalid(...problems);
  return auditedChange(ctx, async ({ tx, audit }) => {
    await assertYearsOpen(tx, input.pairingId, [yearOf(input.startsOn)], 'startsOn');
    const id = await insertEvent(tx, {
      pairingId: input.pairingId,
      kind: input.kind,
      title: input.title,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      place: input.place ?? null,
      organisersA: input.organisersA ?? null,
      organisersB: input.organisersB ?? null,
      enterpriseCount: input.enterpriseCount ?? null,
      enterprises: input.enterprises,
      note: input.note ?? null,
      isDemo: !!opts.demo,
    });
    audit({ action: 'event.create', result: 'success', objectType: 'event', objectId: id, details: { after: input } });
    return id;
  });
}

const EDITABLE = [
  'kind',
  'title',
  'startsOn',
  'endsOn',
  'place',
  'organisersA',
  'organisersB',
  'enterpriseCount',
  'enterprises',
  'note',
] as const;

/**
 * Edits an event read at `version` (409 when someone saved it since): the event's own rules on the edited
 * whole, and dates that still hold every agreement signed there. Audited with before and after.
 */
export async function updateEvent(ctx: AuthedContext, id: string, input: UpdateEventInput): Promise<void> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findEvent(tx, ctx.actor, id);
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const startsOn = input.startsOn ?? String(current.startsOn);
    const endsOn = input.endsOn ?? String(current.endsOn);
    await assertYearsOpen(tx, current.pairingId, [yearOf(String(current.startsOn)), yearOf(startsOn)], 'startsOn');
    const problems = checkEvent({
      startsOn,
      endsOn,
      enterpriseCount: input.enterpriseCount === undefined ? current.enterpriseCount : input.enterpriseCount,
      enterprises: input.enterprises ?? current.enterprises,
    });
    if (input.startsOn !== undefined || input.endsOn !== undefined) {
      const outside = (await agreementsOf(tx, id)).filter(
        (a) => String(a.signedOn) < startsOn || String(a.signedOn) > endsOn,
      ).length;
      if (outside)
        problems.push(
          fieldError(
            input.startsOn !== undefined && String(current.startsOn) !== startsOn ? 'startsOn' : 'endsOn',
            'agreements_outside_event',
            { count: outside },
          ),
        );
    }
    if (problems.length) throw invalid(...problems);
    const { patch, before, after } = editPatch(EDITABLE, input, current);
    if (!(await updateEventRow(tx, id, input.version, patch))) throw conflict();
    audit({ action: 'event.update', result: 'success', objectType: 'event', objectId: id, details: { before, after } });
  });
}

/** The project an agreement becomes: stage 签约 on the signing date, its 签约额 and 计划总投资, linked both ways. */
async function projectFromAgreement(
  work: UnitOfWork,
  ctx: AuthedContext,
  event: { id: string; pairingId: string; title: string; isDemo: boolean },
  agreement: {
    id: string;
    title: string;
    parties: string[];
    signedOn: string;
    amountWan: string;
    plannedInvestmentWan: string | null;
  },
  project: NonNullable<AgreementInput['project']>,
) {
  try {
    const projectId = await createProjectIn(
      work,
      ctx,
      {
        pairingId: event.pairingId,
        title: agreement.title,
        investor: agreement.parties[0]!,
        hostRegionCode: project.hostRegionCode,
        industryDivision: project.industryDivision ?? null,
        type: project.type,
        side: project.side,
        stage: 'signed',
        stageOn: agreement.signedOn,
        signedAmount: agreement.amountWan,
        plannedInvestment: agreement.plannedInvestmentWan,
        landmark: false,
        greenChannel: false,
        note: `于“${event.title}”签约`,
      },
      { eventId: event.id, eventAgreementId: agreement.id, demo: event.isDemo },
    );
    await linkAgreementToProject(work.tx, agreement.id, projectId);
    return projectId;
  } catch (err) {
    // The project's field names, seen from the agreement form: under `project.`.
    if (err instanceof AppError && err.status === 400)
      throw invalid(...err.details.map((d) => ({ ...d, field: `project.${d.field}` })));
    throw err;
  }
}

export async function signAgreement(
  ctx: AuthedContext,
  eventId: string,
  input: AgreementInput,
): Promise<{ agreementId: string; projectId: string | null }> {
  const today = chinaToday();
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const event = await findEvent(tx, ctx.actor, eventId);
    if (!event) throw notFound();
    const problems = checkAgreement(
      { startsOn: String(event.startsOn), endsOn: String(event.endsOn) },
      {
        title: input.title,
        parties: input.parties,
        signedOn: input.signedOn,
        amount: wan(input.amount),
        plannedInvestment: input.plannedInvestment ? wan(input.plannedInvestment) : null,
      },
      today,
    );
    if (input.createProject && !input.project) problems.push(fieldError('project', 'required'));
    if (problems.length) throw invalid(...problems);
    const row = await insertAgreement(tx, {
      eventId,
      title: input.title,
      parties: input.parties,
      signedOn: input.signedOn,
      amountWan: input.amount,
      plannedInvestmentWan: input.plannedInvestment ?? null,
      hostRegionCode: input.project?.hostRegionCode ?? null,
      isDemo: event.isDemo,
    });
    audit({
      action: 'event.agreement',
      result: 'success',
      objectType: 'event',
      objectId: eventId,
      details: { agreementId: row.id, ...input },
    });
    const projectId = input.createProject
      ? await projectFromAgreement(work, ctx, event, { ...row, signedOn: String(row.signedOn) }, input.project!)
      : null;
    return { agreementId: row.id, projectId };
  });
}

export async function agreementToProject(
  ctx: AuthedContext,
  eventId: string,
  agreementId: string,
  project: NonNullable<AgreementInput['project']>,
): Promise<string> {
  return auditedChange(ctx, async (work) => {
    const event = await findEvent(work.tx, ctx.actor, eventId);
    if (!event) throw notFound();
    const agreement = await findAgreement(work.tx, eventId, agreementId);
    if (!agreement) throw notFound();
    if (agreement.projectId) throw invalid(fieldError('agreementId', 'agreement_has_project'));
    return projectFromAgreement(work, ctx, event, { ...agreement, signedOn: String(agreement.signedOn) }, project);
  });
}
