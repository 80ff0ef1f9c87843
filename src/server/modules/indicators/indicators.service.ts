import fs from 'node:fs';
import {
  type CreateIndicatorInput,
  MEASURES,
  type Term,
  type TargetsInput,
  type UpdateIndicatorInput,
  type ValuesQuery,
} from '../../../common/api/indicators.ts';
import type { DbOrTx } from '../../db/database.ts';
import { conflict, type ErrorDetail, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { inPairingScope, seesProgrammeWhole } from '../../kernel/pairing-scope.repository.ts';
import { listProgrammes } from '../programmes/programmes.service.ts';
import { repoPath } from '../../repo-path.ts';
import { type Formula, figureAt, sumsByTerm, termKey } from './indicator-values.ts';
import {
  codeTaken,
  existingPairings,
  findIndicator,
  type IndicatorInsert,
  type IndicatorRow,
  insertIndicator,
  insertMissingIndicators,
  listIndicators,
  programmeIndicatorCodes,
  programmeTargetsOf,
  renameShippedIndicator,
  saveProgrammeTarget,
  saveTargets,
  targetsOf,
  updateIndicatorRow,
} from './indicators.repository.ts';
import { type MeasureScope, termSums, type YearRange } from './measures.repository.ts';

export type { IndicatorRow };
/** Evaluation rounds read figures the same way as the library's pages. */
export { figureAt };

export async function indicatorLibrary(ctx: AuthedContext) {
  return listIndicators(ctx.db);
}

export async function activeIndicators(db: DbOrTx, ids?: readonly string[]) {
  return listIndicators(db, { activeOnly: !ids, ids });
}

/** A term's problems, named by its place (`numerator.filters.industries`). */
function termProblems(t: Term, field: string): ErrorDetail[] {
  const m = MEASURES[t.measure];
  const problems: ErrorDetail[] = [];
  const allowed: readonly string[] = m.filters;
  if (t.filters.industries?.length && !allowed.includes('industry'))
    problems.push(fieldError(`${field}.filters.industries`, 'filter_not_supported', { measure: t.measure }));
  if (t.filters.stages?.length && !allowed.includes('stage'))
    problems.push(fieldError(`${field}.filters.stages`, 'filter_not_supported', { measure: t.measure }));
  if (t.filters.side && !m.sided)
    problems.push(fieldError(`${field}.filters.side`, 'filter_not_supported', { measure: t.measure }));
  return problems;
}

/** A formula the measures can compute: a denominator exactly for ratios and averages, filters each measure knows. */
export function formulaProblems(f: Formula): ErrorDetail[] {
  const problems = termProblems(f.numerator, 'numerator');
  const divides = f.type === 'ratio' || f.type === 'average';
  if (divides && !f.denominator) problems.push(fieldError('denominator', 'denominator_required'));
  if (!divides && f.denominator) problems.push(fieldError('denominator', 'denominator_not_allowed'));
  if (f.denominator) problems.push(...termProblems(f.denominator, 'denominator'));
  if (Number(f.factor) === 0) problems.push(fieldError('factor', 'factor_zero'));
  return problems;
}

export async function createIndicator(ctx: AuthedContext, input: CreateIndicatorInput): Promise<string> {
  const problems = formulaProblems(input);
  return auditedChange(ctx, async ({ tx, audit }) => {
    if (await codeTaken(tx, input.code))
      problems.push(fieldError('code', 'indicator_code_taken', { code: input.code }));
    if (problems.length) throw invalid(...problems);
    const id = await insertIndicator(tx, { ...input, builtIn: false });
    audit({ action: 'indicator.create', result: 'success', objectType: 'indicator', objectId: id, details: { input } });
    return id;
  });
}

const EDITABLE = ['nameZh', 'nameEn', 'definitionZh', 'definitionEn', 'active'] as const;

export async function updateIndicator(ctx: AuthedContext, id: string, input: UpdateIndicatorInput): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findIndicator(tx, id, { forUpdate: true });
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const { patch, before, after } = editPatch(EDITABLE, input, current);
    if (!(await updateIndicatorRow(tx, id, input.version, patch))) throw conflict();
    audit({
      action: 'indicator.update',
      result: 'success',
      objectType: 'indicator',
      objectId: id,
      details: { before, after },
    });
  });
}

