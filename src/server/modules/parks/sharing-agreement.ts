import { fieldError, type ErrorDetail } from '../../http/app-error.ts';
import type { SharedFigure } from '../../../common/api/parks.ts';
import { WHOLE, formatPercent, type Share } from '../../../common/money/share.ts';

/**
 * A benefit-sharing agreement (利益共享 / 跨地区税收分成) of a co-built park: who the parties are, which figures
 * they share, and in which shares during which dates. Shares may change over time ("50:50 for the first five
 * years, then 30:70"): each change is a term of its own, and for any one figure terms never overlap.
 *
 * Parties are listed in the agreement's order. That order is part of the agreement: when a fen cannot be split,
 * it goes to the party listed first among those with equal claims (see common/money/allocate.ts).
 */
export interface SharingParty {
  key: string;
  name: string;
  regionCode?: string | null;
}

export interface SharingTerm {
  figures: SharedFigure[];
  /** ISO dates, both inclusive; `to` null = until the agreement ends. */
  from: string;
  to: string | null;
  /** Each party's share, in ten-thousandths of a percent (100 % = 1 000 000); a party left out has 0. */
  shares: Record<string, Share>;
}

export interface SharingAgreement {
  parties: SharingParty[];
  startsOn: string;
  endsOn: string | null;
  terms: SharingTerm[];
  /** How the parties share construction costs, if the agreement says. */
  costShares?: Record<string, Share> | null;
}

const FOREVER = '9999-12-31';

/** The term's last day, closed by the agreement's end when the term is open-ended. */
export function termEnd(term: SharingTerm, agreement: Pick<SharingAgreement, 'endsOn'>): string {
  return term.to ?? agreement.endsOn ?? FOREVER;
}

function checkShares(shares: Record<string, Share>, parties: SharingParty[], field: string): ErrorDetail[] {
  const keys = new Set(parties.map((p) => p.key));
  const problems: ErrorDetail[] = [];
  let total = 0n;
  for (const [key, share] of Object.entries(shares)) {
    if (!keys.has(key)) problems.push(fieldError(`${field}.${key}`, 'unknown_party', { key }));
    if (share < 0n || share > WHOLE) problems.push(fieldError(`${field}.${key}`, 'share_range'));
    total += share;
  }
  if (!problems.length && total !== WHOLE)
    problems.push(fieldError(field, 'shares_not_100', { total: formatPercent(total) }));
  return problems;
}

/** Every rule an agreement must meet; all problems at once, each naming its field. */
export function validateAgreement(a: SharingAgreement): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (a.parties.length < 2) problems.push(fieldError('parties', 'parties_min', { min: 2 }));
  const seen = new Set<string>();
  a.parties.forEach((p, i) => {
    if (seen.has(p.key) || seen.has(`name:${p.name}`)) problems.push(fieldError(`parties.${i}`, 'duplicate_party'));
    seen.add(p.key).add(`name:${p.name}`);
  });
  if (a.endsOn && a.endsOn < a.startsOn) problems.push(fieldError('endsOn', 'date_order'));
  if (a.terms.length === 0) problems.push(fieldError('terms', 'terms_required'));

  a.terms.forEach((t, i) => {
    const f = `terms.${i}`;
    if (t.figures.length === 0) problems.push(fieldError(`${f}.figures`, 'figures_required'));
    if (new Set(t.figures).size !== t.figures.length) problems.push(fieldError(`${f}.figures`, 'duplicate_figure'));
    if (t.to && t.to < t.from) problems.push(fieldError(`${f}.to`, 'date_order'));
    if (t.from < a.startsOn) problems.push(fieldError(`${f}.from`, 'term_outside_agreement', { startsOn: a.startsOn }));
    if (a.endsOn && termEnd(t, a) > a.endsOn)
      problems.push(fieldError(`${f}.to`, 'term_outside_agreement', { endsOn: a.endsOn }));
    problems.push(...checkShares(t.shares, a.parties, `${f}.shares`));
  });

  // For each figure, its terms sorted by start must each end before the next begins.
  const byFigure = new Map<SharedFigure, number[]>();
  a.terms.forEach((t, i) => t.figures.forEach((fig) => byFigure.set(fig, [...(byFigure.get(fig) ?? []), i])));
  const overlapping = new Set<number>();
  for (const [figure, idx] of byFigure) {
    const sorted = [...idx].sort((x, y) =>
      a.terms[x]!.from < a.terms[y]!.from ? -1 : a.terms[x]!.from > a.terms[y]!.from ? 1 : x - y,
    );
    for (let k = 1; k < sorted.length; k++) {
      const prev = a.terms[sorted[k - 1]!]!;
      const cur = sorted[k]!;
      if (a.terms[cur]!.from <= termEnd(prev, a) && !overlapping.has(cur)) {
        overlapping.add(cur);
        problems.push(fieldError(`terms.${cur}.from`, 'terms_overlap', { figure, other: sorted[k - 1]! + 1 }));
      }
    }
  }

  if (a.costShares) problems.push(...checkShares(a.costShares, a.parties, 'costShares'));
  return problems;
}

/** The term in force for `figure` over the whole of [from, to], or why there is none. */
export function termFor(
  a: SharingAgreement,
  figure: SharedFigure,
  from: string,
  to: string,
): { term: SharingTerm; index: number } | { term: null; reason: 'not_shared' | 'straddles_terms' } {
  let touched = false;
  for (let i = 0; i < a.terms.length; i++) {
    const t = a.terms[i]!;
    if (!t.figures.includes(figure)) continue;
    const end = termEnd(t, a);
    if (t.from <= from && to <= end) return { term: t, index: i };
    if (t.from <= to && from <= end) touched = true;
  }
  return { term: null, reason: touched ? 'straddles_terms' : 'not_shared' };
}

/** The weights for allocation, in the agreement's party order. */
export function weightsOf(term: SharingTerm, parties: readonly SharingParty[]): bigint[] {
  return parties.map((p) => term.shares[p.key] ?? 0n);
}
