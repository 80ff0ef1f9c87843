import type { MeetingKind } from '../../../common/api/enums.ts';
import type {
  AddDecisionsInput,
  CreateMeetingInput,
  MeetingListQuery,
  RotationInput,
  UpdateMeetingInput,
} from '../../../common/api/meetings.ts';
import { sideTextsInView } from '../programmes/programmes.service.ts';
import { conflict, type ErrorDetail, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { dateString } from '../../kernel/dates.ts';
import type { DbOrTx } from '../../db/database.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { listItemPage, raiseItems } from '../tracking/tracking.service.ts';
import { proposeHost } from './meeting-rotation.ts';
import {
  findMeeting,
  findMeetingDetail,
  findRotation,
  insertMeeting,
  lastMeeting,
  listMeetings,
  saveRotation,
  updateMeetingRow,
} from './meetings.repository.ts';
import { assertYearsOpen, yearOf } from '../../kernel/year-lock/year-lock.ts';

/** A meeting's decisions are few (a joint meeting records a handful to a few dozen); one page holds them all. */
const DECISIONS_PAGE = 500;

export async function listMeetingPage(ctx: AuthedContext, { page, pageSize, ...filter }: MeetingListQuery) {
  const { items, total } = await listMeetings(ctx.db, ctx.actor, filter, page, pageSize);
  return { items, total, page, pageSize };
}

export async function meetingDetail(ctx: AuthedContext, id: string) {
  const found = await findMeetingDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  const decisions = await listItemPage(ctx, {
    source: 'meeting_decision',
    sourceId: id,
    page: 1,
    pageSize: DECISIONS_PAGE,
  });
  return { ...found, decisions };
}

/** The host the rotation proposes for the next meeting of a kind, and the last one it follows. */
export async function nextHost(ctx: AuthedContext, pairingId: string, kind: MeetingKind) {
  if (!inPairingScope(ctx.actor, pairingId)) throw notFound();
  return hostProposal(ctx.db, pairingId, kind, {});
}

async function hostProposal(
  db: DbOrTx,
  pairingId: string,
  kind: MeetingKind,
  opts: { before?: string; except?: string },
) {
  const [order, last] = await Promise.all([findRotation(db, pairingId, kind), lastMeeting(db, pairingId, kind, opts)]);
  const proposed = proposeHost(order, last?.hostSide ?? null);
  return {
    ...proposed,
    order,
    last: last ? { ...last, heldOn: dateString(last.heldOn)! } : null,
  };
}

/**
 * Dates in order, and a host other than the one the rotation proposes only with a reason (the office may have
 * swapped turns; the record says why).
 */
async function meetingProblems(
  db: DbOrTx,
  pairingId: string,
  m: {
    kind: MeetingKind;
    heldOn: string;
    endsOn: string | null;
    hostSide: 'a' | 'b';
    hostOverrideReason: string | null;
  },
  except?: string,
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  if (m.endsOn && m.endsOn < m.heldOn) problems.push(fieldError('endsOn', 'date_order'));
  const proposal = await hostProposal(db, pairingId, m.kind, { before: m.heldOn, except });
  if (proposal.side && proposal.side !== m.hostSide && !m.hostOverrideReason) {
    // The side named as its programme names it (东北地区一方, 东部一方 …).
    const label = proposal.side === 'a' ? 'sideA' : 'sideB';
    const [zh, en] = await Promise.all([
      sideTextsInView({ db, actor: null }, 'zh-CN', pairingId),
      sideTextsInView({ db, actor: null }, 'en', pairingId),
    ]);
    problems.push(
      fieldError('hostOverrideReason', 'host_override_reason_required', { sideZh: zh[label], sideEn: en[label] }),
    );
  }
  return problems;
}

export async function createMeeting(
  ctx: AuthedContext,
  input: CreateMeetingInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  return auditedChange(ctx, async (work) => {
    const { decisions, ...meeting } = input;
    await assertYearsOpen(work.tx, input.pairingId, [yearOf(input.heldOn)], 'heldOn');
    const problems = await meetingProblems(work.tx, input.pairingId, {
      ...meeting,
      endsOn: meeting.endsOn ?? null,
      hostOverrideReason: meeting.hostOverrideReason ?? null,
    });
    if (problems.length) throw invalid(...problems);
    const id = await insertMeeting(work.tx, {
      pairingId: meeting.pairingId,
      kind: meeting.kind,
      title: meeting.title,
      heldOn: meeting.heldOn,
      endsOn: meeting.endsOn ?? null,
      place: meeting.place ?? null,
      hostSide: meeting.hostSide,
      hostOverrideReason: meeting.hostOverrideReason ?? null,
      chair: meeting.chair ?? null,
      attendees: meeting.attendees.map((a) => ({ ...a, post: a.post ?? null, organisation: a.organisation ?? null })),
      agenda: meeting.agenda ?? null,
      minutes: meeting.minutes ?? null,
      isDemo: !!opts.demo,
    });
    work.audit({
      action: 'meeting.create',
      result: 'success',
      objectType: 'meeting',
      objectId: id,
      details: { after: meeting },
    });
    if (decisions.length)
      await raiseItems(
        work,
        ctx,
        {
          pairingId: input.pairingId,
          source: 'meeting_decision',
          sourceId: id,
          sourceTitle: input.title,
          isDemo: !!opts.demo,
        },
        decisions,
        'decisions.',
      );
    return id;
  });
}

const EDITABLE = [
  'kind',
  'title',
  'heldOn',
  'endsOn',
  'place',
  'hostSide',
  'hostOverrideReason',
  'chair',
  'attendees',
  'agenda',
  'minutes',
] as const;

export async function updateMeeting(ctx: AuthedContext, id: string, input: UpdateMeetingInput): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findMeeting(tx, ctx.actor, id, { forUpdate: true });
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const next = {
      kind: input.kind ?? current.kind,
      heldOn: input.heldOn ?? dateString(current.heldOn)!,
      endsOn: input.endsOn === undefined ? dateString(current.endsOn) : input.endsOn,
      hostSide: input.hostSide ?? current.hostSide,
      hostOverrideReason:
        input.hostOverrideReason === undefined ? current.hostOverrideReason : input.hostOverrideReason,
    };
    // A meeting counts in the year it was held: a year locked by its accepted summary is read-only.
    await assertYearsOpen(tx, current.pairingId, [yearOf(current.heldOn), yearOf(next.heldOn)], 'heldOn');
    const problems = await meetingProblems(tx, current.pairingId, next, id);
    if (problems.length) throw invalid(...problems);
    const attendees = input.attendees?.map((a) => ({
      ...a,
      post: a.post ?? null,
      organisation: a.organisation ?? null,
    }));
    const { patch, before, after } = editPatch(EDITABLE, { ...input, attendees }, current);
    if (!(await updateMeetingRow(tx, id, input.version, patch))) throw conflict();
    audit({
      action: 'meeting.update',
      result: 'success',
      objectType: 'meeting',
      objectId: id,
      details: { before, after },
    });
  });
}

