import type { ItemSource } from '../../../common/api/enums.ts';
import type {
  CloseItemInput,
  ItemInput,
  ItemListQuery,
  ProgressInput,
  ReopenItemInput,
  UpdateItemInput,
} from '../../../common/api/tracking.ts';
import { conflict, type ErrorDetail, fieldError, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { SYSTEM_USER_ID } from '../../http/system-actor.ts';
import { countAttachments } from '../../kernel/attachments/attachments.repository.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { itemAbilities } from './tracking.policy.ts';
import { notifyAssigned } from './item-notices.ts';
import {
  findItem,
  findItemDetail,
  insertItem,
  insertNote,
  listItems,
  nextSeq,
  ownerSides,
  ownersOf,
  ownsItem,
  replaceOwners,
  unknownLinks,
  updateItemRow,
} from './tracking.repository.ts';

/** Who wrote a note; the platform's own actor (demo data, commands) belongs to no registered organisation. */
function noteAuthor(ctx: AuthedContext) {
  const a = ctx.actor;
  return {
    actorUserId: a.userId,
    actorName: a.displayName,
    organisationId: a.userId === SYSTEM_USER_ID ? null : a.organisationId,
  };
}

/** Where new items come from: the record that raised them, named so a list can show it without asking its module. */
export interface ItemOrigin {
  pairingId: string;
  source: ItemSource;
  sourceId: string | null;
  sourceTitle: string | null;
  isDemo?: boolean;
}

export async function listItemPage(ctx: AuthedContext, { page, pageSize, ...filter }: ItemListQuery) {
  const today = chinaToday();
  const { items, total, counts } = await listItems(ctx.db, ctx.actor, filter, today, {
    page,
    pageSize,
  });
  return { items, total, counts, page, pageSize };
}

/** Every item under the filters, for the 督办台账 export. */
export async function itemLedgerRows(ctx: AuthedContext, { page: _page, pageSize: _size, ...filter }: ItemListQuery) {
  const { items } = await listItems(ctx.db, ctx.actor, filter, chinaToday(), 'all');
  return items;
}

export async function itemDetail(ctx: AuthedContext, id: string) {
  const found = await findItemDetail(ctx.db, ctx.actor, id, chinaToday());
  if (!found) throw notFound();
  const ownedByActor = found.owners.some((o) => o.organisationId === ctx.actor.organisationId);
  return { ...found, can: itemAbilities(ctx.actor, { closed: found.summary.status === 'closed', ownedByActor }) };
}

/**
 * Owners must be units on a side of the pairing, each named once; links must be tasks and projects the office
 * can see. Problems are named by their place in the request (`prefix.owners.1.organisationId`).
 */
async function checkedItem(
  ctx: AuthedContext,
  db: UnitOfWork['tx'],
  pairingId: string,
  item: { owners?: ItemInput['owners']; taskIds?: string[]; projectIds?: string[]; deadline?: string },
  prefix: string,
  today: string | null,
) {
  const problems: ErrorDetail[] = [];
  const given = item.owners ?? [];
  const sides = await ownerSides(
    db,
    pairingId,
    given.map((o) => o.organisationId),
  );
  const seen = new Set<string>();
  const owners = given.map((o, i) => {
    const found = sides.get(o.organisationId);
    const field = `${prefix}owners.${i}.organisationId`;
    if (!found) problems.push(fieldError(field, 'unknown_organisation'));
    else if (!found.side) problems.push(fieldError(field, 'owner_not_in_pairing', { name: found.name }));
    if (seen.has(o.organisationId)) problems.push(fieldError(field, 'duplicate_owner'));
    seen.add(o.organisationId);
    return { organisationId: o.organisationId, role: o.role, side: found?.side ?? null };
  });
  if (item.owners && !owners.some((o) => o.role === 'lead'))
    problems.push(fieldError(`${prefix}owners`, 'lead_owner_required'));
  if (today && item.deadline && item.deadline < today)
    problems.push(fieldError(`${prefix}deadline`, 'deadline_in_past'));
  const taskIds = item.taskIds ?? [];
  const projectIds = item.projectIds ?? [];
  const unknown = await unknownLinks(db, ctx.actor, taskIds, projectIds);
  taskIds.forEach((t, i) => {
    if (unknown.taskIds.has(t)) problems.push(fieldError(`${prefix}taskIds.${i}`, 'unknown_task'));
  });
  projectIds.forEach((p, i) => {
    if (unknown.projectIds.has(p)) problems.push(fieldError(`${prefix}projectIds.${i}`, 'unknown_project'));
  });
  return { owners, problems };
}

/**
 * Raises items inside the caller's change (a meeting records its decisions this way), numbered after the
 * source's existing ones. A deadline already past is refused for a new item: it would be born overdue.
 */
export async function raiseItems(
  work: UnitOfWork,
  ctx: AuthedContext,
  origin: ItemOrigin,
  items: readonly ItemInput[],
  fieldPrefix: string,
): Promise<string[]> {
  if (!inPairingScope(ctx.actor, origin.pairingId)) throw notFound();
  const today = chinaToday();
  const checked = [];
  const problems: ErrorDetail[] = [];
  for (const [i, item] of items.entries()) {
    const c = await checkedItem(ctx, work.tx, origin.pairingId, item, `${fieldPrefix}${i}.`, today);
    problems.push(...c.problems);
    checked.push(c.owners);
  }
  if (problems.length) throw invalid(...problems);
  let seq = await nextSeq(work.tx, origin.source, origin.sourceId, origin.pairingId);
  const ids: string[] = [];
  for (const [i, item] of items.entries()) {
    const id = await insertItem(work.tx, {
      pairingId: origin.pairingId,
      source: origin.source,
      sourceId: origin.sourceId,
      sourceTitle: origin.sourceTitle,
      seq: seq++,
      text: item.text,
      deadline: item.deadline,
      taskIds: item.taskIds,
      projectIds: item.projectIds,
      isDemo: !!origin.isDemo,
    });
    await replaceOwners(work.tx, id, checked[i]!);
    await notifyAssigned(
      work,
      { id, sourceTitle: origin.sourceTitle, seq: seq - 1, text: item.text, deadline: item.deadline },
      checked[i]!.map((o) => o.organisationId),
    );
    work.audit({
      action: 'item.create',
      result: 'success',
      objectType: 'tracked_item',
      objectId: id,
      details: { source: origin.source, sourceId: origin.sourceId, after: item },
    });
    ids.push(id);
  }
  return ids;
}

const EDITABLE = ['text', 'deadline', 'taskIds', 'projectIds'] as const;

/** The office edits an open item read at `version`; owners, when given, replace the old ones (audited before/after). */
export async function updateItem(ctx: AuthedContext, id: string, input: UpdateItemInput): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findItem(tx, ctx.actor, id, { forUpdate: true });
    if (!current) throw notFound();
    if (!itemAbilities(ctx.actor, { closed: current.state === 'closed', ownedByActor: false }).edit)
      throw current.state === 'closed' ? invalid(fieldError('version', 'item_closed')) : forbidden();
    if (current.version !== input.version) throw conflict();
    const { owners, problems } = await checkedItem(ctx, tx, current.pairingId, input, '', null);
    if (problems.length) throw invalid(...problems);
    const { patch, before, after } = editPatch(EDITABLE, input, current);
    if (!(await updateItemRow(tx, id, input.version, patch))) throw conflict();
    if (input.owners) {
      const old = await ownersOf(tx, [id]);
      await replaceOwners(tx, id, owners);
      const had = new Set(old.map((o) => o.organisationId));
      await notifyAssigned(
        { tx },
        { ...current, text: input.text ?? current.text, deadline: input.deadline ?? current.deadline },
        owners.filter((o) => !had.has(o.organisationId)).map((o) => o.organisationId),
      );
      before.owners = old.map((o) => ({ organisationId: o.organisationId, role: o.role }));
      after.owners = input.owners;
    }
    audit({
      action: 'item.update',
      result: 'success',
      objectType: 'tracked_item',
      objectId: id,
      details: { before, after },
    });
  });
}

