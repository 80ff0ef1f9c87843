import type { AuthedContext } from '../../http/context.ts';
import { notFound } from '../../http/app-error.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { findProject } from './projects.repository.ts';

/** The project's contact unmasked, for a user who may read the project; each reveal is an audit row. */
export async function revealContact(ctx: AuthedContext, id: string) {
  const project = await findProject(ctx.db, ctx.actor, id);
  if (!project) throw notFound();
  await auditStandalone(ctx, {
    action: 'project.contact_reveal',
    result: 'success',
    objectType: 'project',
    objectId: id,
    details: { fields: ['contactName', 'contactPhone'] },
  });
  return { contactName: project.contactName, contactPhone: project.contactPhone };
}
