import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { regionPlace } from '../regions/region-place.ts';
import { regions } from '../regions/regions.tables.ts';
import type { RegistrationStanding } from './listings.policy.ts';
import { enterpriseRegistrations } from './listings.tables.ts';

/** An organisation's registration state; `none` for one an administrator made (it needs no approval). */
export async function registrationStanding(db: DbOrTx, organisationId: string): Promise<RegistrationStanding> {
  const [row] = await db
    .select({ state: enterpriseRegistrations.state })
    .from(enterpriseRegistrations)
    .where(eq(enterpriseRegistrations.organisationId, organisationId));
  return row?.state ?? 'none';
}

export async function creditCodeTaken(db: DbOrTx, creditCode: string) {
  const [row] = await db
    .select({ id: enterpriseRegistrations.id })
    .from(enterpriseRegistrations)
    .where(eq(enterpriseRegistrations.creditCode, creditCode));
  return !!row;
}

export async function insertRegistration(db: DbOrTx, v: typeof enterpriseRegistrations.$inferInsert) {
  const [row] = await db.insert(enterpriseRegistrations).values(v).returning({ id: enterpriseRegistrations.id });
  return row!.id;
}

/**
 * Registrations a reviewer may decide: those whose region lies on a side of one of its pairings (either side),
 * by the region's province, city or county prefix. A development zone's code (Z22010071) names no place: it lies
 * where its parent region does.
 */
function reviewable(actor: Actor) {
  if (actor.scope.all) return undefined;
  if (!actor.scope.pairingIds.length) return sql`false`;
  const place = regionPlace(sql`${organisations.regionCode}`);
  return sql`EXISTS (SELECT 1 FROM pairing_side_regions s
    WHERE s.pairing_id = ANY(${sql.param([...actor.scope.pairingIds])}::uuid[])
      AND ${place} LIKE rtrim(s.region_code, '0') || '%')`;
}

const columns = {
  id: enterpriseRegistrations.id,
  organisationId: enterpriseRegistrations.organisationId,
  organisationName: organisations.name,
  kind: organisations.kind,
  creditCode: enterpriseRegistrations.creditCode,
  regionCode: organisations.regionCode,
  regionName: regions.name,
  industryDivision: enterpriseRegistrations.industryDivision,
  contactName: enterpriseRegistrations.contactName,
  userId: enterpriseRegistrations.userId,
  state: enterpriseRegistrations.state,
  reason: enterpriseRegistrations.reason,
  createdAt: enterpriseRegistrations.createdAt,
};
export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>[number];

export async function listRegistrations(db: DbOrTx, actor: Actor) {
  return db
    .select(columns)
    .from(enterpriseRegistrations)
    .innerJoin(organisations, eq(organisations.id, enterpriseRegistrations.organisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(reviewable(actor))
    .orderBy(desc(enterpriseRegistrations.createdAt));
}

export async function findRegistration(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(columns)
    .from(enterpriseRegistrations)
    .innerJoin(organisations, eq(organisations.id, enterpriseRegistrations.organisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(enterpriseRegistrations.id, id), reviewable(actor)))
    .for('update', { of: enterpriseRegistrations });
  return row;
}

export async function decideRegistrationRow(
  db: DbOrTx,
  id: string,
  patch: Pick<typeof enterpriseRegistrations.$inferInsert, 'state' | 'reason' | 'decidedBy'>,
) {
  await db
    .update(enterpriseRegistrations)
    .set({ ...patch, decidedAt: new Date() })
    .where(eq(enterpriseRegistrations.id, id));
}
