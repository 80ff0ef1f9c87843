import { type AnyColumn, and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { pairingCondition } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { exchangeScope } from './exchanges.repository.ts';
import { exchanges, secondments, trainings } from './people.tables.ts';
import { secondmentScope } from './secondments.repository.ts';
import { trainingScope } from './trainings.repository.ts';

/** Counts only: no name, unit or number leaves these queries, so every role that follows a pairing may see them. */
export interface FigureFilter {
  pairingId?: string;
  year?: number;
}

const yearOf = (c: unknown) => sql<number>`extract(year from ${c})::int`;

export async function secondmentFigures(db: DbOrTx, actor: Actor, f: FigureFilter) {
  const year = yearOf(secondments.startsOn);
  return db
    .select({
      pairingId: secondments.pairingId,
      pairingName: pairings.name,
      year,
      direction: secondments.direction,
      count: sql<number>`count(*)::int`,
      inPost: sql<number>`(count(*) FILTER (WHERE ${secondments.status} = 'in_post'))::int`,
    })
    .from(secondments)
    .innerJoin(pairings, eq(pairings.id, secondments.pairingId))
    .where(
      and(
        secondmentScope(actor),
        pairingCondition(secondments.pairingId, f.pairingId, true),
        f.year ? sql`${year} = ${f.year}` : undefined,
      ),
    )
    .groupBy(secondments.pairingId, pairings.name, year, secondments.direction)
    .orderBy(pairings.name, year, secondments.direction);
}

export async function traineeFigures(db: DbOrTx, actor: Actor, f: FigureFilter) {
  const year = yearOf(trainings.startsOn);
  const sum = (c: AnyColumn) => sql<number>`sum(${c})::int`;
  return db
    .select({
      pairingId: trainings.pairingId,
      pairingName: pairings.name,
      year,
      trainings: sql<number>`count(*)::int`,
      officials: sum(trainings.officials),
      managers: sum(trainings.managers),
      professionals: sum(trainings.professionals),
      other: sum(trainings.other),
      sideA: sum(trainings.sideA),
      sideB: sum(trainings.sideB),
    })
    .from(trainings)
    .innerJoin(pairings, eq(pairings.id, trainings.pairingId))
    .where(
      and(
        trainingScope(actor),
        pairingCondition(trainings.pairingId, f.pairingId, true),
        f.year ? sql`${year} = ${f.year}` : undefined,
      ),
    )
    .groupBy(trainings.pairingId, pairings.name, year)
    .orderBy(pairings.name, year);
}

export async function exchangeFigures(db: DbOrTx, actor: Actor, f: FigureFilter) {
  const year = yearOf(exchanges.heldOn);
  return db
    .select({
      pairingId: exchanges.pairingId,
      pairingName: pairings.name,
      year,
      kind: exchanges.kind,
      count: sql<number>`count(*)::int`,
      participants: sql<number>`sum(${exchanges.participants})::int`,
    })
    .from(exchanges)
    .innerJoin(pairings, eq(pairings.id, exchanges.pairingId))
    .where(
      and(
        exchangeScope(actor),
        pairingCondition(exchanges.pairingId, f.pairingId, true),
        f.year ? sql`${year} = ${f.year}` : undefined,
      ),
    )
    .groupBy(exchanges.pairingId, pairings.name, year, exchanges.kind)
    .orderBy(pairings.name, year, exchanges.kind);
}
