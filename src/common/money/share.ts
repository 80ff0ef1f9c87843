import { fixedText, parseAmount, toHalfWidth } from './money.ts';

/**
 * A share of a whole (a party's part of shared tax, a side's part of construction costs), kept as an integer
 * count of ten-thousandths of a percent, so 100 % = 1 000 000 and 33.3333 % = 333 333. Agreements state shares
 * in percent with at most four decimals; anything finer is refused rather than rounded, so that the shares an
 * office typed are the shares the statement uses.
 */
export type Share = bigint;

export const SHARE_DECIMALS = 4;
export const WHOLE: Share = 100n * 10n ** BigInt(SHARE_DECIMALS);

export type ShareParse = { ok: true; share: Share } | { ok: false; error: 'invalid_share' | 'share_range' };

/** "50", "33.3333", "50%", "５０％" → ten-thousandths of a percent. */
export function parsePercent(input: string | number): ShareParse {
  const text =
    typeof input === 'number'
      ? input
      : toHalfWidth(input)
          .trim()
          .replace(/[%％]$/, '')
          .trim();
  const r = parseAmount(text, 10n ** BigInt(SHARE_DECIMALS));
  if (!r.ok) return { ok: false, error: 'invalid_share' };
  if (r.fen < 0n || r.fen > WHOLE) return { ok: false, error: 'share_range' };
  return { ok: true, share: r.fen };
}

/** The share as percent text with four decimals trimmed: 500000n → "50", 333333n → "33.3333". */
export function formatPercent(share: Share): string {
  return fixedText(share, SHARE_DECIMALS).replace(/\.?0+$/, '');
}

export function sharesComplete(shares: readonly Share[]): boolean {
  return shares.reduce((a, b) => a + b, 0n) === WHOLE;
}
