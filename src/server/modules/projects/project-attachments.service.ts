import type { AuthedContext } from '../../http/context.ts';
import { fieldError, invalid, notFound } from '../../http/app-error.ts';
import { auditStandalone, writeAudit } from '../../kernel/audit/audit-writer.ts';
import { readAttachment } from '../../kernel/attachments/attachment-store.ts';
import { forgetAttachment, keepAttachment } from '../../kernel/attachments/keep-attachment.ts';
import {
  attachmentsOf,
  deleteAttachmentRow,
  findAttachment,
  findProject,
  insertAttachment,
} from './projects.repository.ts';

/** A project keeps its agreements, approvals and photos; past this many, old ones should be removed first. */
export const MAX_ATTACHMENTS_PER_PROJECT = 30;

/** Keeps a file with a project (see keepAttachment for the file's life). */
export async function uploadProjectAttachment(
  ctx: AuthedContext,
  projectId: string,
  file: { buffer: Buffer; fileName: string },
): Promise<string> {
  if (!(await findProject(ctx.db, ctx.actor, projectId))) throw notFound();
  return keepAttachment(ctx, file, async (tx, kept) => {
    // The row lock keeps two uploads from both passing the count.
    const project = await findProject(tx, ctx.actor, projectId, { forUpdate: true });
    if (!project) throw notFound();
    if ((await attachmentsOf(tx, project.id)).length >= MAX_ATTACHMENTS_PER_PROJECT)
      throw invalid(fieldError('file', 'too_many_project_attachments', { max: MAX_ATTACHMENTS_PER_PROJECT }));
    const id = await insertAttachment(tx, { projectId: project.id, ...kept });
    await writeAudit(tx, ctx, {
      action: 'project.attachment.upload',
      result: 'success',
      objectType: 'project_attachment',
      objectId: id,
      details: { projectId: project.id, fileName: kept.fileName, kind: kept.kind, size: kept.size, sm3: kept.sm3 },
    });
    return id;
  });
}

/** The bytes of an attachment of a project the actor can see; every download is audited (an export of official data). */
export async function downloadProjectAttachment(ctx: AuthedContext, projectId: string, attachmentId: string) {
  const project = await findProject(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  const att = await findAttachment(ctx.db, project.id, attachmentId);
  if (!att) throw notFound();
  const buffer = await readAttachment(ctx.deps.config.dataDir, att.storedName);
  await auditStandalone(ctx, {
    action: 'project.attachment.download',
    result: 'success',
    objectType: 'project_attachment',
    objectId: att.id,
    details: { projectId: project.id, fileName: att.fileName, kind: att.kind, size: att.size },
  });
  return { buffer, fileName: att.fileName, kind: att.kind };
}

/** Removes an attachment from a project; the bytes go once the removal has committed. */
export async function deleteProjectAttachment(ctx: AuthedContext, projectId: string, attachmentId: string) {
  await forgetAttachment(ctx, async (tx) => {
    const project = await findProject(tx, ctx.actor, projectId);
    if (!project) throw notFound();
    const att = await findAttachment(tx, project.id, attachmentId);
    if (!att) throw notFound();
    await deleteAttachmentRow(tx, att.id);
    await writeAudit(tx, ctx, {
      action: 'project.attachment.delete',
      result: 'success',
      objectType: 'project_attachment',
      objectId: att.id,
      details: { projectId: project.id, fileName: att.fileName, sm3: att.sm3 },
    });
    return att.storedName;
  });
}
