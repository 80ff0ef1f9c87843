import type { AuthedContext } from '../../http/context.ts';
import { fieldError, invalid, notFound } from '../../http/app-error.ts';
import { writeAudit, auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { findCycle } from './cycles.repository.ts';
import {
  findReport,
  attachmentsOf,
  insertAttachment,
  findAttachment,
  deleteAttachmentRow,
  insertReportEvents,
} from './reports.repository.ts';
import { MAX_ATTACHMENTS_PER_REPORT } from '../../kernel/attachments/attachment-type.ts';
import { readAttachment } from '../../kernel/attachments/attachment-store.ts';
import { forgetAttachment, keepAttachment } from '../../kernel/attachments/keep-attachment.ts';
import { assertCycleOpen, transition } from './reporting.policy.ts';

/** Attaches a file to a report the unit can still change (see keepAttachment for the file's life). */
export async function uploadAttachment(
  ctx: AuthedContext,
  slotId: string,
  file: { buffer: Buffer; fileName: string },
): Promise<string> {
  if (!(await findReport(ctx.db, ctx.actor, slotId))) throw notFound();
  return keepAttachment(ctx, file, async (tx, kept) => {
    const slot = await findReport(tx, ctx.actor, slotId);
    if (!slot) throw notFound();
    const cycle = await findCycle(tx, ctx.actor, slot.cycleId, { forUpdate: true });
    if (!cycle) throw notFound();
    assertCycleOpen(cycle);
    transition(slot.state, 'attach');
    if ((await attachmentsOf(tx, slot.id)).length >= MAX_ATTACHMENTS_PER_REPORT)
      throw invalid(fieldError('file', 'too_many_attachments', { max: MAX_ATTACHMENTS_PER_REPORT }));
    const id = await insertAttachment(tx, { slotId: slot.id, ...kept });
    await insertReportEvents(tx, [
      {
        slotId: slot.id,
        action: 'attached',
        comment: kept.fileName,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.username,
      },
    ]);
    await writeAudit(tx, ctx, {
      action: 'report.attachment.upload',
      result: 'success',
      objectType: 'report_attachment',
      objectId: id,
      details: { slotId: slot.id, fileName: kept.fileName, kind: kept.kind, size: kept.size, sm3: kept.sm3 },
    });
    return id;
  });
}

/** The bytes of an attachment of a report the actor can see; every download is audited (an export of official data). */
export async function downloadAttachment(ctx: AuthedContext, slotId: string, attachmentId: string) {
  const slot = await findReport(ctx.db, ctx.actor, slotId);
  if (!slot) throw notFound();
  const att = await findAttachment(ctx.db, slot.id, attachmentId);
  if (!att) throw notFound();
  const buffer = await readAttachment(ctx.deps.config.dataDir, att.storedName);
  await auditStandalone(ctx, {
    action: 'report.attachment.download',
    result: 'success',
    objectType: 'report_attachment',
    objectId: att.id,
    details: { slotId: slot.id, fileName: att.fileName, kind: att.kind, size: att.size },
  });
  return { buffer, fileName: att.fileName, kind: att.kind };
}

/** Removes an attachment from a report the unit can still change; the bytes go once the removal has committed. */
export async function deleteAttachment(ctx: AuthedContext, slotId: string, attachmentId: string) {
  await forgetAttachment(ctx, async (tx) => {
    const slot = await findReport(tx, ctx.actor, slotId);
    if (!slot) throw notFound();
    const att = await findAttachment(tx, slot.id, attachmentId);
    if (!att) throw notFound();
    const cycle = await findCycle(tx, ctx.actor, slot.cycleId, { forUpdate: true });
    if (!cycle) throw notFound();
    assertCycleOpen(cycle);
    transition(slot.state, 'attach');
    await deleteAttachmentRow(tx, att.id);
    await insertReportEvents(tx, [
      {
        slotId: slot.id,
        action: 'detached',
        comment: att.fileName,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.username,
      },
    ]);
    await writeAudit(tx, ctx, {
      action: 'report.attachment.delete',
      result: 'success',
      objectType: 'report_attachment',
      objectId: att.id,
      details: { slotId: slot.id, fileName: att.fileName, sm3: att.sm3 },
    });
    return att.storedName;
  });
}
