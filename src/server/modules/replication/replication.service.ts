import { ADOPTION_STAGES, type AdoptionStage, type Side } from '../../../common/api/enums.ts';
import type {
  AdvanceStageInput,
  CreateAdoptionInput,
  CreatePracticeInput,
  PracticeListQuery,
  StageInput,
  UpdateAdoptionInput,
  UpdatePracticeInput,
  WithdrawStageInput,
} from '../../../common/api/replication.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { conflict, type ErrorDetail, fieldError, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { chinaToday, dateString } from '../../kernel/dates.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { visibleOrganisation } from '../organisations/organisations.service.ts';
import { sideOfRegions } from '../pairings/pairings.service.ts';
import { actsAsOffice, mayManageAdoption } from './replication.policy.ts';
import {
  countsBySide,
  findAdoption,
  findPractice,
  findPracticeDetail,
  insertAdoption,
  insertPractice,
  insertStage,
  listPractices,
  registeredByYear,
  stagesByYear,
  standingStages,
  updateAdoptionRow,
  updatePracticeRow,
  withdrawStageRow,
} from './replication.repository.ts';

const rank = (s: AdoptionStage) => ADOPTION_STAGES.indexOf(s);
const stageName = (s: AdoptionStage) => ({
  stageZh: translate('zh-CN', `domain.adoptionStages.${s}`),
  stageEn: translate('en', `domain.adoptionStages.${s}`),
});

export async function practicePage(ctx: AuthedContext, { page, pageSize, ...filter }: PracticeListQuery) {
  const { items, total } = await listPractices(ctx.db, ctx.actor, filter, page, pageSize);
  return { items, total, page, pageSize };
}

export async function practiceDetail(ctx: AuthedContext, id: string) {
  const found = await findPracticeDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return found;
}

/** The side of the pairing a region lies on (a county of a paired city too), or why it cannot be used. */
async function sideOf(work: Pick<UnitOfWork, 'tx'>, pairingId: string, regionCode: string): Promise<Side | undefined> {
  return (await sideOfRegions(work, pairingId)).get(regionCode);
}

/** A stage's dates: not in the future, not before the practice's source document, not before the stage before it. */
function stageProblems(
  prefix: string,
  s: StageInput,
  practice: { sourceDocDate: unknown },
  previous?: { stage: AdoptionStage; reachedOn: string },
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const today = chinaToday();
  if (previous && rank(s.stage) <= rank(previous.stage))
    problems.push(fieldError(`${prefix}stage`, 'stage_not_forward', stageName(previous.stage)));
  if (s.reachedOn > today) problems.push(fieldError(`${prefix}reachedOn`, 'date_in_future'));
  else if (previous && s.reachedOn < previous.reachedOn)
    problems.push(fieldError(`${prefix}reachedOn`, 'stage_date_order', { previous: previous.reachedOn }));
  const source = dateString(practice.sourceDocDate);
  if (source && s.reachedOn < source)
    problems.push(fieldError(`${prefix}reachedOn`, 'before_source_document', { date: source }));
  if (s.docDate && s.docDate > today) problems.push(fieldError(`${prefix}docDate`, 'date_in_future'));
  return problems;
}

function stageValues(s: StageInput, ctx: AuthedContext) {
  return {
    stage: s.stage,
    reachedOn: s.reachedOn,
    note: s.note ?? null,
    docTitle: s.docTitle ?? null,
    docNumber: s.docNumber ?? null,
    docDate: s.docDate ?? null,
    recordedBy: ctx.actor.userId,
    recordedByName: ctx.actor.displayName,
  };
}

export async function createPractice(
  ctx: AuthedContext,
  input: CreatePracticeInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  return auditedChange(ctx, async (work) => {
    const side = await sideOf(work, input.pairingId, input.sourceRegionCode);
    const problems: ErrorDetail[] = [];
    if (!side) problems.push(fieldError('sourceRegionCode', 'region_outside_pairing'));
    if (input.sourceDocDate && input.sourceDocDate > chinaToday())
      problems.push(fieldError('sourceDocDate', 'date_in_future'));
    if (problems.length || !side) throw invalid(...problems);
    const values = {
      pairingId: input.pairingId,
      title: input.title,
      category: input.category,
      sourceSide: side,
      sourceRegionCode: input.sourceRegionCode,
      description: input.description,
      sourceDocTitle: input.sourceDocTitle ?? null,
      sourceDocNumber: input.sourceDocNumber ?? null,
      sourceDocDate: input.sourceDocDate ?? null,
      sourceLink: input.sourceLink ?? null,
    };
    const id = await insertPractice(work.tx, { ...values, isDemo: !!opts.demo });
    work.audit({
      action: 'replication.practice.create',
      result: 'success',
      objectType: 'replication_practice',
      objectId: id,
      details: { after: values },
    });
    return id;
  });
}

