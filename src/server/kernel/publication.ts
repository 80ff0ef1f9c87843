import type { DbOrTx } from '../db/database.ts';
import { conflict, fieldError, invalid, notFound } from '../http/app-error.ts';
import type { AuthedContext } from '../http/context.ts';
import { auditedChange } from './audit/audit-writer.ts';

/** A record an office can show on the public portal: nothing of it is public before `publishedAt` is set. */
interface Publishable {
  id: string;
  version: number;
  publishedAt: Date | null;
  publicSummary: string | null;
}

export interface PublicationSpec<R extends Publishable> {
  /** The object type of the audit rows (`<type>.publish`, `<type>.unpublish`). */
  objectType: 'project' | 'park';
  /** Finds the record in the actor's scope. */
  find: (tx: DbOrTx) => Promise<R | undefined>;
  /** Saves over the version read; false when someone saved in between. */
  save: (tx: DbOrTx, version: number, patch: { publishedAt: Date | null; publicSummary?: string }) => Promise<boolean>;
}

/**
 * Publishes a record with the summary written for the public (again: corrects the summary, keeping the first
 * publication's date), or takes it back; the summary is kept for a later publication. One audited change.
 */
export async function setPublication<R extends Publishable>(
  ctx: AuthedContext,
  spec: PublicationSpec<R>,
  change: { version: number; publicSummary?: string },
): Promise<void> {
  const publish = change.publicSummary !== undefined;
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await spec.find(tx);
    if (!current) throw notFound();
    if (current.version !== change.version) throw conflict();
    if (!publish && !current.publishedAt) throw invalid(fieldError('version', 'not_published'));
    const patch = publish
      ? { publishedAt: current.publishedAt ?? new Date(), publicSummary: change.publicSummary }
      : { publishedAt: null };
    if (!(await spec.save(tx, change.version, patch))) throw conflict();
    audit({
      action: publish ? `${spec.objectType}.publish` : `${spec.objectType}.unpublish`,
      result: 'success',
      objectType: spec.objectType,
      objectId: current.id,
      details: publish
        ? { before: { publicSummary: current.publicSummary }, after: { publicSummary: change.publicSummary } }
        : {},
    });
  });
}