export async function setTargets(ctx: AuthedContext, id: string, input: TargetsInput): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    if (!(await findIndicator(tx, id))) throw notFound();
    const known = await existingPairings(
      tx,
      input.targets.map((t) => t.pairingId),
    );
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    input.targets.forEach((t, i) => {
      if (!known.has(t.pairingId)) problems.push(fieldError(`targets.${i}.pairingId`, 'unknown_pairing'));
      if (seen.has(t.pairingId)) problems.push(fieldError(`targets.${i}.pairingId`, 'duplicate_pairing'));
      seen.add(t.pairingId);
    });
    if (problems.length) throw invalid(...problems);
    const before: Record<string, string | null> = await saveTargets(tx, id, input.year, input.targets);
    const after: Record<string, string | null> = Object.fromEntries(input.targets.map((t) => [t.pairingId, t.value]));
    // The programme's own target, under its own key (left as it is when not given).
    if (input.programme !== undefined) {
      before.programme = await saveProgrammeTarget(tx, id, input.year, input.programme);
      after.programme = input.programme;
    }
    audit({
      action: 'indicator.targets',
      result: 'success',
      objectType: 'indicator',
      objectId: id,
      details: { year: input.year, before, after },
    });
  });
}

/** One indicator's targets for a year, the programme's and each pairing's, for the national office's form. */
export async function targetsOfYear(ctx: AuthedContext, id: string, year: number) {
  if (!(await findIndicator(ctx.db, id))) throw notFound();
  const [pairingTargets, programme] = await Promise.all([
    targetsOf(ctx.db, [id], year, year),
    programmeTargetsOf(ctx.db, [id], year, year),
  ]);
  return {
    year,
    programme: programme.get(`${id}|null|${year}`) ?? null,
    targets: [...pairingTargets].map(([key, value]) => ({ pairingId: key.split('|')[1]!, value })),
  };
}

/**
 * The measure sums every formula needs, each distinct term once, all in one statement (measures.repository.ts:
 * one pass per family of measures over all pairings and years): `termKey → figureKey → sum`.
 */
export async function measureSums(
  db: DbOrTx,
  formulas: readonly Formula[],
  years: YearRange,
  scope: MeasureScope,
): Promise<Map<string, Map<string, string>>> {
  const terms = new Map<string, Term>();
  for (const f of formulas) for (const t of [f.numerator, f.denominator]) if (t) terms.set(termKey(t), t);
  return sumsByTerm(await termSums(db, terms, years, scope, chinaToday()));
}

/**
 * The programme whose whole the actor asks for: the one named, or the first the actor sees whole (unrestricted, or
 * granted it); one the actor does not see whole answers 404, and an actor who sees none must name a pairing.
 */
async function wholeProgramme(ctx: AuthedContext, programmeId: string | undefined): Promise<string> {
  const whole = (await listProgrammes(ctx))
    .map((p) => p.programme.id)
    .filter((id) => seesProgrammeWhole(ctx.actor.scope, id));
  if (programmeId) {
    if (!whole.includes(programmeId)) throw notFound();
    return programmeId;
  }
  if (!whole.length) throw invalid(fieldError('pairingId', 'pairing_required'));
  return whole[0]!;
}

