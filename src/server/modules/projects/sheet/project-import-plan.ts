import { createHash } from 'node:crypto';
import { PIPELINE_STAGES } from '../../../../common/api/projects.ts';
import type { ProjectDraft } from './project-row-validator.ts';
import { STAGE_LABELS } from './project-sheet-columns.ts';
import type { RowError } from '../../../kernel/sheet/row-error.ts';
import { normaliseName } from '../../../kernel/sheet/normalise-name.ts';
import { rowError } from './project-row-error.ts';

/**
 * The natural key that makes a re-import idempotent: the national project code when the row has one, otherwise
 * the pairing with the project's title and investor, compared as normaliseName compares names.
 */
export function naturalKey(pairingId: string, d: Pick<ProjectDraft, 'projectCode' | 'title' | 'investor'>): string {
  if (d.projectCode) return `code:${d.projectCode}`;
  return `name:${pairingId}|${normaliseName(d.title)}|${normaliseName(d.investor)}`;
}

/** What a row would store, hashed: an unchanged row on a second upload touches nothing. */
export function draftFingerprint(d: ProjectDraft): string {
  const { row: _row, ...rest } = d;
  return createHash('sha256')
    .update(JSON.stringify(rest, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
    .digest('hex');
}

export interface ExistingProject {
  id: string;
  fingerprint: string | null;
  /** Current pipeline position, to refuse a sheet that would move a project back. */
  furthestStage: (typeof PIPELINE_STAGES)[number];
}

export type ImportAction =
  | { kind: 'create'; key: string; draft: ProjectDraft }
  | { kind: 'update'; key: string; id: string; draft: ProjectDraft }
  | { kind: 'unchanged'; key: string; id: string; row: number };

export interface ImportPlan {
  actions: ImportAction[];
  errors: RowError[];
  counts: { create: number; update: number; unchanged: number };
}

/**
 * Decides, for rows that passed validation, what the import does: create a new project, update the one with the
 * same natural key, or leave it as it is. Two rows of one file naming the same project, and a row that would move
 * a project back through the pipeline, are errors; the import as a whole then stores nothing.
 */
export function planImport(
  pairingId: string,
  drafts: readonly ProjectDraft[],
  existing: ReadonlyMap<string, ExistingProject>,
  columns: ReadonlyMap<string, number>,
): ImportPlan {
  const actions: ImportAction[] = [];
  const errors: RowError[] = [];
  const firstRow = new Map<string, number>();
  for (const d of drafts) {
    const key = naturalKey(pairingId, d);
    const first = firstRow.get(key);
    if (first !== undefined) {
      errors.push(
        rowError(d.row, columns, d.projectCode ? 'projectCode' : 'title', 'duplicate_in_file', {
          first,
          key: d.projectCode ?? `${d.title} / ${d.investor}`,
        }),
      );
      continue;
    }
    firstRow.set(key, d.row);
    const found = existing.get(key);
    if (!found) {
      actions.push({ kind: 'create', key, draft: d });
      continue;
    }
    if (PIPELINE_STAGES.indexOf(d.stage) < PIPELINE_STAGES.indexOf(found.furthestStage)) {
      errors.push(
        rowError(d.row, columns, 'stage', 'stage_behind_ledger', { current: STAGE_LABELS[found.furthestStage] }),
      );
      continue;
    }
    if (found.fingerprint === draftFingerprint(d)) actions.push({ kind: 'unchanged', key, id: found.id, row: d.row });
    else actions.push({ kind: 'update', key, id: found.id, draft: d });
  }
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const a of actions) counts[a.kind] += 1;
  return { actions, errors, counts };
}
