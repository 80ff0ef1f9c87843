import type { OrganisationListQuery } from '../../../common/api/organisations.ts';
import { conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { Actor, AuthedContext } from '../../http/context.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { knownRegionCodes } from '../regions/regions.service.ts';
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  organisationNameTaken,
  organisationsByIds,
  organisationsNamed,
  updateOrganisation,
} from './organisations.repository.ts';

export async function organisationPage(ctx: AuthedContext, { page, pageSize, ...filter }: OrganisationListQuery) {
  const { items, total } = await listOrganisations(ctx.db, ctx.actor, filter, page, pageSize);
  return { items, total, page, pageSize };
}

export async function organisationDetail(ctx: AuthedContext, id: string) {
  const found = await findOrganisation(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return found;
}

export async function createOrganisation(
  ctx: AuthedContext,
  input: { name: string; kind: string; regionCode: string },
): Promise<string> {
  return auditedChange(ctx, async (work) => {
    if (!(await knownRegionCodes(work, [input.regionCode])).size)
      throw invalid(fieldError('regionCode', 'unknown_region', { code: input.regionCode }));
    if (await organisationNameTaken(work.tx, input.name, input.regionCode))
      throw invalid(fieldError('name', 'duplicate_organisation'));
    const id = await insertOrganisation(work.tx, input);
    work.audit({
      action: 'organisation.create',
      result: 'success',
      objectType: 'organisation',
      objectId: id,
      details: { after: input },
    });
    return id;
  });
}

/** An edit over the version it was read at; a name stays unique within its region; deactivating is audited as such. */
export async function updateOrganisationById(
  ctx: AuthedContext,
  id: string,
  input: { version: number; name?: string; kind?: string; regionCode?: string; active?: boolean },
): Promise<void> {
  return auditedChange(ctx, async (work) => {
    const current = await findOrganisation(work.tx, ctx.actor, id);
    if (!current) throw notFound();
    if (input.regionCode && !(await knownRegionCodes(work, [input.regionCode])).size) {
      throw invalid(fieldError('regionCode', 'unknown_region', { code: input.regionCode }));
    }
    const name = input.name ?? current.name;
    const regionCode = input.regionCode ?? current.regionCode;
    if ((input.name || input.regionCode) && (await organisationNameTaken(work.tx, name, regionCode, id)))
      throw invalid(fieldError('name', 'duplicate_organisation'));
    const { version, ...patch } = input;
    if (!(await updateOrganisation(work.tx, id, version, patch))) throw conflict();
    const action = input.active === false && current.active ? 'organisation.deactivate' : 'organisation.update';
    work.audit({ action, result: 'success', objectType: 'organisation', objectId: id, details: { changes: input } });
  });
}

/**
 * An organisation made as part of another change, which audits it (the operator's own organisation at first
 * start); no rule of its own beyond the table's.
 */
export async function addOrganisation(
  { tx }: UnitOfWork,
  values: { name: string; kind: string; regionCode: string },
): Promise<string> {
  return insertOrganisation(tx, values);
}

/** An organisation the actor can see, or undefined: a record that names one must name one the actor may use. */
export async function visibleOrganisation({ tx }: Pick<UnitOfWork, 'tx'>, actor: Actor, id: string) {
  return findOrganisation(tx, actor, id);
}

/** The organisations among `ids` the actor can see, in one query: units other records name by their organisation. */
export async function visibleOrganisations({ tx }: Pick<UnitOfWork, 'tx'>, actor: Actor, ids: readonly string[]) {
  return organisationsByIds(tx, actor, ids);
}

/** Active organisations the actor can see, by name; a name two organisations share maps to neither. */
export async function organisationIdsByName({ tx }: Pick<UnitOfWork, 'tx'>, actor: Actor, names: string[]) {
  return organisationsNamed(tx, actor, names);
}
