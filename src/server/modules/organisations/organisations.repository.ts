import { and, asc, count, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { containing } from '../../kernel/like-pattern.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { organisations } from './organisations.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { pairingSideRegions } from '../pairings/pairings.tables.ts';
import { hasPermission } from '../../../common/access/permissions.ts';

const columns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  regionCode: organisations.regionCode,
  regionName: regions.name,
  active: organisations.active,
  version: organisations.version,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};

/**
 * Administrators and the national office see every organisation; a pairing office sees its own and those in the
 * regions on either side of its pairings.
 */
function scopeCondition(actor: Actor): SQL | undefined {
  if (hasPermission(actor.roles, 'organisation.manage') || hasPermission(actor.roles, 'user.read') || actor.scope.all)
    return undefined;
  const ids = actor.scope.pairingIds;
  const regionsOfPairings = ids.length
    ? sql`${organisations.regionCode} IN (SELECT ${pairingSideRegions.regionCode} FROM ${pairingSideRegions} WHERE ${inArray(pairingSideRegions.pairingId, [...ids])})`
    : sql`false`;
  return sql`(${organisations.id} = ${actor.organisationId} OR ${regionsOfPairings})`;
}

export interface OrganisationFilter {
  q?: string;
  kind?: string;
  regionCode?: string;
  active?: boolean;
}

export async function listOrganisations(
  db: DbOrTx,
  actor: Actor,
  filter: OrganisationFilter,
  page: number,
  pageSize: number,
) {
  const where = and(
    scopeCondition(actor),
    filter.q ? ilike(organisations.name, containing(filter.q)) : undefined,
    filter.kind ? eq(organisations.kind, filter.kind as never) : undefined,
    filter.regionCode ? eq(organisations.regionCode, filter.regionCode) : undefined,
    filter.active === undefined ? undefined : eq(organisations.active, filter.active),
  );
  const [items, [total]] = await Promise.all([
    db
      .select(columns)
      .from(organisations)
      .innerJoin(regions, eq(regions.code, organisations.regionCode))
      .where(where)
      .orderBy(asc(organisations.regionCode), asc(organisations.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findOrganisation(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(columns)
    .from(organisations)
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(organisations.id, id), scopeCondition(actor)));
  return row;
}
export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

/** Organisations among `ids` the actor can see, in one query (units of many tasks at once). */
export async function organisationsByIds(db: DbOrTx, actor: Actor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, [...new Set(ids)]), scopeCondition(actor)));
}

export async function organisationNameTaken(db: DbOrTx, name: string, regionCode: string, exceptId?: string) {
  const [row] = await db
    .select({ n: count() })
    .from(organisations)
    .where(
      and(
        eq(organisations.name, name),
        eq(organisations.regionCode, regionCode),
        exceptId ? sql`${organisations.id} <> ${exceptId}` : undefined,
      ),
    );
  return (row?.n ?? 0) > 0;
}

export async function insertOrganisation(db: DbOrTx, row: { name: string; kind: string; regionCode: string }) {
  const [created] = await db
    .insert(organisations)
    .values({ ...row, kind: row.kind as never })
    .returning({ id: organisations.id });
  return created!.id;
}

export async function updateOrganisation(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<{ name: string; kind: string; regionCode: string; active: boolean }>,
) {
  const rows = await db
    .update(organisations)
    .set({ ...(patch as object), updatedAt: new Date(), version: sql`${organisations.version} + 1` })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning({ id: organisations.id });
  return rows.length > 0;
}

/** Active organisations the actor can see whose name is one of `names`; a name two organisations share maps to neither. */
export async function organisationsNamed(db: DbOrTx, actor: Actor, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.name, names), eq(organisations.active, true), scopeCondition(actor)));
  const byName = new Map<string, string | null>();
  for (const r of rows) byName.set(r.name, byName.has(r.name) ? null : r.id);
  return new Map([...byName].filter((e): e is [string, string] => e[1] !== null));
}
