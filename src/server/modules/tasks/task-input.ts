import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { fieldError, type ErrorDetail } from '../../http/app-error.ts';
import type { TargetInput, UnitInput } from '../../../common/api/tasks.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import type { MilestoneRow, TargetRow, UnitRow } from './tasks.repository.ts';

const cmp = (a: string, b: string) => Number(a) - Number(b);

/** A target must carry the bounds its comparison needs; every problem is named by its field. */
export function targetProblems(targets: readonly TargetInput[], prefix: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  targets.forEach((t, i) => {
    const at = `${prefix}.${i}`;
    if ((t.comparison === 'atLeast' || t.comparison === 'exactly') && t.min === null) out.push(fieldError(`${at}.min`, 'target_needs_min'));
    if (t.comparison === 'atMost' && t.max === null) out.push(fieldError(`${at}.max`, 'target_needs_max'));
    if (t.comparison === 'range' && (t.min === null || t.max === null || cmp(t.min, t.max) > 0)) out.push(fieldError(`${at}.max`, 'target_range'));
  });
  return out;
}

export function targetRows(targets: readonly TargetInput[]): TargetRow[] {
  return targets.map((t) => ({ min: t.min, max: t.max, unit: t.unit, perYear: t.perYear, comparison: t.comparison, source: t.source ?? null }));
}

/** Units by organisation (which the actor must be able to see) or by name alone, as plans name units officials have no account for. */
export async function resolveUnits(db: DbOrTx, actor: Actor, units: readonly UnitInput[], prefix: string): Promise<{ rows: UnitRow[]; problems: ErrorDetail[] }> {
  const rows: UnitRow[] = [];
  const problems: ErrorDetail[] = [];
  for (const [i, u] of units.entries()) {
    let name = u.name ?? '';
    if (u.organisationId) {
      const org = await findOrganisation(db, actor, u.organisationId);
      if (!org) {
        problems.push(fieldError(`${prefix}.${i}.organisationId`, 'unknown_organisation'));
        continue;
      }
      name ||= org.name;
    }
    if (!name) {
      problems.push(fieldError(`${prefix}.${i}.name`, 'unit_name_required'));
      continue;
    }
    rows.push({ organisationId: u.organisationId ?? null, name, side: u.side, role: u.role });
  }
  return { rows, problems };
}

export function milestoneRows(milestones: readonly { title: string; dueOn?: string | null; doneOn?: string | null }[]): MilestoneRow[] {
  return milestones.map((m) => ({ title: m.title, dueOn: m.dueOn ?? null, doneOn: m.doneOn ?? null }));
}
