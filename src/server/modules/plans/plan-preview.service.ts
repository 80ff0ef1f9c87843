import type { AuthedContext } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { PlanPreview } from '../../../common/api/plans.ts';
import { sidesPaired } from '../pairings/pairings.service.ts';
import { createRegionResolver, loadRegionRecords, type RegionResolver } from '../regions/region-resolver.ts';
import { extractPlanText } from './parser/extract-text.ts';
import { locatedSubPairs, parsePlanWithSource } from './parser/parse-plan.ts';
import { PlanFileError } from './parser/plan-file-error.ts';
import type { PlanSection, PlanTask } from './parser/types.ts';
import { tasksOfPlanForReimport } from '../tasks/plan-tasks.service.ts';
import { organisationIdsByName } from '../organisations/organisations.service.ts';
import { currentVersion, pairingCandidates, pairingOfSides, programmeOfPlan } from './plan-owner.service.ts';
import { withTaskCodes, diffTasks } from './plan-tree.ts';

export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

let resolver: RegionResolver | undefined;
/** The region list is large and never changes while the server runs: read it once. */
export function planRegions(): RegionResolver {
  return (resolver ??= createRegionResolver(loadRegionRecords()));
}

/** A refused file answers 400 naming the `file` field, in the words the parser refused it with. */
export function planFileRefusal(err: PlanFileError): AppError {
  return new AppError(400, 'plan_file_refused', [fieldError('file', `file_${err.code}`, err.params)]);
}

export async function extractOrRefuse(buffer: Buffer, fileName: string): Promise<string> {
  try {
    return await extractPlanText(buffer, fileName, { maxBytes: MAX_PLAN_FILE_BYTES });
  } catch (err) {
    if (err instanceof PlanFileError) throw planFileRefusal(err);
    throw err;
  }
}

const names = (refs: { name: string }[]) => refs.map((r) => r.name).join('、');

/**
 * The sentence of the text that holds a pair's words, looked for from the line that names it: the office checks the
 * pair against it. Sentences end at 。！？ or a paragraph end.
 */
