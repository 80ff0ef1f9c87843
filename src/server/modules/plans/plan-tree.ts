import type { PlanDiff } from '../../../common/api/plans.ts';
import { titleStem } from './parser/header.ts';

/** The part of a section tree (parsed or corrected) the import needs. */
export interface TreeSection<T extends TreeTask = TreeTask> {
  no: string;
  title: string;
  tasks: T[];
  children?: TreeSection<T>[];
}
export interface TreeTask {
  no: number;
  title: string;
  text: string;
}

export interface FlatTask<T extends TreeTask = TreeTask> {
  task: T;
  /** Where the task sits: indexes into sections / children, for field names in errors. */
  path: string;
  /** The section numbers from the root down, e.g. ['三', '（一）']. */
  sectionNos: string[];
  code: string;
}

/** Tasks in document order with their section path. */
function flatten<T extends TreeTask>(sections: TreeSection<T>[]): Omit<FlatTask<T>, 'code'>[] {
  const out: Omit<FlatTask<T>, 'code'>[] = [];
  const walk = (list: TreeSection<T>[], prefix: string, nos: string[]) =>
    list.forEach((s, i) => {
      const here = `${prefix}${prefix ? '.children' : 'sections'}.${i}`;
      const sectionNos = s.no ? [...nos, s.no] : nos;
      s.tasks.forEach((task, j) => out.push({ task, path: `${here}.tasks.${j}`, sectionNos }));
      walk(s.children ?? [], here, sectionNos);
    });
  walk(sections, '', []);
  return out;
}

/**
 * Gives each task the number officials cite, unique in the plan where the document allows: the bare number when
 * numbers run through the plan (吉浙 1–39), else the innermost section's number with it (国办发 22号 restarts at 1
 * in each of （一）…（四）: "（二）3"), else the whole section path. Re-imports match tasks by this code.
 */
export function withTaskCodes<T extends TreeTask>(sections: TreeSection<T>[]): FlatTask<T>[] {
  const flat = flatten(sections);
  const unique = (codes: string[]) => new Set(codes).size === codes.length;
  const strategies: ((f: (typeof flat)[number]) => string)[] = [
    (f) => String(f.task.no),
    (f) => `${f.sectionNos.at(-1) ?? ''}${f.task.no}`,
    (f) => `${f.sectionNos.join('')}${f.task.no}`,
  ];
  for (const code of strategies) {
    const codes = flat.map(code);
    if (unique(codes) || code === strategies.at(-1)) return flat.map((f, i) => ({ ...f, code: codes[i]! }));
  }
  throw new Error('unreachable');
}

export interface ComparableTask {
  code: string;
  title: string;
  text: string;
}

/** Text compared without whitespace: re-wrapped lines of a new extraction are not a change. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** What a new version of a plan changes against the current one, by task code. */
export function diffTasks(before: ComparableTask[], after: ComparableTask[]): PlanDiff {
  const old = new Map(before.map((t) => [t.code, t]));
  const next = new Map(after.map((t) => [t.code, t]));
  const pick = (t: ComparableTask) => ({ code: t.code, title: t.title, text: t.text });
  const diff: PlanDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const t of after) {
    const o = old.get(t.code);
    if (!o) diff.added.push(pick(t));
    else if (squash(o.title) !== squash(t.title) || squash(o.text) !== squash(t.text))
      diff.changed.push({ code: t.code, before: pick(o), after: pick(t) });
    else diff.unchanged++;
  }
  for (const t of before) if (!next.has(t.code)) diff.removed.push(pick(t));
  return diff;
}

export const isEmptyDiff = (d: PlanDiff) => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;

/** Plans are versions of one another when they belong to the same pairing (or programme) and carry the same title. */
export function lineageKey(
  p:
    | { pairingId: string | null; programmeId: string; title: string }
    | { annual: true; pairingId: string; year: number },
): string {
  if ('annual' in p) return `pairing:${p.pairingId}|annual:${p.year}`;
  return `${p.pairingId ? `pairing:${p.pairingId}` : `programme:${p.programmeId}`}|${titleStem(p.title)}`;
}