/** Decisions recorded after the meeting (minutes approved later) are added, numbered after the earlier ones. */
export async function addDecisions(ctx: AuthedContext, id: string, input: AddDecisionsInput): Promise<void> {
  await auditedChange(ctx, async (work) => {
    const meeting = await findMeeting(work.tx, ctx.actor, id, { forUpdate: true });
    if (!meeting) throw notFound();
    await raiseItems(
      work,
      ctx,
      {
        pairingId: meeting.pairingId,
        source: 'meeting_decision',
        sourceId: id,
        sourceTitle: meeting.title,
        isDemo: meeting.isDemo,
      },
      input.decisions,
      'decisions.',
    );
  });
}

export async function setRotation(
  ctx: AuthedContext,
  input: RotationInput,
  opts: { demo?: boolean } = {},
): Promise<void> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw notFound();
  if (new Set(input.order).size !== input.order.length) throw invalid(fieldError('order', 'duplicate_side'));
  await auditedChange(ctx, async ({ tx, audit }) => {
    const before = await findRotation(tx, input.pairingId, input.kind);
    await saveRotation(tx, input.pairingId, input.kind, input.order, !!opts.demo);
    audit({
      action: 'meeting.rotation',
      result: 'success',
      objectType: 'pairing',
      objectId: input.pairingId,
      details: { kind: input.kind, before, after: input.order },
    });
  });
}