export function clauseAround(text: string, quote: string, line: number | null): string {
  let from = 0;
  for (let n = 1; line && n < line && from >= 0; n++) from = text.indexOf('\n', from) + 1;
  let at = text.indexOf(quote, Math.max(0, from));
  if (at < 0) at = text.indexOf(quote);
  if (at < 0) return quote;
  const before = text.slice(0, at);
  const start = Math.max(...['。', '！', '？', '\n'].map((c) => before.lastIndexOf(c))) + 1;
  const ends = ['。', '！', '？', '\n'].map((c) => text.indexOf(c, at + quote.length)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : text.length;
  // The item's number is not part of its sentence.
  return text
    .slice(start, end)
    .trim()
    .replace(/^(?:\d{1,3}[．.、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/, '');
}

type Ref = PlanPreview['subPairs'][number]['a'][number];
const MAX_READINGS = 16;

/** Every way of reading the sides when each ambiguous name is one of its candidates; none with a name unknown. */
function readings(side: Ref[]): string[][] {
  let out: string[][] = [[]];
  for (const r of side) {
    const codes = r.code ? [r.code] : (r.candidates ?? []).map((c) => c.code);
    out = out.flatMap((prefix) => codes.map((c) => [...prefix, c]));
  }
  return out;
}

/** The reading of an ambiguous pair that is already a pairing of the programme, if one is. */
async function pairedReading(
  read: { tx: AuthedContext['db'] },
  programmeId: string,
  a: Ref[],
  b: Ref[],
): Promise<[string[], string[]] | null> {
  const ra = readings(a);
  const rb = readings(b);
  if (a.length === 0 || b.length === 0 || ra.length * rb.length > MAX_READINGS) return null;
  for (const x of ra)
    for (const y of rb) if (x.length && y.length && (await sidesPaired(read, programmeId, x, y))) return [x, y];
  return null;
}

/**
 * Reads an uploaded plan and shows what an import would make of it: the tree with task codes, the normalised text
 * its line numbers refer to, the pairing it belongs to (or candidates), and what it changes in the current version
 * of the same plan. It writes nothing.
 */
export async function previewPlan(
  ctx: AuthedContext,
  file: { buffer: Buffer; fileName: string },
): Promise<PlanPreview> {
  const text = await extractOrRefuse(file.buffer, file.fileName);
  const { plan, normalised } = parsePlanWithSource(text, { regions: planRegions() });
  const flat = withTaskCodes<PlanTask>(plan.sections);
  if (flat.length === 0) throw new AppError(400, 'plan_file_refused', [fieldError('file', 'file_no_tasks')]);
  const codeOf = new Map(flat.map((f) => [f.task, f.code]));
  const read = { tx: ctx.db };
  const organisationOf = await organisationIdsByName(read, ctx.actor, [
    ...new Set(flat.flatMap((f) => f.task.units.map((u) => u.name))),
  ]);
  const withCodes = (s: PlanSection): PlanSection => ({
    ...s,
    tasks: s.tasks.map((t) => ({
      ...t,
      code: codeOf.get(t)!,
      units: t.units.map((u) => ({ ...u, organisationId: organisationOf.get(u.name) ?? null })),
    })),
    ...(s.children ? { children: s.children.map(withCodes) } : {}),
  });

  const pairing = plan.kind !== 'national' ? await pairingOfSides(ctx, plan.sides) : undefined;
  const programme = await programmeOfPlan(ctx, plan, pairing);
  const candidates = pairing || plan.kind === 'national' ? [] : await pairingCandidates(ctx, plan.sides);

  let existing: PlanPreview['existing'] = null;
  let diff: PlanPreview['diff'] = null;
  if (programme && (pairing || plan.kind === 'national')) {
    const current = await currentVersion(ctx, {
      pairingId: pairing?.id ?? null,
      programmeId: programme.id,
      title: plan.title,
    });
    if (current) {
      existing = { id: current.id, versionNo: current.versionNo, title: current.title };
      diff = diffTasks(
        await tasksOfPlanForReimport(read, current.id),
        flat.map((f) => ({ code: f.code, title: f.task.title, text: f.task.text })),
      );
    }
  }

  const subPairs: PlanPreview['subPairs'] = [];
  for (const { pair, line } of locatedSubPairs(plan)) {
    const a = pair.a.map((r) => r.code);
    const b = pair.b.map((r) => r.code);
    const resolved = a.length > 0 && b.length > 0 && [...a, ...b].every((c) => !!c);
    let codesA = a.filter((c): c is string => !!c);
    let codesB = b.filter((c): c is string => !!c);
    let exists = resolved && !!programme && (await sidesPaired(read, programme.id, codesA, codesB));
    // A pair of ambiguous names the office resolved on an earlier import: the pairing made then is this pair.
    if (!resolved && programme) {
      const paired = await pairedReading(read, programme.id, pair.a, pair.b);
      if (paired) [codesA, codesB, exists] = [paired[0], paired[1], true];
    }
    subPairs.push({
      sideA: codesA,
      sideB: codesB,
      a: pair.a,
      b: pair.b,
      name: `${names(pair.a)}—${names(pair.b)}`,
      theme: pair.theme ?? null,
      line,
      quote: pair.source,
      clause: clauseAround(normalised.text, pair.source, line),
      resolved,
      exists,
    });
  }

  return {
    fileName: file.fileName,
    plan: { ...plan, sections: plan.sections.map(withCodes) },
    sourceText: normalised.text,
    sourceLines: normalised.lines.map((l, i) => ({ line: i + 1, text: l.text })),
    taskCount: flat.length,
    targetCount: flat.reduce((n, f) => n + f.task.targets.length, 0),
    programmeId: programme?.id ?? null,
    pairing: pairing ? { id: pairing.id, name: pairing.name, parentId: pairing.parentId, level: pairing.level } : null,
    pairingCandidates: candidates.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId, level: c.level })),
    existing,
    diff,
    subPairs,
  };
}
