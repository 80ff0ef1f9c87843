import type { ProgrammeGrantItem } from '../../../common/api/programmes.ts';
import type { ProgrammeGrantRow } from './programme-grants.repository.ts';

export function presentProgrammeGrants(rows: ProgrammeGrantRow[]): { items: ProgrammeGrantItem[] } {
  return { items: rows.map((r) => ({ ...r, grantedAt: r.grantedAt.toISOString() })) };
}
