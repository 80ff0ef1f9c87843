import type { AuthedContext } from '../../http/context.ts';
import { AppError, fieldError, invalid, notFound } from '../../http/app-error.ts';
import { writeAudit, auditStandalone } from '../audit/audit-writer.ts';
import { findCycle } from './cycles.repository.ts';
import { findReport, attachmentsOf, insertAttachment, findAttachment, deleteAttachmentRow, insertReportEvents } from './reports.repository.ts';
import { detectAttachment, displayFileName, MAX_ATTACHMENTS_PER_REPORT, type AttachmentRefusal } from './attachment-type.ts';
import { storeAttachment, readAttachment, removeAttachment } from './attachment-store.ts';
import { assertCycleOpen, transition } from './reporting.policy.ts';

export function attachmentRefusal(r: AttachmentRefusal): AppError {
  const params: Record<string, string> = r.code === 'attachment_type_mismatch' ? { kindZh: r.kindZh, kindEn: r.kindEn, ext: r.ext } : { limit: '20 MB' };
  return new AppError(400, 'attachment_refused', [fieldError('file', r.code, params)]);
}

/**
 * Attaches a file to a report the unit can still change. The bytes decide the type; the file is written under a
 * new name before the row, and removed again if the row does not commit, so no file lingers unreferenced.
 */
export async function uploadAttachment(ctx: AuthedContext, slotId: string, file: { buffer: Buffer; fileName: string }): Promise<string> {
  const detected = detectAttachment(file.buffer, file.fileName);
  if (!('kind' in detected)) throw attachmentRefusal(detected);
  // Scope and state are checked before anything is written, so a refused request leaves nothing on disk.
  const visible = await findReport(ctx.db, ctx.actor, slotId);
  if (!visible) throw notFound();
  const dataDir = ctx.deps.config.dataDir;
  const storedName = await storeAttachment(dataDir, detected.kind, file.buffer);
  try {
    return await ctx.db.transaction(async (tx) => {
      const slot = await findReport(tx, ctx.actor, slotId);
      if (!slot) throw notFound();
      const cycle = await findCycle(tx, ctx.actor, slot.cycleId, { forUpdate: true });
      if (!cycle) throw notFound();
      assertCycleOpen(cycle);
      transition(slot.state, 'attach');
      if ((await attachmentsOf(tx, slot.id)).length >= MAX_ATTACHMENTS_PER_REPORT) throw invalid(fieldError('file', 'too_many_attachments', { max: MAX_ATTACHMENTS_PER_REPORT }));
      const fileName = displayFileName(file.fileName);
      const sm3 = ctx.deps.crypto.sm3(file.buffer);
      const id = await insertAttachment(tx, {
        slotId: slot.id, fileName, storedName, kind: detected.kind, size: file.buffer.length, sm3, uploadedBy: ctx.actor.userId, uploadedByName: ctx.actor.displayName,
      });
      await insertReportEvents(tx, [{ slotId: slot.id, action: 'attached', comment: fileName, actorUserId: ctx.actor.userId, actorName: ctx.actor.username }]);
      await writeAudit(tx, ctx, {
        action: 'report.attachment.upload', result: 'success', objectType: 'report_attachment', objectId: id,
        details: { slotId: slot.id, fileName, kind: detected.kind, size: file.buffer.length, sm3 },
      });
      return id;
    });
  } catch (err) {
    await removeAttachment(dataDir, storedName);
    throw err;
  }
}

/** The bytes of an attachment of a report the actor can see; every download is audited (an export of official data). */
export async function downloadAttachment(ctx: AuthedContext, slotId: string, attachmentId: string) {
  const slot = await findReport(ctx.db, ctx.actor, slotId);
  if (!slot) throw notFound();
  const att = await findAttachment(ctx.db, slot.id, attachmentId);
  if (!att) throw notFound();
  const buffer = await readAttachment(ctx.deps.config.dataDir, att.storedName);
  await auditStandalone(ctx, {
    action: 'report.attachment.download', result: 'success', objectType: 'report_attachment', objectId: att.id,
    details: { slotId: slot.id, fileName: att.fileName, kind: att.kind, size: att.size },
  });
  return { buffer, fileName: att.fileName, kind: att.kind };
}

/** Removes an attachment from a report the unit can still change; the bytes go once the removal has committed. */
export async function deleteAttachment(ctx: AuthedContext, slotId: string, attachmentId: string) {
  const storedName = await ctx.db.transaction(async (tx) => {
    const slot = await findReport(tx, ctx.actor, slotId);
    if (!slot) throw notFound();
    const att = await findAttachment(tx, slot.id, attachmentId);
    if (!att) throw notFound();
    const cycle = await findCycle(tx, ctx.actor, slot.cycleId, { forUpdate: true });
    if (!cycle) throw notFound();
    assertCycleOpen(cycle);
    transition(slot.state, 'attach');
    await deleteAttachmentRow(tx, att.id);
    await insertReportEvents(tx, [{ slotId: slot.id, action: 'detached', comment: att.fileName, actorUserId: ctx.actor.userId, actorName: ctx.actor.username }]);
    await writeAudit(tx, ctx, {
      action: 'report.attachment.delete', result: 'success', objectType: 'report_attachment', objectId: att.id,
      details: { slotId: slot.id, fileName: att.fileName, sm3: att.sm3 },
    });
    return att.storedName;
  });
  await removeAttachment(ctx.deps.config.dataDir, storedName);
}
