import type { PublishInput } from '../../../common/api/portal.ts';
import type { AuthedContext } from '../../http/context.ts';
import { type PublicationSpec, setPublication } from '../../kernel/publication.ts';
import { findProject, type ProjectRow, updateProjectRow } from './projects.repository.ts';

/** The project in the actor's scope; a change of publication moves its version like any edit. */
const project = (ctx: AuthedContext, id: string): PublicationSpec<ProjectRow> => ({
  objectType: 'project',
  find: (tx) => findProject(tx, ctx.actor, id),
  save: (tx, version, patch) =>
    updateProjectRow(tx, id, version, { ...patch, version: version + 1, updatedAt: new Date() }),
});

/**
 * Makes a project public (portal, open data, IATI) with the summary written for the public; the internal note,
 * contact and files never leave the product.
 */
export const publishProject = (ctx: AuthedContext, id: string, input: PublishInput) =>
  setPublication(ctx, project(ctx, id), input);

/** Takes a project off the portal and the open data. */
export const unpublishProject = (ctx: AuthedContext, id: string, version: number) =>
  setPublication(ctx, project(ctx, id), { version });
