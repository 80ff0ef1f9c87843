import { describe, it, expect } from 'vitest';
import { RunningFigures } from './project-stats.ts';
import type { PieceRow, StatsGroupBy, StatsPiece } from './project-stats.repository.ts';

const SIDES = { sideA: '东北地区一方', sideB: '东部一方' } as never;
const DIMS = ['side', 'industry', 'year', 'stage', 'parks', 'events'] as const;
const KEYS: Record<PieceRow['dim'], string[]> = {
  side: ['a', 'b'],
  industry: ['', 'A', 'C', 'R'],
  year: ['', '2023', '2024'],
  stage: ['planning', 'signed', 'started', 'producing', 'stopped'],
  parks: [''],
  events: [''],
};

/** A seeded pairing's piece: some rows of each dimension, demo or not, with counts and fen that fit the figures. */
function pieceOf(rand: () => number, pairingId: string, name: string): StatsPiece {
  const rows: PieceRow[] = [];
  for (const dim of DIMS)
    for (const key of KEYS[dim])
      for (const demo of [false, true]) {
        if (rand() < 0.4) continue;
        const all = Math.floor(rand() * 20);
        const reached = [all];
        if (dim !== 'parks' && dim !== 'events')
          for (let i = 1; i < 5; i++) reached.push(Math.floor(reached[i - 1]! * rand()));
        const fen = () => BigInt(Math.floor(rand() * 1e9)) * 10_000n + BigInt(Math.floor(rand() * 10_000));
        rows.push({
          dim,
          demo,
          key,
          reached,
          landmark: Math.floor(all * rand()),
          signed: fen(),
          arrived: fen(),
          planned: fen(),
          completed: fen(),
        });
      }
  return { pairingId, name, rows };
}

describe('running figures', () => {
  it('equal the figures summed afresh after pieces change, leave, come and are renamed', () => {
    let seed = 20261207;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    for (const groupBy of ['pairing', 'side', 'industry', 'year'] as StatsGroupBy[])
      for (const demo of [undefined, true, false]) {
        const running = new RunningFigures(groupBy, demo);
        let pieces = Array.from({ length: 30 }, (_, i) => pieceOf(rand, id(i), `结对${i}`));
        for (let step = 0; step < 40; step++) {
          expect(running.update(pieces).figures(SIDES), `${groupBy} ${demo} ${step}`).toEqual(
            new RunningFigures(groupBy, demo).update(pieces).figures(SIDES),
          );
          pieces = pieces.slice();
          const at = Math.floor(rand() * pieces.length);
          const what = rand();
          // One pairing's rows read again (the common case), a pairing renamed, one gone, one new in the middle.
          if (what < 0.6) pieces[at] = pieceOf(rand, pieces[at]!.pairingId, pieces[at]!.name);
          else if (what < 0.7) pieces[at] = { ...pieces[at]!, name: `${pieces[at]!.name}（改）` };
          else if (what < 0.85) pieces.splice(at, 1);
          else pieces.splice(at, 0, pieceOf(rand, id(100 + step), `新结对${step}`));
        }
        // Back to none: every sum is zero again, no group shown.
        expect(running.update([]).figures(SIDES)).toEqual(new RunningFigures(groupBy, demo).update([]).figures(SIDES));
      }
  });
});
