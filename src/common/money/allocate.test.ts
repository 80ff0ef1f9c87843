import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocate } from './allocate.ts';

describe('allocation by largest remainder at the fen', () => {
  it('splits evenly when it can', () => {
    expect(allocate(1000n, [50n, 50n])).toEqual([500n, 500n]);
    expect(allocate(1000n, [30n, 70n])).toEqual([300n, 700n]);
  });

  it('gives the leftover fen to the largest remainders, ties to the first party', () => {
    // 1 fen between two equal parties: the first listed gets it.
    expect(allocate(1n, [1n, 1n])).toEqual([1n, 0n]);
    // 100 fen in thirds: 33.33… each, one fen left, tie → first.
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // 200 fen in thirds: 66.66… each, two fen left → first two.
    expect(allocate(200n, [1n, 1n, 1n])).toEqual([67n, 67n, 66n]);
    // 10 fen at 15:35:50 → 1.5, 3.5, 5: remainders .5 .5 0 → first two get the fen? only one left: 1+3+5=9.
    expect(allocate(10n, [15n, 35n, 50n])).toEqual([2n, 3n, 5n]);
    // Larger remainder wins over order: 7 fen at 10:20:70 → 0.7, 1.4, 4.9 → floors 0,1,4 (5), left 2 → .9 and .7.
    expect(allocate(7n, [10n, 20n, 70n])).toEqual([1n, 1n, 5n]);
  });

  it('splits a negative total symmetrically', () => {
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it('gives nothing to a zero weight and refuses impossible weights', () => {
    expect(allocate(5n, [0n, 1n])).toEqual([0n, 5n]);
    expect(() => allocate(5n, [])).toThrow();
    expect(() => allocate(5n, [0n, 0n])).toThrow();
    expect(() => allocate(5n, [-1n, 2n])).toThrow();
  });

  const weights = fc
    .array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 8 })
    .filter((ws) => ws.some((w) => w > 0n));
  const totals = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

  it('property: the parts always add up to the total', () => {
    fc.assert(
      fc.property(totals, weights, (t, ws) => allocate(t, ws).reduce((a, b) => a + b, 0n) === t),
      { numRuns: 2000 },
    );
  });

  it('property: each part is within one fen of its exact share', () => {
    fc.assert(
      fc.property(totals, weights, (t, ws) => {
        const W = ws.reduce((a, b) => a + b, 0n);
        return allocate(t, ws).every((p, i) => {
          const diff = p * W - t * ws[i]!; // (part − exact) × W
          return diff > -W && diff < W;
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a larger weight never gets less, and negation is symmetric', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), weights, (t, ws) => {
        const parts = allocate(t, ws);
        const ordered = ws.every((wi, i) => ws.every((wj, j) => !(wi > wj) || parts[i]! >= parts[j]!));
        const neg = allocate(-t, ws).every((p, i) => p === -parts[i]!);
        return ordered && neg;
      }),
      { numRuns: 1000 },
    );
  });
});
