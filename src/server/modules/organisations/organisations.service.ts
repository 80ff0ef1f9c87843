import type { AuthedContext } from '../../http/context.ts';
import { invalid, fieldError, notFound, conflict } from '../../http/app-error.ts';
import { writeAudit } from '../../kernel/audit/audit-writer.ts';
import { existingRegionCodes } from '../regions/regions.repository.ts';
import {
  findOrganisation,
  insertOrganisation,
  organisationNameTaken,
  updateOrganisation,
} from './organisations.repository.ts';

export async function createOrganisation(
  ctx: AuthedContext,
  input: { name: string; kind: string; regionCode: string },
) {
  return ctx.db.transaction(async (tx) => {
    if (!(await existingRegionCodes(tx, [input.regionCode])).size)
      throw invalid(fieldError('regionCode', 'unknown_region', { code: input.regionCode }));
    if (await organisationNameTaken(tx, input.name, input.regionCode))
      throw invalid(fieldError('name', 'duplicate_organisation'));
    const id = await insertOrganisation(tx, input);
    await writeAudit(tx, ctx, {
      action: 'organisation.create',
      result: 'success',
      objectType: 'organisation',
      objectId: id,
      details: { after: input },
    });
    return id;
  });
}

export async function updateOrganisationById(
  ctx: AuthedContext,
  id: string,
  input: { version: number; name?: string; kind?: string; regionCode?: string; active?: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const current = await findOrganisation(tx, ctx.actor, id);
    if (!current) throw notFound();
    if (input.regionCode && !(await existingRegionCodes(tx, [input.regionCode])).size) {
      throw invalid(fieldError('regionCode', 'unknown_region', { code: input.regionCode }));
    }
    const name = input.name ?? current.name;
    const regionCode = input.regionCode ?? current.regionCode;
    if ((input.name || input.regionCode) && (await organisationNameTaken(tx, name, regionCode, id)))
      throw invalid(fieldError('name', 'duplicate_organisation'));
    const { version, ...patch } = input;
    if (!(await updateOrganisation(tx, id, version, patch))) throw conflict();
    const action = input.active === false && current.active ? 'organisation.deactivate' : 'organisation.update';
    await writeAudit(tx, ctx, {
      action,
      result: 'success',
      objectType: 'organisation',
      objectId: id,
      details: { changes: input },
    });
  });
}
