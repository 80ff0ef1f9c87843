import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { events, eventAgreements } from './events.tables.ts';

/** Events of the pairings in the actor's scope; every query below goes through it. */
export const eventScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, events.pairingId);

const summaryColumns = {
  id: events.id,
  pairingId: events.pairingId,
  pairingName: pairings.name,
  kind: events.kind,
  title: events.title,
  startsOn: events.startsOn,
  endsOn: events.endsOn,
  place: events.place,
  enterpriseCount: events.enterpriseCount,
  agreementCount: sql<number>`(SELECT count(*)::int FROM event_agreements a WHERE a.event_id = ${events.id})`,
  agreedAmount: sql<string>`(SELECT coalesce(sum(a.amount_wan), 0)::text FROM event_agreements a WHERE a.event_id = ${events.id})`,
  isDemo: events.isDemo,
};

const summaryQuery = (db: DbOrTx) =>
  db.select(summaryColumns).from(events).innerJoin(pairings, eq(pairings.id, events.pairingId));
export type EventSummaryRow = Awaited<ReturnType<typeof summaryQuery>>[number];

export async function listEvents(
  db: DbOrTx,
  actor: Actor,
  f: { pairingId?: string; kind?: string; year?: number; demo?: boolean },
  page: number,
  pageSize: number,
) {
  const where = and(
    eventScope(actor),
    f.pairingId ? eq(events.pairingId, f.pairingId) : undefined,
    f.kind ? eq(events.kind, f.kind as never) : undefined,
    f.year ? sql`extract(year from ${events.startsOn}) = ${f.year}` : undefined,
    f.demo !== undefined ? eq(events.isDemo, f.demo) : undefined,
  );
  const [items, [total]] = await Promise.all([
    summaryQuery(db)
      .where(where)
      .orderBy(desc(events.startsOn), asc(events.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(events).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findEvent(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, id), eventScope(actor)));
  return row;
}

/** An event with its summary figures and its agreements, in two queries; undefined when out of scope. */
export async function findEventDetail(db: DbOrTx, actor: Actor, id: string) {
  const [[found], agreements] = await Promise.all([
    db
      .select({ summary: summaryColumns, row: events })
      .from(events)
      .innerJoin(pairings, eq(pairings.id, events.pairingId))
      .where(and(eq(events.id, id), eventScope(actor))),
    agreementsOf(db, id),
  ]);
  return found && { ...found, agreements };
}
export type EventDetailRows = NonNullable<Awaited<ReturnType<typeof findEventDetail>>>;

export async function insertEvent(db: DbOrTx, values: typeof events.$inferInsert): Promise<string> {
  const [row] = await db.insert(events).values(values).returning({ id: events.id });
  return row!.id;
}

/** Saves an edit over the version it was read at; false when someone saved in between. */
export async function updateEventRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof events.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(events)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(events.id, id), eq(events.version, version)))
    .returning({ id: events.id });
  return updated.length > 0;
}

export async function insertAgreement(db: DbOrTx, values: typeof eventAgreements.$inferInsert) {
  const [row] = await db.insert(eventAgreements).values(values).returning();
  return row!;
}

export async function linkAgreementToProject(db: DbOrTx, agreementId: string, projectId: string): Promise<void> {
  await db.update(eventAgreements).set({ projectId }).where(eq(eventAgreements.id, agreementId));
}

export async function agreementsOf(db: DbOrTx, eventId: string) {
  return db
    .select()
    .from(eventAgreements)
    .where(eq(eventAgreements.eventId, eventId))
    .orderBy(asc(eventAgreements.signedOn), asc(eventAgreements.createdAt));
}

export async function findAgreement(db: DbOrTx, eventId: string, id: string) {
  const [row] = await db
    .select()
    .from(eventAgreements)
    .where(and(eq(eventAgreements.id, id), eq(eventAgreements.eventId, eventId)));
  return row;
}
