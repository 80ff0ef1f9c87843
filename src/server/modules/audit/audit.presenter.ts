import type { AuditItem } from '../../../common/api/audit.ts';
import type { AuditRow } from './audit.repository.ts';

/**
 * The chain's hashes and the actor's organisation id stay in the database: the trail shows who did what, and
 * the object by its current name (`names`, keyed `type:id`) when it still exists.
 */
export function presentAuditItem(
  { prevHash: _p, hash: _h, organisationId: _o, ...row }: AuditRow,
  names: ReadonlyMap<string, string>,
): AuditItem {
  const objectName =
    row.objectType && row.objectId ? (names.get(`${row.objectType}:${row.objectId.toLowerCase()}`) ?? null) : null;
  return { ...row, objectName, at: row.at.toISOString(), details: row.details ?? null };
}
