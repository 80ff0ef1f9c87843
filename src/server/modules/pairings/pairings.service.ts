import type { CreatePairingInput, PairingListQuery, UpdatePairingInput } from '../../../common/api/pairings.ts';
import { conflict, type ErrorDetail, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { Actor, AuthedContext } from '../../http/context.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { dateString } from '../../kernel/dates.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { findProgramme } from '../programmes/programmes.service.ts';
import { regionCatalogue } from '../regions/region-catalogue.ts';
import { knownRegionCodes } from '../regions/regions.service.ts';
import { regionsOutsideParent, sidesKey, uniqueCodes } from './pairing-sides.ts';
import { presentPairingSummary } from './pairings.presenter.ts';
import { assertCanCreatePairing, assertCanUpdatePairing } from './pairings.policy.ts';
import {
  descendantIds,
  findPairing,
  findPairingDetail,
  findPairingsNamed,
  insertPairing,
  listPairings,
  pairingOverviewRows,
  type PairingInsert,
  regionSides,
  replaceContacts,
  replaceOffices,
  replaceSides,
  sidesKeyTaken,
  updatePairingRow,
} from './pairings.repository.ts';

/** The catalogue's names and map positions of every region on the pairings' sides. */
function pairingRegions(rows: { sideA: string[]; sideB: string[] }[]) {
  return regionCatalogue().refs(rows.flatMap((r) => [...r.sideA, ...r.sideB]));
}

export async function pairingPage(ctx: AuthedContext, { page, pageSize, sort, order, ...filter }: PairingListQuery) {
  const { items, total } = await listPairings(ctx.db, ctx.actor, filter, { page, pageSize, sort, order });
  return { items, total, page, pageSize, regions: pairingRegions(items) };
}

export async function pairingDetail(ctx: AuthedContext, id: string) {
  const found = await findPairingDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return { ...found, regions: pairingRegions([found.row, ...found.subPairs]) };
}

/** A pairing just created, as its creator sees it: their scope was computed before it existed. */
export async function createdPairingDetail(ctx: AuthedContext, id: string) {
  const { scope } = ctx.actor;
  if (scope.all) return pairingDetail(ctx, id);
  return pairingDetail(
    { ...ctx, actor: { ...ctx.actor, scope: { all: false, pairingIds: [...scope.pairingIds, id] } } },
    id,
  );
}

/**
 * The dashboard's view of the pairings the actor sees: how many there are of each kind, and the top-level ones
 * (with their sides' map positions) for the lines on the map.
 */
export async function pairingOverview(ctx: AuthedContext) {
  const { pairings: top, ...counts } = await pairingOverviewRows(ctx.db, ctx.actor);
  const regions = pairingRegions(top);
  return {
    counts: {
      pairings: Number(counts.top),
      subPairs: Number(counts.sub),
      regions: Number(counts.regions),
      exploratory: Number(counts.exploratory),
    },
    pairings: top.map((r) => presentPairingSummary(r, regions)),
  };
}

/** A pairing in the actor's scope (undefined otherwise), read in the caller's transaction. */
export async function visiblePairing({ tx }: Pick<UnitOfWork, 'tx'>, actor: Actor, id: string) {
  return findPairing(tx, actor, id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A pairing named on a command line or in a form: its id, or its exact name (吉林省—浙江省). Undefined when none in
 * the actor's scope has it, 'ambiguous' when two pairings (of different programmes) share the name.
 */
export async function resolvePairing(
  uow: Pick<UnitOfWork, 'tx'>,
  actor: Actor,
  idOrName: string,
): Promise<Awaited<ReturnType<typeof findPairing>> | 'ambiguous'> {
  const key = idOrName.trim();
  if (UUID.test(key)) return visiblePairing(uow, actor, key.toLowerCase());
  const named = await findPairingsNamed(uow.tx, actor, key);
  return named.length > 1 ? 'ambiguous' : named[0];
}

/** Every region on either side of a pairing, inside the sides' regions too (a county of a paired city), with its side. */
export async function sideOfRegions({ tx }: Pick<UnitOfWork, 'tx'>, pairingId: string) {
  return regionSides(tx, pairingId);
}

/** Whether the programme already pairs these two sides (in either order). */
export async function sidesPaired({ tx }: Pick<UnitOfWork, 'tx'>, programmeId: string, a: string[], b: string[]) {
  return sidesKeyTaken(tx, programmeId, sidesKey(a, b));
}

interface SidesInput {
  programmeId: string;
  sideA: string[];
  sideB: string[];
  status: string;
  startedOn?: string | null;
  endedOn?: string | null;
}

/** Every rule a pairing's sides and dates must meet; all problems are reported at once, naming the field. */
async function validateSides(
  work: Pick<UnitOfWork, 'tx'>,
  input: SidesInput,
  exceptId?: string,
): Promise<{ a: string[]; b: string[]; key: string }> {
  const a = uniqueCodes(input.sideA);
  const b = uniqueCodes(input.sideB);
  const known = await knownRegionCodes(work, [...a, ...b]);
  const problems: ErrorDetail[] = [];
  a.forEach((code, i) => known.has(code) || problems.push(fieldError(`sideA.${i}`, 'unknown_region', { code })));
  b.forEach((code, i) => known.has(code) || problems.push(fieldError(`sideB.${i}`, 'unknown_region', { code })));
  if (input.status !== 'exploratory' && b.length === 0) problems.push(fieldError('sideB', 'side_required'));
  const shared = a.filter((c) => b.includes(c));
  if (shared.length)
    problems.push(fieldError('sideB', a.length === 1 && b.length === 1 ? 'same_region' : 'sides_overlap'));
  if (input.startedOn && input.endedOn && input.endedOn < input.startedOn)
    problems.push(fieldError('endedOn', 'date_order'));
  if (problems.length) throw invalid(...problems);
  const key = sidesKey(a, b);
  if (await sidesKeyTaken(work.tx, input.programmeId, key, exceptId))
    throw invalid(fieldError('sideB', 'duplicate_pairing'));
  return { a, b, key };
}

/** A sub-pair works within its parent: 吉林—浙江 cannot hold a sub-pair of 辽宁 and 江苏 regions. */
function assertInsideParent(sides: { a: string[]; b: string[] }, parent: { sideA: string[]; sideB: string[] }) {
  const records = new Map(regionCatalogue().records.map((r) => [r.code, r.parentCode]));
  const outside = regionsOutsideParent(sides, parent, (code) => records.get(code) ?? null);
  if (outside.length)
    throw invalid(...outside.map((o) => fieldError(`${o.side}.${o.index}`, 'outside_parent', { code: o.code })));
}

/** A pairing's name when the office gives none: its sides' region names, side A—side B. */
export function defaultName(a: string[], b: string[]) {
  const refs = regionCatalogue().refs([...a, ...b]);
  const names = (codes: string[]) => codes.map((c) => refs.get(c)?.name ?? c).join('、');
  return b.length ? `${names(a)}—${names(b)}` : names(a);
}

export async function createPairing(ctx: AuthedContext, input: CreatePairingInput): Promise<string> {
  return auditedChange(ctx, (work) => createPairingIn(work, ctx, input));
}

/**
 * Creates a pairing in the caller's unit of work, with its audit row; `source` names the clause of the document
 * it was found in (a sub-pair of an imported plan).
 */
export async function createPairingIn(
  work: UnitOfWork,
  ctx: AuthedContext,
  input: CreatePairingInput,
  source?: { documentId: string; line: number | null; quote: string | null },
): Promise<string> {
  const { tx, audit } = work;
  assertCanCreatePairing(ctx.actor, input.parentId);
  if (!(await findProgramme(work, input.programmeId))) throw invalid(fieldError('programmeId', 'unknown_programme'));
  const parent = input.parentId ? await findPairing(tx, ctx.actor, input.parentId) : undefined;
  if (input.parentId && (!parent || parent.programmeId !== input.programmeId))
    throw invalid(fieldError('parentId', 'unknown_parent'));
  const sides = await validateSides(work, input);
  if (parent) assertInsideParent(sides, parent);
  const id = await insertPairing(tx, {
    programmeId: input.programmeId,
    parentId: input.parentId ?? null,
    name: input.name || defaultName(sides.a, sides.b),
    level: input.level,
    status: input.status,
    theme: input.theme ?? null,
    startedOn: input.startedOn ?? null,
    endedOn: input.endedOn ?? null,
    note: input.note ?? null,
    sidesKey: sides.key,
    ...(source && { sourceDocumentId: source.documentId, sourceLine: source.line, sourceQuote: source.quote }),
  });
  await replaceSides(tx, id, sides.a, sides.b);
  await replaceOffices(tx, id, (input.offices ?? []).map(officeRow));
  await replaceContacts(tx, id, (input.contacts ?? []).map(contactRow));
  audit({
    action: 'pairing.create',
    result: 'success',
    objectType: 'pairing',
    objectId: id,
    details: { after: input },
  });
  return id;
}

const EDITABLE = ['name', 'level', 'status', 'theme', 'startedOn', 'endedOn', 'note'] as const;

/**
 * Edits a pairing read at `version` (409 when someone saved it since). Sides, status and dates are checked as a
 * whole whenever one of them changes; setting a pairing inactive is audited as its deactivation.
 */
export async function updatePairing(ctx: AuthedContext, id: string, input: UpdatePairingInput): Promise<void> {
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const current = await findPairing(tx, ctx.actor, id);
    if (!current) throw notFound();
    assertCanUpdatePairing(ctx.actor, current, input);
    if (current.version !== input.version) throw conflict();
    const patch: Partial<PairingInsert> = editPatch(EDITABLE, input, current).patch;
    if (input.parentId !== undefined && input.parentId !== current.parentId) {
      if (input.parentId) {
        const parent = await findPairing(tx, ctx.actor, input.parentId);
        if (!parent || parent.programmeId !== current.programmeId)
          throw invalid(fieldError('parentId', 'unknown_parent'));
        if ((await descendantIds(tx, id)).has(input.parentId)) throw invalid(fieldError('parentId', 'parent_cycle'));
      }
      patch.parentId = input.parentId;
    }
    const sidesChanged = input.sideA !== undefined || input.sideB !== undefined;
    const parentId = input.parentId === undefined ? current.parentId : input.parentId;
    if (parentId && (sidesChanged || parentId !== current.parentId)) {
      // Read whatever the actor sees: a city office edits a sub-pair of a provincial pairing it cannot open.
      const parent = await findPairing(tx, { ...ctx.actor, scope: { all: true } }, parentId);
      if (parent) assertInsideParent({ a: input.sideA ?? current.sideA, b: input.sideB ?? current.sideB }, parent);
    }
    if (sidesChanged || input.status !== undefined || input.startedOn !== undefined || input.endedOn !== undefined) {
      const sides = await validateSides(
        work,
        {
          programmeId: current.programmeId,
          sideA: input.sideA ?? current.sideA,
          sideB: input.sideB ?? current.sideB,
          status: input.status ?? current.status,
          startedOn: input.startedOn === undefined ? dateString(current.startedOn) : input.startedOn,
          endedOn: input.endedOn === undefined ? dateString(current.endedOn) : input.endedOn,
        },
        id,
      );
      if (sidesChanged) {
        await replaceSides(tx, id, sides.a, sides.b);
        patch.sidesKey = sides.key;
      }
    }
    if (!(await updatePairingRow(tx, id, input.version, patch))) throw conflict();
    if (input.offices) await replaceOffices(tx, id, input.offices.map(officeRow));
    if (input.contacts) await replaceContacts(tx, id, input.contacts.map(contactRow));
    const action =
      input.status === 'inactive' && current.status !== 'inactive' ? 'pairing.deactivate' : 'pairing.update';
    audit({ action, result: 'success', objectType: 'pairing', objectId: id, details: { changes: input } });
  });
}

function officeRow(o: NonNullable<CreatePairingInput['offices']>[number]) {
  return {
    side: o.side,
    leadingGroup: o.leadingGroup ?? null,
    officeName: o.officeName,
    hostUnit: o.hostUnit ?? null,
    note: o.note ?? null,
  };
}

function contactRow(c: NonNullable<CreatePairingInput['contacts']>[number]) {
  return { side: c.side, name: c.name, post: c.post ?? null, phone: c.phone ?? null, email: c.email ?? null };
}
