import type { PublishInput } from '../../../common/api/portal.ts';
import type { AuthedContext } from '../../http/context.ts';
import { type PublicationSpec, setPublication } from '../../kernel/publication.ts';
import { findPark, updateParkRow } from './parks.repository.ts';

type ParkRow = NonNullable<Awaited<ReturnType<typeof findPark>>>;

const park = (ctx: AuthedContext, id: string): PublicationSpec<ParkRow> => ({
  objectType: 'park',
  find: (tx) => findPark(tx, ctx.actor, id),
  save: (tx, version, patch) => updateParkRow(tx, id, version, patch),
});

/** Shows a co-built park on the portal with the summary written for the public (its ledger never leaves). */
export const publishPark = (ctx: AuthedContext, id: string, input: PublishInput) =>
  setPublication(ctx, park(ctx, id), input);

/** Takes a park off the portal. */
export const unpublishPark = (ctx: AuthedContext, id: string, version: number) =>
  setPublication(ctx, park(ctx, id), { version });
