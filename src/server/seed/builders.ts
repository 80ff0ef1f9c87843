import type { AuthedContext } from '../http/context.ts';
import type { Role, OrganisationKind } from '../../common/access/roles.ts';
import type { CreatePairingInput } from '../../common/api/pairings.ts';
import { createOrganisation } from '../modules/organisations/organisations.service.ts';
import { createUser } from '../modules/users/users.service.ts';
import { createPairing } from '../modules/pairings/pairings.service.ts';
import { insertProgramme } from '../modules/programmes/programmes.repository.ts';

/**
 * Builders for tests and demo data alike. They go through the services, so what they make passes the same
 * validation and leaves the same audit rows as what users make.
 */
export const DEMO_PASSWORD = 'Duikou#2026demo';

export async function buildOrganisation(ctx: AuthedContext, o: { name: string; kind: OrganisationKind; regionCode: string }) {
  return createOrganisation(ctx, o);
}

export async function buildUser(
  ctx: AuthedContext,
  u: { username: string; organisationId: string; roles: Role[]; displayName?: string; password?: string },
) {
  return createUser(ctx, { displayName: u.displayName ?? u.username, password: u.password ?? DEMO_PASSWORD, ...u });
}

/** An organisation in a region with one user holding the given roles; returns both ids and the credentials. */
export async function buildOrgUser(ctx: AuthedContext, o: { username: string; regionCode: string; roles: Role[]; kind?: OrganisationKind; orgName?: string }) {
  const organisationId = await buildOrganisation(ctx, { name: o.orgName ?? `${o.username} 单位`, kind: o.kind ?? 'pairing_office', regionCode: o.regionCode });
  const userId = await buildUser(ctx, { username: o.username, organisationId, roles: o.roles });
  return { organisationId, userId, username: o.username, password: DEMO_PASSWORD };
}

export async function buildProgramme(ctx: AuthedContext, p: { name: string; docNo?: string }) {
  return insertProgramme(ctx.db, { name: p.name, docNo: p.docNo ?? null });
}

export async function buildPairing(ctx: AuthedContext, p: Omit<CreatePairingInput, 'status'> & { status?: CreatePairingInput['status'] }) {
  return createPairing(ctx, { status: 'active', ...p });
}