/** An owner unit (or the office) reports progress; the first report moves the item from 未启动 to 推进中. */
export async function addProgress(ctx: AuthedContext, id: string, input: ProgressInput): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const item = await findItem(tx, ctx.actor, id, { forUpdate: true });
    if (!item) throw notFound();
    const owned = await ownsItem(tx, id, ctx.actor.organisationId);
    const can = itemAbilities(ctx.actor, { closed: item.state === 'closed', ownedByActor: owned });
    if (!can.progress) throw item.state === 'closed' ? invalid(fieldError('note', 'item_closed')) : forbidden();
    const noteId = await insertNote(tx, {
      itemId: id,
      kind: 'progress',
      note: input.note,
      percent: input.percent ?? null,
      ...noteAuthor(ctx),
    });
    if (item.state === 'not_started' && !(await updateItemRow(tx, id, item.version, { state: 'in_progress' })))
      throw conflict();
    audit({
      action: 'item.progress',
      result: 'success',
      objectType: 'tracked_item',
      objectId: id,
      details: { noteId, percent: input.percent ?? null },
    });
  });
}

/** 销号: only the office closes, and only with evidence — a note and a link or at least one file on the item. */
export async function closeItem(ctx: AuthedContext, id: string, input: CloseItemInput): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const item = await findItem(tx, ctx.actor, id, { forUpdate: true });
    if (!item) throw notFound();
    const can = itemAbilities(ctx.actor, { closed: item.state === 'closed', ownedByActor: false });
    if (!can.close) throw item.state === 'closed' ? invalid(fieldError('version', 'item_closed')) : forbidden();
    if (item.version !== input.version) throw conflict();
    if (!input.link && (await countAttachments(tx, { kind: 'tracked_item', id })) === 0)
      throw invalid(fieldError('link', 'close_evidence_required'));
    await insertNote(tx, {
      itemId: id,
      kind: 'closed',
      note: input.note,
      link: input.link ?? null,
      ...noteAuthor(ctx),
    });
    if (!(await updateItemRow(tx, id, input.version, { state: 'closed', closedAt: new Date() }))) throw conflict();
    audit({
      action: 'item.close',
      result: 'success',
      objectType: 'tracked_item',
      objectId: id,
      details: { note: input.note, link: input.link ?? null },
    });
  });
}

/** The office reopens a closed item with a reason; it goes back to 推进中 (its record keeps the closing). */
export async function reopenItem(ctx: AuthedContext, id: string, input: ReopenItemInput): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const item = await findItem(tx, ctx.actor, id, { forUpdate: true });
    if (!item) throw notFound();
    const can = itemAbilities(ctx.actor, { closed: item.state === 'closed', ownedByActor: false });
    if (!can.reopen) throw item.state !== 'closed' ? invalid(fieldError('version', 'item_not_closed')) : forbidden();
    if (item.version !== input.version) throw conflict();
    await insertNote(tx, {
      itemId: id,
      kind: 'reopened',
      note: input.reason,
      ...noteAuthor(ctx),
    });
    if (!(await updateItemRow(tx, id, input.version, { state: 'in_progress', closedAt: null }))) throw conflict();
    audit({
      action: 'item.reopen',
      result: 'success',
      objectType: 'tracked_item',
      objectId: id,
      details: { reason: input.reason },
    });
  });
}
