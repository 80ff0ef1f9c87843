import { type Figure, MEASURES, type Term } from '../../../common/api/indicators.ts';
import type { IndicatorType } from '../../../common/api/indicators.ts';
import type { TermRow } from './measures.repository.ts';

/** What a value is computed from: the indicator's formula. */
export interface Formula {
  type: IndicatorType;
  numerator: Term;
  denominator: Term | null;
  factor: string;
}

/** Where a figure sits: a pairing (null: the programme), a year, a side (null: both). */
export const figureKey = (pairingId: string | null, year: number, side: 'a' | 'b' | null) =>
  `${pairingId ?? '*'}|${year}|${side ?? '*'}`;

export const termKey = (t: Term) => JSON.stringify([t.measure, t.filters]);

/** Term sums as `termKey → figureKey → sum`. */
export function sumsByTerm(rows: readonly TermRow[]): Map<string, Map<string, string>> {
  const sums = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const byPlace = sums.get(r.term) ?? new Map<string, string>();
    byPlace.set(figureKey(r.pairingId, r.year, r.side), r.value);
    sums.set(r.term, byPlace);
  }
  return sums;
}

/** Whether a term has per-side values: its measure knows the side, or its filter fixes one. */
export function termHasSides(t: Term): boolean {
  return MEASURES[t.measure].sided || t.filters.side !== undefined;
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/**
 * An indicator's figure from the sums of its terms at one place: count and sum take the numerator (times the
 * factor); ratio and average divide the **sums** (a ratio of a pair is its sub-pairs' numerators over their
 * denominators, never the average of their ratios). A zero denominator gives no value rather than a false 0.
 */
export function combine(f: Formula, numerator: string | undefined, denominator: string | undefined): Figure {
  const n = numerator ?? '0';
  const factor = Number(f.factor);
  if (f.type === 'count' || f.type === 'sum' || !f.denominator) {
    return { value: round(Number(n) * factor), numerator: n, denominator: null };
  }
  const d = denominator ?? '0';
  return { value: Number(d) === 0 ? null : round((Number(n) / Number(d)) * factor), numerator: n, denominator: d };
}

/** The figure of a formula at a place, or null for a side where the formula has none. */
export function figureAt(
  f: Formula,
  sums: ReadonlyMap<string, ReadonlyMap<string, string>>,
  pairingId: string | null,
  year: number,
  side: 'a' | 'b' | null,
): Figure | null {
  if (side && !(termHasSides(f.numerator) && (!f.denominator || termHasSides(f.denominator)))) return null;
  const at = (t: Term) => {
    // A term fixed to one side has nothing on the other side.
    if (side && t.filters.side && t.filters.side !== side) return '0';
    return sums.get(termKey(t))?.get(figureKey(pairingId, year, MEASURES[t.measure].sided ? side : null));
  };
  return combine(f, at(f.numerator), f.denominator ? at(f.denominator) : undefined);
}