/** Values of indicators for one pairing (its sub-pairs rolled in) or the programme, by year, with both sides and the target. */
export async function indicatorValues(ctx: AuthedContext, q: ValuesQuery) {
  if (q.pairingId && !inPairingScope(ctx.actor, q.pairingId)) throw notFound();
  if (q.toYear < q.fromYear || q.toYear - q.fromYear > 20) throw invalid(fieldError('toYear', 'year_range'));
  const place = q.pairingId ?? null;
  // A programme's figures are its own pairings' records: several programmes are never added up together.
  const programmeId = place ? undefined : await wholeProgramme(ctx, q.programmeId);
  // A programme with its own indicator set is measured on that set only; others on the whole active library.
  const set = place ? await programmeIndicatorCodes(ctx.db, place) : null;
  const inds = (await activeIndicators(ctx.db, q.indicatorIds)).filter((i) => !set || set.includes(i.code));
  const years = { from: q.fromYear, to: q.toYear };
  const sums = await measureSums(ctx.db, inds.map(formulaOf), years, {
    pairingIds: place ? [place] : [],
    programme: !place,
    ...(programmeId ? { programmeId } : {}),
  });
  const targets = await (place ? targetsOf : programmeTargetsOf)(
    ctx.db,
    inds.map((i) => i.id),
    years.from,
    years.to,
  );
  const series = inds.map((ind) => {
    const f = formulaOf(ind);
    const list = [];
    for (let year = years.from; year <= years.to; year++) {
      list.push({
        year,
        total: figureAt(f, sums, place, year, null)!,
        a: figureAt(f, sums, place, year, 'a'),
        b: figureAt(f, sums, place, year, 'b'),
        target: targets.get(`${ind.id}|${place}|${year}`) ?? null,
      });
    }
    return { indicatorId: ind.id, years: list };
  });
  return { pairingId: place, series };
}

export function formulaOf(i: IndicatorRow): Formula {
  return { type: i.type, numerator: i.numerator, denominator: i.denominator ?? null, factor: i.factor };
}

interface BuiltInFile {
  indicators: (Omit<IndicatorInsert, 'builtIn'> & { code: string })[];
}

/** Seeds the built-in indicator set (resources/indicators/builtin.json); codes already present are left alone. */
export async function seedBuiltInIndicators(ctx: AuthedContext): Promise<number> {
  const file = JSON.parse(fs.readFileSync(repoPath('resources', 'indicators', 'builtin.json'), 'utf8')) as BuiltInFile;
  for (const [i, ind] of file.indicators.entries()) {
    const problems = formulaProblems({
      type: ind.type,
      numerator: ind.numerator,
      denominator: ind.denominator ?? null,
      factor: String(ind.factor ?? '1'),
    });
    if (problems.length) throw new Error(`builtin.json indicators.${i} (${ind.code}): ${problems[0]!.en}`);
  }
  return auditedChange(ctx, async ({ tx, audit }) => {
    const added = await insertMissingIndicators(
      tx,
      file.indicators.map((ind) => ({ ...ind, builtIn: true })),
    );
    const renamed: string[] = [];
    for (const [code, former] of Object.entries(FORMER_NAMES)) {
      const { nameZh, nameEn, definitionZh, definitionEn } = file.indicators.find((i) => i.code === code)!;
      if (await renameShippedIndicator(tx, code, former, { nameZh, nameEn, definitionZh, definitionEn }))
        renamed.push(code);
    }
    if (added || renamed.length)
      audit({ action: 'indicator.seed', result: 'success', objectType: 'indicator', details: { added, renamed } });
    return added;
  });
}

/**
 * The names the two cadre indicators were shipped with while they named 22号's sides. A library still holding one
 * (not renamed by the office) takes the name that names the programme's sides ({sideAName}赴{sideBName}…).
 */
const FORMER_NAMES: Record<string, string> = {
  cadres_ne_to_east: '东北赴东部挂职干部',
  cadres_east_to_ne: '东部赴东北挂职干部',
};

/** Targets of indicators for the years, by `indicatorId|pairingId|year` (for rounds scoring against them). */
export async function targetsFor(db: DbOrTx, indicatorIds: readonly string[], fromYear: number, toYear: number) {
  return targetsOf(db, indicatorIds, fromYear, toYear);
}
