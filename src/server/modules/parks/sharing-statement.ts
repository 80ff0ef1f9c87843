import { SHARED_FIGURES, TAX_FIGURES, type SharedFigure } from '../../../common/api/parks.ts';
import { allocate } from '../../../common/money/allocate.ts';
import type { Fen } from '../../../common/money/money.ts';
import type { Share } from '../../../common/money/share.ts';
import { periodEnd, periodStart } from '../../kernel/reporting-period.ts';
import { entriesAsOf, type LedgerEntry } from './park-ledger.ts';
import { termFor, weightsOf, type SharingAgreement } from './sharing-agreement.ts';

/**
 * The statement of what each party is owed for one year, computed from the ledger as it stood at `asOf`.
 *
 * Rounding rule: for each figure, the year's entries are summed exactly per term of the agreement (so the
 * shares in force apply to each part of the year), and each such sum is split among the parties once, by
 * largest remainder at the fen (common/money/allocate.ts). Hence every party's amount is exact to the fen and,
 * for every figure, the parties' amounts add up to the shared total.
 *
 * Entries the agreement does not cover (a figure it does not share, a period before it began) are reported as
 * not shared; an entry whose period crosses a change of shares is reported apart as unallocated, since no single
 * share applies to it (the ledger refuses such entries once the agreement is on file).
 */
export interface StatementGroup {
  termIndex: number;
  from: string;
  to: string | null;
  shares: Share[];
  base: Fen;
  parts: Fen[];
  entryCount: number;
}

export interface FigureStatement {
  figure: SharedFigure;
  total: Fen;
  shared: Fen;
  notShared: Fen;
  unallocated: Fen;
  /** Per party, in the agreement's party order. */
  parts: Fen[];
  groups: StatementGroup[];
}

export interface PartyStatement {
  key: string;
  name: string;
  byFigure: Record<SharedFigure, Fen>;
  /** Taxes add up to money owed; statistics (GDP, output) are counted, not added to taxes. */
  taxTotal: Fen;
}

export interface Statement {
  year: number;
  asOf: string;
  figures: FigureStatement[];
  parties: PartyStatement[];
  entryCount: number;
  /** Entries of this year that replaced an earlier entry by `asOf`. */
  correctionCount: number;
}

export function computeStatement(
  agreement: SharingAgreement,
  entries: readonly LedgerEntry[],
  year: number,
  asOf: string,
): Statement {
  const live = entriesAsOf(entries, asOf).filter((e) => e.period.year === year);
  const n = agreement.parties.length;
  const figures: FigureStatement[] = [];

  for (const figure of SHARED_FIGURES) {
    const mine = live.filter((e) => e.figure === figure);
    if (mine.length === 0) continue;
    const groups = new Map<number, { base: Fen; count: number }>();
    let total = 0n;
    let notShared = 0n;
    let unallocated = 0n;
    for (const e of mine) {
      total += e.amount;
      const t = termFor(agreement, figure, periodStart(e.period), periodEnd(e.period));
      if (!t.term) {
        if (t.reason === 'not_shared') notShared += e.amount;
        else unallocated += e.amount;
        continue;
      }
      const g = groups.get(t.index) ?? { base: 0n, count: 0 };
      g.base += e.amount;
      g.count += 1;
      groups.set(t.index, g);
    }
    const parts: Fen[] = new Array<Fen>(n).fill(0n);
    const groupRows: StatementGroup[] = [...groups.entries()]
      .sort(([a], [b]) => (agreement.terms[a]!.from < agreement.terms[b]!.from ? -1 : 1))
      .map(([index, g]) => {
        const term = agreement.terms[index]!;
        const weights = weightsOf(term, agreement.parties);
        const split = allocate(g.base, weights);
        split.forEach((x, i) => (parts[i] = parts[i]! + x));
        return {
          termIndex: index,
          from: term.from,
          to: term.to,
          shares: weights,
          base: g.base,
          parts: split,
          entryCount: g.count,
        };
      });
    figures.push({
      figure,
      total,
      shared: total - notShared - unallocated,
      notShared,
      unallocated,
      parts,
      groups: groupRows,
    });
  }

  const parties: PartyStatement[] = agreement.parties.map((p, i) => {
    const byFigure = Object.fromEntries(SHARED_FIGURES.map((f) => [f, 0n])) as Record<SharedFigure, Fen>;
    for (const f of figures) byFigure[f.figure] = f.parts[i]!;
    const taxTotal = TAX_FIGURES.reduce((s, f) => s + byFigure[f], 0n);
    return { key: p.key, name: p.name, byFigure, taxTotal };
  });

  const knownByAsOf = new Set(entries.filter((e) => e.recordedAt <= asOf).map((e) => e.id));
  const correctionCount = live.filter((e) => e.supersedesId && knownByAsOf.has(e.supersedesId)).length;
  return { year, asOf, figures, parties, entryCount: live.length, correctionCount };
}
