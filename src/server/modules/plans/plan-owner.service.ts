import type { AuthedContext } from '../../http/context.ts';
import { sidesKey } from '../pairings/pairing-sides.ts';
import { programmeForPlan } from '../programmes/programmes.service.ts';
import type { ParsedPlan } from './parser/types.ts';
import { candidatePairings, visiblePairingBySides } from './plan-pairing.repository.ts';
import { currentOfLineage } from './plans.repository.ts';
import { lineageKey } from './plan-tree.ts';

/** The visible pairing a plan's two sides name (in either order), when it names two that resolved to regions. */
export async function pairingOfSides(ctx: AuthedContext, sides: ParsedPlan['sides']) {
  const codes = sides.map((s) => s.code).filter((c): c is string => !!c);
  if (codes.length !== 2) return undefined;
  return visiblePairingBySides(ctx.db, ctx.actor, sidesKey([codes[0]!], [codes[1]!]));
}

/** Pairings to choose from for a plan whose sides named none: those naming one of its regions first. */
export async function pairingCandidates(ctx: AuthedContext, sides: ParsedPlan['sides'], limit?: number) {
  const codes = sides.map((s) => s.code).filter((c): c is string => !!c);
  return candidatePairings(ctx.db, ctx.actor, codes, limit);
}

/** The programme a plan belongs to: its pairing's, or for a national plan the one its document number names. */
export async function programmeOfPlan(
  ctx: AuthedContext,
  plan: Pick<ParsedPlan, 'docNo'>,
  pairing: { programmeId: string } | undefined,
) {
  return pairing ? { id: pairing.programmeId } : programmeForPlan(ctx, plan.docNo);
}

/** The current version of the plan with this title in the pairing (or programme), if one was imported. */
export async function currentVersion(
  ctx: AuthedContext,
  owner: { pairingId: string | null; programmeId: string; title: string },
) {
  return currentOfLineage(ctx.db, lineageKey(owner));
}
