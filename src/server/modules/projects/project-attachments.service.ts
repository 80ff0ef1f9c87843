import type { AuthedContext } from '../../http/context.ts';
import { notFound } from '../../http/app-error.ts';
import {
  forgetAttachment,
  keepAttachment,
  readAttachment,
  type AttachmentRules,
} from '../../kernel/attachments/attachments.service.ts';
import { findProject } from './projects.repository.ts';

/** A project keeps its agreements, approvals and photos; past this many, old ones should be removed first. */
export const MAX_ATTACHMENTS_PER_PROJECT = 30;

const PROJECT_ATTACHMENTS: AttachmentRules = {
  owner: 'project',
  ownerField: 'projectId',
  max: MAX_ATTACHMENTS_PER_PROJECT,
  tooMany: 'too_many_project_attachments',
};

/** Keeps a file with a project (see keepAttachment for the file's life). */
export async function uploadProjectAttachment(
  ctx: AuthedContext,
  projectId: string,
  file: { buffer: Buffer; fileName: string },
): Promise<string> {
  if (!(await findProject(ctx.db, ctx.actor, projectId))) throw notFound();
  return keepAttachment(ctx, PROJECT_ATTACHMENTS, file, async ({ tx }) => {
    // The row lock keeps two uploads from both passing the count.
    const project = await findProject(tx, ctx.actor, projectId, { forUpdate: true });
    if (!project) throw notFound();
    return project.id;
  });
}

/** The bytes of an attachment of a project the actor can see. */
export async function downloadProjectAttachment(ctx: AuthedContext, projectId: string, attachmentId: string) {
  const project = await findProject(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  return readAttachment(ctx, PROJECT_ATTACHMENTS, project.id, attachmentId);
}

/** Removes an attachment from a project. */
export async function deleteProjectAttachment(ctx: AuthedContext, projectId: string, attachmentId: string) {
  await forgetAttachment(ctx, PROJECT_ATTACHMENTS, attachmentId, async ({ tx }) => {
    const project = await findProject(tx, ctx.actor, projectId);
    if (!project) throw notFound();
    return project;
  });
}
