import type { AuditItem } from '../../../common/api/audit.ts';
import type { AuditRow } from './audit.repository.ts';

/** The chain's hashes and the actor's organisation id stay in the database: the trail shows who did what. */
export function presentAuditItem({ prevHash: _p, hash: _h, organisationId: _o, ...row }: AuditRow): AuditItem {
  return { ...row, at: row.at.toISOString(), details: row.details ?? null };
}
