import { parsePercent, formatPercent, type Share } from '../../../common/money/share.ts';
import { yuan, fixedText } from '../../../common/money/money.ts';
import type { SharedFigure } from '../../../common/api/parks.ts';
import { fieldError, type ErrorDetail } from '../../http/app-error.ts';
import type { SharingAgreement, SharingTerm } from './sharing-agreement.ts';
import type { LedgerEntry } from './park-ledger.ts';
import type { parkLedgerEntries, sharingAgreements } from './parks.tables.ts';

/**
 * Agreements travel as percent text ("50", "33.3333") and are stored as ten-thousandths of a percent in text
 * (jsonb has no bigint); the domain works on bigint shares. These convert between the three.
 */
export type StoredTerm = { figures: SharedFigure[]; from: string; to: string | null; shares: Record<string, string> };

export function parseShares(
  shares: Record<string, string>,
  field: string,
  problems: ErrorDetail[],
): Record<string, Share> {
  const out: Record<string, Share> = {};
  for (const [k, v] of Object.entries(shares)) {
    const r = parsePercent(v);
    if (r.ok) out[k] = r.share;
    else problems.push(fieldError(`${field}.${k}`, r.error));
  }
  return out;
}

const storeShares = (s: Record<string, Share>) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.toString()]));
const loadShares = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, BigInt(v)]));
export const showShares = (s: Record<string, string>) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, formatPercent(BigInt(v))]));

export function storedAgreement(a: SharingAgreement) {
  return {
    parties: a.parties,
    terms: a.terms.map(
      (t): StoredTerm => ({ figures: t.figures, from: t.from, to: t.to, shares: storeShares(t.shares) }),
    ),
    costShares: a.costShares ? storeShares(a.costShares) : null,
  };
}

export function loadAgreement(row: typeof sharingAgreements.$inferSelect): SharingAgreement {
  return {
    parties: row.parties as SharingAgreement['parties'],
    startsOn: String(row.startsOn),
    endsOn: row.endsOn ? String(row.endsOn) : null,
    terms: (row.terms as StoredTerm[]).map(
      (t): SharingTerm => ({ figures: t.figures, from: t.from, to: t.to, shares: loadShares(t.shares) }),
    ),
    costShares: row.costShares ? loadShares(row.costShares as Record<string, string>) : null,
  };
}

export function loadEntry(row: typeof parkLedgerEntries.$inferSelect): LedgerEntry {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    figure: row.figure,
    period: { year: row.periodYear, month: row.periodMonth },
    amount: yuan(row.amountYuan),
    recordedAt: row.recordedAt.toISOString(),
    supersedesId: row.supersedesId,
  };
}

export const yuanText = (fen: bigint) => fixedText(fen, 2);