const PRACTICE_EDITABLE = [
  'title',
  'sourceRegionCode',
  'category',
  'description',
  'sourceDocTitle',
  'sourceDocNumber',
  'sourceDocDate',
  'sourceLink',
] as const;

export async function updatePractice(ctx: AuthedContext, id: string, input: UpdatePracticeInput): Promise<void> {
  await auditedChange(ctx, async (work) => {
    const current = await findPractice(work.tx, ctx.actor, id, { forUpdate: true });
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const problems: ErrorDetail[] = [];
    let sourceSide = current.sourceSide;
    if (input.sourceRegionCode !== undefined) {
      const side = await sideOf(work, current.pairingId, input.sourceRegionCode);
      if (!side) problems.push(fieldError('sourceRegionCode', 'region_outside_pairing'));
      // Its adoptions are on the other side: the practice cannot change sides under them.
      else if (side !== current.sourceSide) problems.push(fieldError('sourceRegionCode', 'source_side_fixed'));
      else sourceSide = side;
    }
    if (input.sourceDocDate && input.sourceDocDate > chinaToday())
      problems.push(fieldError('sourceDocDate', 'date_in_future'));
    if (problems.length) throw invalid(...problems);
    const { patch, before, after } = editPatch(PRACTICE_EDITABLE, input, {
      ...current,
      sourceDocDate: dateString(current.sourceDocDate),
    });
    if (!(await updatePracticeRow(work.tx, id, input.version, { ...patch, sourceSide }))) throw conflict();
    work.audit({
      action: 'replication.practice.update',
      result: 'success',
      objectType: 'replication_practice',
      objectId: id,
      details: { before, after },
    });
  });
}

/**
 * A unit of the other side takes the practice up, at the first stage it has reached. An office names any unit (by
 * organisation or by name); a lead unit records only its own adoption, in a region on the other side.
 */
export async function createAdoption(ctx: AuthedContext, practiceId: string, input: CreateAdoptionInput) {
  return auditedChange(ctx, async (work) => {
    const practice = await findPractice(work.tx, ctx.actor, practiceId, { forUpdate: true });
    if (!practice) throw notFound();
    const problems: ErrorDetail[] = [];
    const office = actsAsOffice(ctx.actor);
    let adopterOrganisationId = input.adopterOrganisationId ?? null;
    let adopterName = input.adopterName ?? null;
    if (!office) {
      if (adopterOrganisationId && adopterOrganisationId !== ctx.actor.organisationId)
        problems.push(fieldError('adopterOrganisationId', 'adopter_own_unit_only'));
      adopterOrganisationId = ctx.actor.organisationId;
    }
    if (adopterOrganisationId) {
      const org = await visibleOrganisation(work, ctx.actor, adopterOrganisationId);
      if (!org) problems.push(fieldError('adopterOrganisationId', 'unknown_organisation'));
      else adopterName = adopterName ?? org.name;
    }
    if (!adopterName) problems.push(fieldError('adopterName', 'unit_name_required'));
    const side = await sideOf(work, practice.pairingId, input.regionCode);
    if (!side) problems.push(fieldError('regionCode', 'region_outside_pairing'));
    else if (side === practice.sourceSide) problems.push(fieldError('regionCode', 'adopter_on_source_side'));
    problems.push(...stageProblems('firstStage.', input.firstStage, practice));
    if (problems.length || !side || !adopterName) throw invalid(...problems);
    const values = {
      practiceId,
      adopterOrganisationId,
      adopterName,
      regionCode: input.regionCode,
      side,
      stage: input.firstStage.stage,
      stageReachedOn: input.firstStage.reachedOn,
      results: input.results ?? null,
    };
    const id = await insertAdoption(work.tx, values);
    await insertStage(work.tx, { adoptionId: id, ...stageValues(input.firstStage, ctx) });
    work.audit({
      action: 'replication.adoption.create',
      result: 'success',
      objectType: 'replication_adoption',
      objectId: id,
      details: { after: { ...values, firstStage: input.firstStage } },
    });
    return id;
  });
}

/** The adoption, locked, if the actor may change it (404 out of scope, 403 another unit's). */
async function adoptionToChange(work: UnitOfWork, ctx: AuthedContext, id: string, version: number) {
  const found = await findAdoption(work.tx, ctx.actor, id, { forUpdate: true });
  if (!found) throw notFound();
  if (!mayManageAdoption(ctx.actor, found.adoption)) throw forbidden();
  if (found.adoption.version !== version) throw conflict();
  return found;
}

