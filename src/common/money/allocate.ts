import type { Fen } from './money.ts';

/**
 * Splits `total` fen among parties in proportion to integer `weights`, so that the parts always add up to the
 * total exactly. Rounding rule (largest remainder at the fen, 最大余额法):
 *
 * 1. each party first gets ⌊total × wᵢ / W⌋ fen (W = Σ weights);
 * 2. the fen left over (fewer than the number of parties with a weight) go one each to the parties with the
 *    largest remainders (total × wᵢ mod W);
 * 3. equal remainders go to the party listed first, i.e. in the order of the agreement's parties, so the same
 *    input always gives the same statement.
 *
 * A negative total (a refund, a downward correction) is split as its absolute value and negated, so the rule is
 * the same in both directions. Every part is within one fen of its exact share. A party with weight 0 gets 0.
 */
export function allocate(total: Fen, weights: readonly bigint[]): Fen[] {
  if (weights.length === 0) throw new RangeError('no parties to allocate among');
  let W = 0n;
  for (const w of weights) {
    if (w < 0n) throw new RangeError('a weight cannot be negative');
    W += w;
  }
  if (W === 0n) throw new RangeError('the weights add up to zero');
  if (total < 0n) return allocate(-total, weights).map((x) => -x);

  const parts = weights.map((w) => (total * w) / W);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % W, w }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  // Largest remainder first; ties to the earlier party. `left` < number of parties with a non-zero remainder.
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i, w } of remainders) {
    if (left === 0n) break;
    if (w === 0n) continue;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}
