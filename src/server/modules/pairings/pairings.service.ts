import type { AuthedContext } from '../../http/context.ts';
import type { DbOrTx } from '../../db/database.ts';
import { invalid, fieldError, notFound, conflict, type ErrorDetail } from '../../http/app-error.ts';
import { writeAudit } from '../../kernel/audit/audit-writer.ts';
import type { CreatePairingInput, UpdatePairingInput } from '../../../common/api/pairings.ts';
import { existingRegionCodes } from '../regions/regions.repository.ts';
import { regionCatalogue } from '../regions/region-catalogue.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import {
  findPairing,
  insertPairing,
  updatePairingRow,
  replaceSides,
  replaceOffices,
  replaceContacts,
  sidesKeyTaken,
  descendantIds,
  sidesOf,
} from './pairings.repository.ts';
import { assertCanCreatePairing, assertCanUpdatePairing } from './pairings.policy.ts';
import { sidesKey, uniqueCodes } from './pairing-sides.ts';

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
  db: DbOrTx,
  input: SidesInput,
  exceptId?: string,
): Promise<{ a: string[]; b: string[]; key: string }> {
  const a = uniqueCodes(input.sideA);
  const b = uniqueCodes(input.sideB);
  const known = await existingRegionCodes(db, [...a, ...b]);
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
  if (await sidesKeyTaken(db, input.programmeId, key, exceptId))
    throw invalid(fieldError('sideB', 'duplicate_pairing'));
  return { a, b, key };
}

/** A pairing's name when the office gives none: its sides' region names, side A—side B. */
export function defaultName(a: string[], b: string[]) {
  const refs = regionCatalogue().refs([...a, ...b]);
  const names = (codes: string[]) => codes.map((c) => refs.get(c)?.name ?? c).join('、');
  return b.length ? `${names(a)}—${names(b)}` : names(a);
}

export async function createPairing(ctx: AuthedContext, input: CreatePairingInput) {
  assertCanCreatePairing(ctx.actor, input.parentId);
  return ctx.db.transaction(async (tx) => {
    if (!(await findProgramme(tx, input.programmeId))) throw invalid(fieldError('programmeId', 'unknown_programme'));
    if (input.parentId) {
      const parent = await findPairing(tx, ctx.actor, input.parentId);
      if (!parent || parent.programmeId !== input.programmeId) throw invalid(fieldError('parentId', 'unknown_parent'));
    }
    const sides = await validateSides(tx, input);
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
    });
    await replaceSides(tx, id, sides.a, sides.b);
    await replaceOffices(tx, id, (input.offices ?? []).map(officeRow));
    await replaceContacts(tx, id, (input.contacts ?? []).map(contactRow));
    await writeAudit(tx, ctx, {
      action: 'pairing.create',
      result: 'success',
      objectType: 'pairing',
      objectId: id,
      details: { after: input },
    });
    return id;
  });
}

export async function updatePairing(ctx: AuthedContext, id: string, input: UpdatePairingInput) {
  return ctx.db.transaction(async (tx) => {
    const current = await findPairing(tx, ctx.actor, id);
    if (!current) throw notFound();
    assertCanUpdatePairing(ctx.actor, current, input);
    if (current.version !== input.version) throw conflict();
    const patch: Parameters<typeof updatePairingRow>[3] = {};
    if (input.parentId !== undefined && input.parentId !== current.parentId) {
      if (input.parentId) {
        const parent = await findPairing(tx, ctx.actor, input.parentId);
        if (!parent || parent.programmeId !== current.programmeId)
          throw invalid(fieldError('parentId', 'unknown_parent'));
        if ((await descendantIds(tx, id)).has(input.parentId)) throw invalid(fieldError('parentId', 'parent_cycle'));
      }
      patch.parentId = input.parentId;
    }
    const before = (await sidesOf(tx, [id])).get(id)!;
    const sidesChanged = input.sideA !== undefined || input.sideB !== undefined;
    const status = input.status ?? current.status;
    if (sidesChanged || input.status !== undefined || input.startedOn !== undefined || input.endedOn !== undefined) {
      const sides = await validateSides(
        tx,
        {
          programmeId: current.programmeId,
          sideA: input.sideA ?? before.a,
          sideB: input.sideB ?? before.b,
          status,
          startedOn: input.startedOn === undefined ? (current.startedOn as string | null) : input.startedOn,
          endedOn: input.endedOn === undefined ? (current.endedOn as string | null) : input.endedOn,
        },
        id,
      );
      if (sidesChanged) {
        await replaceSides(tx, id, sides.a, sides.b);
        patch.sidesKey = sides.key;
      }
    }
    for (const k of ['name', 'level', 'status', 'theme', 'startedOn', 'endedOn', 'note'] as const) {
      if (input[k] !== undefined) (patch as Record<string, unknown>)[k] = input[k];
    }
    if (!(await updatePairingRow(tx, id, input.version, patch))) throw conflict();
    if (input.offices) await replaceOffices(tx, id, input.offices.map(officeRow));
    if (input.contacts) await replaceContacts(tx, id, input.contacts.map(contactRow));
    const action =
      input.status === 'inactive' && current.status !== 'inactive' ? 'pairing.deactivate' : 'pairing.update';
    await writeAudit(tx, ctx, {
      action,
      result: 'success',
      objectType: 'pairing',
      objectId: id,
      details: { changes: input },
    });
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
