import { fieldError, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import {
  type AttachmentRules,
  forgetAttachment,
  keepAttachment,
  readAttachment,
} from '../../kernel/attachments/attachments.service.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { itemAbilities } from './tracking.policy.ts';
import { findItem, ownsItem } from './tracking.repository.ts';

/** Evidence of an item's progress and closing: minutes, photos, documents issued. */
export const MAX_ATTACHMENTS_PER_ITEM = 20;

const ITEM_ATTACHMENTS: AttachmentRules = {
  owner: 'tracked_item',
  ownerField: 'itemId',
  max: MAX_ATTACHMENTS_PER_ITEM,
  tooMany: 'too_many_item_attachments',
};

/** The open item, locked, if the actor may add or remove its evidence (an owner unit or the office). */
async function itemForEvidence({ tx }: UnitOfWork, ctx: AuthedContext, itemId: string) {
  const item = await findItem(tx, ctx.actor, itemId, { forUpdate: true });
  if (!item) throw notFound();
  const owned = await ownsItem(tx, itemId, ctx.actor.organisationId);
  if (!itemAbilities(ctx.actor, { closed: item.state === 'closed', ownedByActor: owned }).attach)
    throw item.state === 'closed' ? invalid(fieldError('file', 'item_closed')) : forbidden();
  return item;
}

export async function uploadItemAttachment(
  ctx: AuthedContext,
  itemId: string,
  file: { buffer: Buffer; fileName: string },
): Promise<string> {
  if (!(await findItem(ctx.db, ctx.actor, itemId))) throw notFound();
  return keepAttachment(ctx, ITEM_ATTACHMENTS, file, async (work) => (await itemForEvidence(work, ctx, itemId)).id);
}

export async function downloadItemAttachment(ctx: AuthedContext, itemId: string, attachmentId: string) {
  const item = await findItem(ctx.db, ctx.actor, itemId);
  if (!item) throw notFound();
  return readAttachment(ctx, ITEM_ATTACHMENTS, item.id, attachmentId);
}

export async function deleteItemAttachment(ctx: AuthedContext, itemId: string, attachmentId: string) {
  await forgetAttachment(ctx, ITEM_ATTACHMENTS, attachmentId, (work) => itemForEvidence(work, ctx, itemId));
}
