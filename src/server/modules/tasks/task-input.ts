import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { fieldError, type ErrorDetail } from '../../http/app-error.ts';
import type { TargetInput, UnitInput } from '../../../common/api/tasks.ts';
import { visibleOrganisations } from '../organisations/organisations.service.ts';
import type { MilestoneRow, TargetRow, UnitRow } from './tasks.repository.ts';

const cmp = (a: string, b: string) => Number(a) - Number(b);

/** A target must carry the bounds its comparison needs; every problem is named by its field. */
export function targetProblems(targets: readonly TargetInput[], prefix: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  targets.forEach((t, i) => {
    const at = `${prefix}.${i}`;
    if ((t.comparison === 'atLeast' || t.comparison === 'exactly') && t.min === null)
      out.push(fieldError(`${at}.min`, 'target_needs_min'));
    if (t.comparison === 'atMost' && t.max === null) out.push(fieldError(`${at}.max`, 'target_needs_max'));
    if (t.comparison === 'range' && (t.min === null || t.max === null || cmp(t.min, t.max) > 0))
      out.push(fieldError(`${at}.max`, 'target_range'));
  });
  return out;
}

export function targetRows(targets: readonly TargetInput[]): TargetRow[] {
  return targets.map((t) => ({
    min: t.min,
    max: t.max,
    unit: t.unit,
    perYear: t.perYear,
    comparison: t.comparison,
    source: t.source ?? null,
  }));
}

/** Units by organisation (which the actor must be able to see) or by name alone, as plans name units officials have no account for. */
export async function resolveUnits(
  db: DbOrTx,
  actor: Actor,
  units: readonly UnitInput[],
  prefix: string,
): Promise<{ rows: UnitRow[]; problems: ErrorDetail[] }> {
  const { rows, problems } = await resolveUnitLists(db, actor, [{ units, prefix }]);
  return { rows: rows[0]!, problems };
}

/** The units of many tasks at once, their organisations loaded in one query; rows come back in the lists' order. */
export async function resolveUnitLists(
  db: DbOrTx,
  actor: Actor,
  lists: readonly { units: readonly UnitInput[]; prefix: string }[],
): Promise<{ rows: UnitRow[][]; problems: ErrorDetail[] }> {
  const ids = lists.flatMap((l) => l.units.flatMap((u) => (u.organisationId ? [u.organisationId] : [])));
  const nameOf = new Map((await visibleOrganisations({ tx: db }, actor, ids)).map((o) => [o.id, o.name]));
  const problems: ErrorDetail[] = [];
  const rows = lists.map(({ units, prefix }) => {
    const out: UnitRow[] = [];
    for (const [i, u] of units.entries()) {
      let name = u.name ?? '';
      if (u.organisationId) {
        const orgName = nameOf.get(u.organisationId);
        if (orgName === undefined) {
          problems.push(fieldError(`${prefix}.${i}.organisationId`, 'unknown_organisation'));
          continue;
        }
        name ||= orgName;
      }
      if (!name) {
        problems.push(fieldError(`${prefix}.${i}.name`, 'unit_name_required'));
        continue;
      }
      out.push({ organisationId: u.organisationId ?? null, name, side: u.side, role: u.role });
    }
    return out;
  });
  return { rows, problems };
}

export function milestoneRows(
  milestones: readonly { title: string; dueOn?: string | null; doneOn?: string | null }[],
): MilestoneRow[] {
  return milestones.map((m) => ({ title: m.title, dueOn: m.dueOn ?? null, doneOn: m.doneOn ?? null }));
}
