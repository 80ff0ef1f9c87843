import { fieldError, type ErrorDetail } from '../../http/app-error.ts';
import type { SharedFigure } from '../../../common/api/parks.ts';
import type { Fen } from '../../../common/money/money.ts';
import { isValidPeriod, periodEnd, periodStart, samePeriod, type Period } from '../../kernel/reporting-period.ts';
import { termFor, type SharingAgreement } from './sharing-agreement.ts';

/**
 * The park's ledger of tax and output per settled enterprise and period. Entries are never edited: a correction
 * is a new entry that supersedes the one it corrects (same enterprise, figure and period) with the right amount;
 * a wrong entry is withdrawn by superseding it with 0. So the ledger as it stood at any moment can be rebuilt,
 * and a statement for a past year can be reproduced "as of" the date it was first drawn up.
 */
export interface LedgerEntry {
  id: string;
  enterpriseId: string;
  figure: SharedFigure;
  period: Period;
  /** Fen; for statistics (GDP, output) the same unit, 1/100 元. */
  amount: Fen;
  /** ISO timestamp of recording: what "as of" compares with. */
  recordedAt: string;
  supersedesId: string | null;
}

export type NewLedgerEntry = Omit<LedgerEntry, 'id' | 'recordedAt'>;

/**
 * The problems with a new entry, each naming its field: an enterprise not settled in the park, a bad or future
 * period, a negative amount, a correction that does not match what it corrects or corrects an entry already
 * corrected, and, when the park has an agreement, a period that crosses a change of shares (enter months then).
 */
export function checkLedgerEntry(
  entry: NewLedgerEntry,
  ctx: {
    parkEnterpriseIds: ReadonlySet<string>;
    existing: readonly LedgerEntry[];
    agreement?: SharingAgreement | null;
    today: string;
  },
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!ctx.parkEnterpriseIds.has(entry.enterpriseId))
    problems.push(fieldError('enterpriseId', 'enterprise_not_in_park'));
  if (!isValidPeriod(entry.period)) problems.push(fieldError('period', 'invalid_value'));
  else if (periodStart(entry.period) > ctx.today) problems.push(fieldError('period', 'period_in_future'));
  if (entry.amount < 0n) problems.push(fieldError('amount', 'negative_amount'));
  if (entry.supersedesId) {
    const target = ctx.existing.find((e) => e.id === entry.supersedesId);
    if (!target) problems.push(fieldError('supersedesId', 'unknown_entry'));
    else {
      if (
        target.enterpriseId !== entry.enterpriseId ||
        target.figure !== entry.figure ||
        !samePeriod(target.period, entry.period)
      ) {
        problems.push(fieldError('supersedesId', 'correction_mismatch'));
      }
      if (ctx.existing.some((e) => e.supersedesId === target.id))
        problems.push(fieldError('supersedesId', 'already_corrected'));
    }
  } else if (
    ctx.existing.some(
      (e) =>
        isLive(e, ctx.existing) &&
        e.enterpriseId === entry.enterpriseId &&
        e.figure === entry.figure &&
        samePeriod(e.period, entry.period),
    )
  ) {
    // A second figure for the same enterprise and period is almost always a mistyped correction.
    problems.push(fieldError('period', 'ledger_entry_exists'));
  }
  if (ctx.agreement && isValidPeriod(entry.period)) {
    const t = termFor(ctx.agreement, entry.figure, periodStart(entry.period), periodEnd(entry.period));
    if (!t.term && t.reason === 'straddles_terms') problems.push(fieldError('period', 'period_straddles_terms'));
  }
  return problems;
}

function isLive(e: LedgerEntry, all: readonly LedgerEntry[]): boolean {
  return !all.some((x) => x.supersedesId === e.id);
}

/** The entries in force as of `asOf` (inclusive): recorded by then and not superseded by then. */
export function entriesAsOf(entries: readonly LedgerEntry[], asOf: string): LedgerEntry[] {
  const known = entries.filter((e) => e.recordedAt <= asOf);
  const superseded = new Set(known.map((e) => e.supersedesId).filter((x): x is string => x !== null));
  return known.filter((e) => !superseded.has(e.id));
}

/** The park's agreement whose dates touch `year`: the one a ledger entry of that year is checked against. */
export function agreementInForce(agreements: readonly SharingAgreement[], year: number): SharingAgreement | null {
  return agreements.find((a) => a.startsOn <= `${year}-12-31` && (a.endsOn ?? '9999-12-31') >= `${year}-01-01`) ?? null;
}
