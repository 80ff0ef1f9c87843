import type { AuthedContext } from '../../http/context.ts';
import { fieldError, invalid, notFound } from '../../http/app-error.ts';
import { auditStandalone, writeAudit } from '../audit/audit-writer.ts';
import { detectAttachment, displayFileName } from '../reporting/attachment-type.ts';
import { readAttachment, removeAttachment, storeAttachment } from '../reporting/attachment-store.ts';
import { attachmentRefusal } from '../reporting/attachments.service.ts';
import { attachmentsOf, deleteAttachmentRow, findAttachment, findProject, insertAttachment } from './projects.repository.ts';

/** A project keeps its agreements, approvals and photos; past this many, old ones should be removed first. */
export const MAX_ATTACHMENTS_PER_PROJECT = 30;

/**
 * Keeps a file with a project. The bytes decide the type (an image named .pdf is refused); the file is written
 * under a new name before the row, and removed again if the row does not commit, so no file lingers unreferenced.
 */
export async function uploadProjectAttachment(ctx: AuthedContext, projectId: string, file: { buffer: Buffer; fileName: string }): Promise<string> {
  const detected = detectAttachment(file.buffer, file.fileName);
  if (!('kind' in detected)) throw attachmentRefusal(detected);
  // Scope is checked before anything is written, so a refused request leaves nothing on disk.
  if (!(await findProject(ctx.db, ctx.actor, projectId))) throw notFound();
  const dataDir = ctx.deps.config.dataDir;
  const storedName = await storeAttachment(dataDir, detected.kind, file.buffer);
  try {
    return await ctx.db.transaction(async (tx) => {
      // The row lock keeps two uploads from both passing the count.
      const project = await findProject(tx, ctx.actor, projectId, { forUpdate: true });
      if (!project) throw notFound();
      if ((await attachmentsOf(tx, project.id)).length >= MAX_ATTACHMENTS_PER_PROJECT) throw invalid(fieldError('file', 'too_many_project_attachments', { max: MAX_ATTACHMENTS_PER_PROJECT }));
      const fileName = displayFileName(file.fileName);
      const sm3 = ctx.deps.crypto.sm3(file.buffer);
      const id = await insertAttachment(tx, {
        projectId: project.id, fileName, storedName, kind: detected.kind, size: file.buffer.length, sm3, uploadedBy: ctx.actor.userId, uploadedByName: ctx.actor.displayName,
      });
      await writeAudit(tx, ctx, {
        action: 'project.attachment.upload', result: 'success', objectType: 'project_attachment', objectId: id,
        details: { projectId: project.id, fileName, kind: detected.kind, size: file.buffer.length, sm3 },
      });
      return id;
    });
  } catch (err) {
    await removeAttachment(dataDir, storedName);
    throw err;
  }
}

/** The bytes of an attachment of a project the actor can see; every download is audited (an export of official data). */
export async function downloadProjectAttachment(ctx: AuthedContext, projectId: string, attachmentId: string) {
  const project = await findProject(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  const att = await findAttachment(ctx.db, project.id, attachmentId);
  if (!att) throw notFound();
  const buffer = await readAttachment(ctx.deps.config.dataDir, att.storedName);
  await auditStandalone(ctx, {
    action: 'project.attachment.download', result: 'success', objectType: 'project_attachment', objectId: att.id,
    details: { projectId: project.id, fileName: att.fileName, kind: att.kind, size: att.size },
  });
  return { buffer, fileName: att.fileName, kind: att.kind };
}

/** Removes an attachment from a project; the bytes go once the removal has committed. */
export async function deleteProjectAttachment(ctx: AuthedContext, projectId: string, attachmentId: string) {
  const storedName = await ctx.db.transaction(async (tx) => {
    const project = await findProject(tx, ctx.actor, projectId);
    if (!project) throw notFound();
    const att = await findAttachment(tx, project.id, attachmentId);
    if (!att) throw notFound();
    await deleteAttachmentRow(tx, att.id);
    await writeAudit(tx, ctx, {
      action: 'project.attachment.delete', result: 'success', objectType: 'project_attachment', objectId: att.id,
      details: { projectId: project.id, fileName: att.fileName, sm3: att.sm3 },
    });
    return att.storedName;
  });
  await removeAttachment(ctx.deps.config.dataDir, storedName);
}
