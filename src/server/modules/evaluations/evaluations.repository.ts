import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { rowsInPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { evaluationAwards, evaluationRounds, evaluationSubjects } from './evaluations.tables.ts';

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type SubjectRow = typeof evaluationSubjects.$inferSelect & { pairingName: string };
export type AwardRow = typeof evaluationAwards.$inferSelect;

/** A round is in an actor's sight when one of its subjects is (the national office sees every round). */
function roundInScope(actor: Actor): SQL | undefined {
  if (actor.scope.all) return undefined;
  if (!actor.scope.pairingIds.length) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM evaluation_subjects es WHERE es.round_id = "evaluation_rounds"."id"
    AND es.pairing_id = ANY(${sql.param([...actor.scope.pairingIds])}::uuid[]))`;
}
// Written out with the outer table's name: inside a one-table query drizzle leaves its columns unqualified.
const counts = {
  subjectCount: sql<number>`(SELECT count(*)::int FROM evaluation_subjects es WHERE es.round_id = "evaluation_rounds"."id")`,
  submittedCount: sql<number>`(SELECT count(*)::int FROM evaluation_subjects es WHERE es.round_id = "evaluation_rounds"."id" AND es.submitted_at IS NOT NULL)`,
};

export async function listRounds(db: DbOrTx, actor: Actor, opts: { publishedOnly?: boolean; limit?: number } = {}) {
  const q = db
    .select({ round: evaluationRounds, ...counts })
    .from(evaluationRounds)
    .where(and(roundInScope(actor), opts.publishedOnly ? eq(evaluationRounds.state, 'published') : undefined))
    .orderBy(desc(evaluationRounds.year), desc(evaluationRounds.createdAt));
  return opts.limit ? q.limit(opts.limit) : q;
}

export async function findRound(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ round: evaluationRounds, ...counts })
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.id, id), roundInScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update', { of: evaluationRounds }) : q);
  return row;
}

export async function insertRound(db: DbOrTx, values: typeof evaluationRounds.$inferInsert): Promise<string> {
  const [row] = await db.insert(evaluationRounds).values(values).returning({ id: evaluationRounds.id });
  return row!.id;
}

export async function updateRoundRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof evaluationRounds.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(evaluationRounds)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evaluationRounds.id, id), eq(evaluationRounds.version, version)))
    .returning({ id: evaluationRounds.id });
  return updated.length > 0;
}

export async function insertSubjects(db: DbOrTx, rows: (typeof evaluationSubjects.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(evaluationSubjects).values(rows);
}

/** The round's subjects with their pairing's name; `inScopeOnly` keeps the actor's own. */
export async function subjectsOf(
  db: DbOrTx,
  actor: Actor,
  roundId: string,
  inScopeOnly: boolean,
): Promise<SubjectRow[]> {
  const rows = await db
    .select({ s: evaluationSubjects, pairingName: pairings.name })
    .from(evaluationSubjects)
    .innerJoin(pairings, eq(pairings.id, evaluationSubjects.pairingId))
    .where(
      and(
        eq(evaluationSubjects.roundId, roundId),
        inScopeOnly ? rowsInPairingScope(actor, evaluationSubjects.pairingId) : undefined,
      ),
    )
    .orderBy(asc(pairings.name), asc(evaluationSubjects.side));
  return rows.map((r) => ({ ...r.s, pairingName: r.pairingName }));
}

/** A subject the actor can see (its pairing in scope), locked for a change when asked. */
export async function findSubject(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ s: evaluationSubjects, pairingName: pairings.name })
    .from(evaluationSubjects)
    .innerJoin(pairings, eq(pairings.id, evaluationSubjects.pairingId))
    .where(and(eq(evaluationSubjects.id, id), rowsInPairingScope(actor, evaluationSubjects.pairingId)));
  const [row] = await (opts.forUpdate ? q.for('update', { of: evaluationSubjects }) : q);
  return row ? { ...row.s, pairingName: row.pairingName } : undefined;
}

export async function updateSubjectRow(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof evaluationSubjects.$inferInsert>,
  version?: number,
): Promise<boolean> {
  const updated = await db
    .update(evaluationSubjects)
    .set({ ...patch, version: sql`${evaluationSubjects.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(evaluationSubjects.id, id), version === undefined ? undefined : eq(evaluationSubjects.version, version)),
    )
    .returning({ id: evaluationSubjects.id });
  return updated.length > 0;
}

/**
 * Scores, ranks and grades of many subjects in one statement (a round of a few hundred subjects is closed or
 * re-ranked at once); `frozen` and `score` are written only when given (closing).
 */
export async function saveResults(
  db: DbOrTx,
  rows: readonly { id: string; rank: number | null; grade: string | null; frozen?: unknown; score?: string | null }[],
): Promise<void> {
  if (!rows.length) return;
  const closing = rows[0]!.frozen !== undefined;
  const col = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
  await db.execute(sql`
    UPDATE evaluation_subjects s SET rank = v.rank, grade = v.grade,
      ${closing ? sql`frozen = v.frozen::jsonb, score = v.score::numeric,` : sql``}
      version = s.version + 1, updated_at = now()
    FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.rank)}::int[], ${col((r) => r.grade)}::text[],
      ${col((r) => (r.frozen === undefined ? null : JSON.stringify(r.frozen)))}::text[],
      ${col((r) => r.score ?? null)}::text[]) AS v(id, rank, grade, frozen, score)
    WHERE s.id = v.id`);
}

export async function awardsOf(db: DbOrTx, subjectIds: readonly string[]): Promise<AwardRow[]> {
  if (!subjectIds.length) return [];
  return db
    .select()
    .from(evaluationAwards)
    .where(inArray(evaluationAwards.subjectId, [...subjectIds]))
    .orderBy(asc(evaluationAwards.createdAt));
}

export async function insertAward(db: DbOrTx, values: typeof evaluationAwards.$inferInsert): Promise<string> {
  const [row] = await db.insert(evaluationAwards).values(values).returning({ id: evaluationAwards.id });
  return row!.id;
}

/** Pairings by id with their names, for checking a round's list (unknown ids are missing from the map). */
export async function pairingNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: pairings.id, name: pairings.name })
    .from(pairings)
    .where(inArray(pairings.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