export async function updateAdoption(ctx: AuthedContext, id: string, input: UpdateAdoptionInput): Promise<string> {
  return auditedChange(ctx, async (work) => {
    const { adoption, practice } = await adoptionToChange(work, ctx, id, input.version);
    if (input.regionCode !== undefined) {
      const side = await sideOf(work, practice.pairingId, input.regionCode);
      if (!side) throw invalid(fieldError('regionCode', 'region_outside_pairing'));
      if (side === practice.sourceSide) throw invalid(fieldError('regionCode', 'adopter_on_source_side'));
    }
    const { patch, before, after } = editPatch(['adopterName', 'regionCode', 'results'] as const, input, adoption);
    if (!(await updateAdoptionRow(work.tx, id, input.version, patch))) throw conflict();
    work.audit({
      action: 'replication.adoption.update',
      result: 'success',
      objectType: 'replication_adoption',
      objectId: id,
      details: { before, after },
    });
    return practice.id;
  });
}

/** The next stage reached: only forward (a stage may be skipped), dated no earlier than the stage before. */
export async function advanceStage(ctx: AuthedContext, id: string, input: AdvanceStageInput): Promise<string> {
  return auditedChange(ctx, async (work) => {
    const { adoption, practice } = await adoptionToChange(work, ctx, id, input.version);
    const previous = { stage: adoption.stage, reachedOn: dateString(adoption.stageReachedOn)! };
    const problems = stageProblems('', input, practice, previous);
    if (problems.length) throw invalid(...problems);
    const { version: _version, ...stage } = input;
    const stageId = await insertStage(work.tx, { adoptionId: id, ...stageValues(stage, ctx) });
    if (!(await updateAdoptionRow(work.tx, id, input.version, { stage: input.stage, stageReachedOn: input.reachedOn })))
      throw conflict();
    work.audit({
      action: 'replication.stage.advance',
      result: 'success',
      objectType: 'replication_adoption',
      objectId: id,
      details: { before: previous, after: stage, stageId },
    });
    return practice.id;
  });
}

/**
 * Going back: the furthest stage is withdrawn (kept in the history, marked, with the reason) and the one before it
 * stands again. The first stage cannot be withdrawn: an adoption has always reached one.
 */
export async function withdrawStage(ctx: AuthedContext, id: string, input: WithdrawStageInput): Promise<string> {
  return auditedChange(ctx, async (work) => {
    const { practice } = await adoptionToChange(work, ctx, id, input.version);
    const [latest, previous] = await standingStages(work.tx, id);
    if (!latest || !previous) throw invalid(fieldError('reason', 'first_stage_kept'));
    await withdrawStageRow(work.tx, latest.id, input.reason);
    const back = { stage: previous.stage, stageReachedOn: dateString(previous.reachedOn)! };
    if (!(await updateAdoptionRow(work.tx, id, input.version, back))) throw conflict();
    work.audit({
      action: 'replication.stage.withdraw',
      result: 'success',
      objectType: 'replication_adoption',
      objectId: id,
      details: {
        before: { stage: latest.stage, reachedOn: dateString(latest.reachedOn) },
        after: back,
        stageId: latest.id,
        reason: input.reason,
      },
    });
    return practice.id;
  });
}

const emptyStages = () => Object.fromEntries(ADOPTION_STAGES.map((s) => [s, 0])) as Record<AdoptionStage, number>;

/** The register's counts by source side and year, for a pairing (with its sub-pairs) or everything in scope. */
export async function replicationFigures(ctx: AuthedContext, f: { pairingId?: string; withSubPairs?: boolean }) {
  const [sides, registered, reached] = await Promise.all([
    countsBySide(ctx.db, ctx.actor, f),
    registeredByYear(ctx.db, ctx.actor, f),
    stagesByYear(ctx.db, ctx.actor, f),
  ]);
  const counts = (side?: Side) => {
    const rows = side ? sides.filter((r) => r.side === side) : sides;
    const sum = (k: 'practices' | 'replicated' | 'institutionalised' | 'adoptions') =>
      rows.reduce((n, r) => n + r[k], 0);
    const adoptionsAt = emptyStages();
    for (const r of rows) for (const s of ADOPTION_STAGES) adoptionsAt[s] += r[s];
    return {
      practices: sum('practices'),
      replicated: sum('replicated'),
      institutionalised: sum('institutionalised'),
      adoptions: sum('adoptions'),
      adoptionsAt,
    };
  };
  const years = new Map<
    string,
    { side: Side; year: number; registered: number; reached: Record<AdoptionStage, number> }
  >();
  const yearRow = (side: Side, year: number) => {
    const key = `${side}|${year}`;
    let row = years.get(key);
    if (!row) years.set(key, (row = { side, year, registered: 0, reached: emptyStages() }));
    return row;
  };
  for (const r of registered) yearRow(r.side, r.year).registered += r.n;
  for (const r of reached) yearRow(r.side, r.year).reached[r.stage] += r.n;
  return {
    totals: counts(),
    bySide: { a: counts('a'), b: counts('b') },
    byYear: [...years.values()].sort((x, y) => y.year - x.year || (x.side < y.side ? -1 : 1)),
  };
}
