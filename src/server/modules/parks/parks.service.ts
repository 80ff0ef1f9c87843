import type { AuthedContext } from '../../http/context.ts';
import { invalid, notFound, conflict, fieldError, type ErrorDetail } from '../../http/app-error.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { assertYearsOpen } from '../../kernel/year-lock/year-lock.ts';
import { yuan } from '../../../common/money/money.ts';
import type {
  CreateParkInput,
  UpdateParkInput,
  EnterpriseInput,
  SharingAgreementInput,
  LedgerEntryInput,
  ParkListQuery,
} from '../../../common/api/parks.ts';
import { knownRegionCodes } from '../regions/regions.service.ts';
import { sideOfRegions } from '../pairings/pairings.service.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { industries } from '../../kernel/industries.ts';
import {
  agreementsOf,
  branchesOf,
  enterprisesOf,
  findPark,
  findParkDetail,
  findParkLedger,
  findParkOfPairing,
  insertAgreement,
  insertEnterprise,
  insertLedgerEntries,
  insertPark,
  ledgerSeries,
  listParks,
  parkNameTaken,
  updateParkRow,
} from './parks.repository.ts';
import { termEnd, validateAgreement, type SharingAgreement } from './sharing-agreement.ts';
import { checkLedgerEntry, agreementInForce } from './park-ledger.ts';
import { parseShares, storedAgreement, loadAgreement, loadEntry } from './sharing-codec.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { chinaToday } from '../../kernel/dates.ts';

export async function parkPage(ctx: AuthedContext, { page, pageSize, ...filter }: ParkListQuery) {
  const { items, total } = await listParks(ctx.db, ctx.actor, filter, page, pageSize);
  return { items, total, page, pageSize };
}

export async function parkDetail(ctx: AuthedContext, id: string) {
  const found = await findParkDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return found;
}

/** A park's ledger of one year (or the latest entries) and the years it has entries for. */
export async function parkLedger(ctx: AuthedContext, parkId: string, year?: number) {
  const found = await findParkLedger(ctx.db, ctx.actor, parkId, year);
  if (!found) throw notFound();
  return found;
}

/**
 * The rules a park's fields meet, on create and on edit alike; each given field is checked (undefined = not
 * changed). `self` is the park being edited: it cannot be its own main park, nor become a branch while it has
 * branches of its own.
 */
async function checkParkFields(
  work: UnitOfWork,
  pairingId: string,
  f: Partial<Pick<CreateParkInput, 'name' | 'hostRegionCode' | 'partnerRegionCode' | 'mainParkId' | 'focusIndustries'>>,
  self?: string,
): Promise<ErrorDetail[]> {
  const { tx } = work;
  const problems: ErrorDetail[] = [];
  if (f.hostRegionCode !== undefined && !(await sideOfRegions(work, pairingId)).has(f.hostRegionCode))
    problems.push(fieldError('hostRegionCode', 'region_outside_pairing'));
  if (f.partnerRegionCode && !(await knownRegionCodes(work, [f.partnerRegionCode])).size)
    problems.push(fieldError('partnerRegionCode', 'unknown_region', { code: f.partnerRegionCode }));
  if (f.mainParkId) {
    const main = await findParkOfPairing(tx, pairingId, f.mainParkId);
    if (!main || main.id === self) problems.push(fieldError('mainParkId', 'unknown_main_park'));
    else if (main.mainParkId) problems.push(fieldError('mainParkId', 'branch_of_branch'));
    else if (self && (await branchesOf(tx, self)).length)
      problems.push(fieldError('mainParkId', 'main_park_has_branches'));
  }
  (f.focusIndustries ?? []).forEach(
    (d, i) => industries().division(d) || problems.push(fieldError(`focusIndustries.${i}`, 'unknown_industry')),
  );
  if (f.name !== undefined && (await parkNameTaken(tx, pairingId, f.name, self)))
    problems.push(fieldError('name', 'duplicate_park'));
  return problems;
}

export async function createPark(
  ctx: AuthedContext,
  input: CreateParkInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  return auditedChange(ctx, async (work) => {
    const problems = await checkParkFields(work, input.pairingId, input);
    if (problems.length) throw invalid(...problems);
    const id = await insertPark(work.tx, {
      pairingId: input.pairingId,
      name: input.name,
      type: input.type,
      hostRegionCode: input.hostRegionCode,
      partnerRegionCode: input.partnerRegionCode ?? null,
      mainParkId: input.mainParkId ?? null,
      areaKm2: input.areaKm2 ?? null,
      focusIndustries: input.focusIndustries,
      operator: input.operator ?? null,
      operatorTeamFrom: input.operatorTeamFrom ?? null,
      establishedOn: input.establishedOn ?? null,
      note: input.note ?? null,
      isDemo: !!opts.demo,
    });
    work.audit({
      action: 'park.create',
      result: 'success',
      objectType: 'park',
      objectId: id,
      details: { after: input },
    });
    return id;
  });
}

const EDITABLE = [
  'name',
  'type',
  'hostRegionCode',
  'partnerRegionCode',
  'mainParkId',
  'areaKm2',
  'focusIndustries',
  'operator',
  'operatorTeamFrom',
  'establishedOn',
  'note',
] as const;

/** Edits a park read at `version` (409 when someone saved it since), with the create form's rules; audited with before and after. */
export async function updatePark(ctx: AuthedContext, id: string, input: UpdateParkInput): Promise<void> {
  return auditedChange(ctx, async (work) => {
    const current = await findPark(work.tx, ctx.actor, id);
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const problems = await checkParkFields(work, current.pairingId, input, id);
    if (problems.length) throw invalid(...problems);
    const { patch, before, after } = editPatch(EDITABLE, input, current);
    if (!(await updateParkRow(work.tx, id, input.version, patch))) throw conflict();
    work.audit({
      action: 'park.update',
      result: 'success',
      objectType: 'park',
      objectId: id,
      details: { before, after },
    });
  });
}

export async function addEnterprise(
  ctx: AuthedContext,
  parkId: string,
  input: EnterpriseInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const park = await findPark(tx, ctx.actor, parkId);
    if (!park) throw notFound();
    const problems: ErrorDetail[] = [];
    if (input.industryDivision && !industries().division(input.industryDivision))
      problems.push(fieldError('industryDivision', 'unknown_industry'));
    if ((await enterprisesOf(tx, parkId)).some((e) => e.name === input.name))
      problems.push(fieldError('name', 'duplicate_enterprise'));
    if (problems.length) throw invalid(...problems);
    const id = await insertEnterprise(tx, {
      parkId,
      name: input.name,
      creditCode: input.creditCode ?? null,
      industryDivision: input.industryDivision ?? null,
      settledOn: input.settledOn ?? null,
      isDemo: !!opts.demo,
    });
    audit({
      action: 'park.enterprise',
      result: 'success',
      objectType: 'park',
      objectId: parkId,
      details: { enterpriseId: id, ...input },
    });
    return id;
  });
}

/** An agreement as the domain takes it; percent text becomes shares, with problems named by field. */
function toAgreement(input: SharingAgreementInput): { agreement: SharingAgreement; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const agreement: SharingAgreement = {
    parties: input.parties.map((p) => ({ key: p.key, name: p.name, regionCode: p.regionCode ?? null })),
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    terms: input.terms.map((t, i) => ({
      figures: t.figures,
      from: t.from,
      to: t.to ?? null,
      shares: parseShares(t.shares, `terms.${i}.shares`, problems),
    })),
    costShares: input.costShares ? parseShares(input.costShares, 'costShares', problems) : null,
  };
  return { agreement, problems };
}

export async function createSharingAgreement(
  ctx: AuthedContext,
  parkId: string,
  input: SharingAgreementInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const park = await findPark(tx, ctx.actor, parkId);
    if (!park) throw notFound();
    const { agreement, problems } = toAgreement(input);
    if (!problems.length) problems.push(...validateAgreement(agreement));
    // A park's agreements follow one another: the same figure is never shared under two agreements at once.
    for (const other of await agreementsOf(tx, parkId)) {
      const o = loadAgreement(other);
      const clash = agreement.terms.some((t) =>
        o.terms.some(
          (u) =>
            u.figures.some((f) => t.figures.includes(f)) && t.from <= termEnd(u, o) && u.from <= termEnd(t, agreement),
        ),
      );
      if (clash) problems.push(fieldError('startsOn', 'agreement_overlap', { title: other.title }));
    }
    if (problems.length) throw invalid(...problems);
    const id = await insertAgreement(tx, {
      parkId,
      title: input.title,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      ...storedAgreement(agreement),
      isDemo: !!opts.demo,
    });
    audit({
      action: 'park.agreement',
      result: 'success',
      objectType: 'park',
      objectId: parkId,
      details: { agreementId: id, ...input },
    });
    return id;
  });
}

/** One ledger entry (or a correction of one), checked against the park's enterprises and its agreement. */
export async function addLedgerEntry(
  ctx: AuthedContext,
  parkId: string,
  input: LedgerEntryInput,
  opts: { demo?: boolean; today?: string } = {},
): Promise<string> {
  const today = opts.today ?? chinaToday();
  return auditedChange(ctx, async ({ tx, audit }) => {
    const park = await findPark(tx, ctx.actor, parkId);
    if (!park) throw notFound();
    // The year's shared tax is in its annual summary: a year locked by the accepted summary takes no entry.
    await assertYearsOpen(tx, park.pairingId, [input.period.year], 'period.year');
    // Sequential: a transaction's one client takes one query at a time.
    const enterprises = await enterprisesOf(tx, parkId);
    const existing = await ledgerSeries(tx, parkId, input.enterpriseId, input.figure);
    const agreements = await agreementsOf(tx, parkId);
    const period = { year: input.period.year, month: input.period.month ?? null };
    const inForce = agreementInForce(agreements.map(loadAgreement), period.year);
    const problems = checkLedgerEntry(
      {
        enterpriseId: input.enterpriseId,
        figure: input.figure,
        period,
        amount: yuan(input.amount),
        supersedesId: input.supersedesId ?? null,
      },
      {
        parkEnterpriseIds: new Set(enterprises.map((e) => e.id)),
        existing: existing.map(loadEntry),
        agreement: inForce,
        today,
      },
    );
    if (problems.length) throw invalid(...problems);
    const [id] = await insertLedgerEntries(tx, [
      {
        parkId,
        enterpriseId: input.enterpriseId,
        figure: input.figure,
        periodYear: period.year,
        periodMonth: period.month,
        amountYuan: input.amount,
        supersedesId: input.supersedesId ?? null,
        recordedBy: ctx.actor.userId,
        isDemo: !!opts.demo,
      },
    ]);
    audit({
      action: input.supersedesId ? 'park.ledger.correct' : 'park.ledger',
      result: 'success',
      objectType: 'park',
      objectId: parkId,
      details: { entryId: id!, ...input },
    });
    return id!;
  });
}
