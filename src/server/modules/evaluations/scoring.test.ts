import { describe, expect, it } from 'vitest';
import { gradeOf, indicatorScore, ranks, weightedScore } from './scoring.ts';

describe('evaluation scoring', () => {
  it('scores linearly to the target, capped at 100, either direction', () => {
    expect(indicatorScore({ kind: 'linear' }, 'higher', 45, 60)).toBe(75);
    expect(indicatorScore({ kind: 'linear' }, 'higher', 90, 60)).toBe(100);
    expect(indicatorScore({ kind: 'linear' }, 'lower', 4, 2)).toBe(50);
    expect(indicatorScore({ kind: 'linear' }, 'lower', 1, 2)).toBe(100);
    expect(indicatorScore({ kind: 'linear' }, 'higher', null, 60)).toBe(0);
    expect(indicatorScore({ kind: 'linear' }, 'higher', 10, null)).toBeNull();
  });

  it('takes the best threshold step reached, and yes/no by presence', () => {
    const rule = {
      kind: 'thresholds' as const,
      steps: [
        { bound: 50, score: 60 },
        { bound: 80, score: 100 },
      ],
    };
    expect(indicatorScore(rule, 'higher', 85, null)).toBe(100);
    expect(indicatorScore(rule, 'higher', 60, null)).toBe(60);
    expect(indicatorScore(rule, 'higher', 10, null)).toBe(0);
    expect(indicatorScore(rule, 'lower', 60, null)).toBe(100);
    expect(indicatorScore({ kind: 'yes_no' }, 'higher', 3, null)).toBe(100);
    expect(indicatorScore({ kind: 'yes_no' }, 'higher', 0, null)).toBe(0);
    expect(indicatorScore({ kind: 'yes_no' }, 'lower', 0, null)).toBe(100);
  });

  it('weights scored indicators only, grades by the scale and ranks ties alike', () => {
    expect(
      weightedScore([
        { weight: 3, score: 100 },
        { weight: 1, score: 60 },
        { weight: 5, score: null },
      ]),
    ).toBe(90);
    expect(weightedScore([{ weight: 1, score: null }])).toBeNull();
    const scale = [
      { grade: '好', min: 90 },
      { grade: '较好', min: 75 },
      { grade: '一般', min: 60 },
      { grade: '较差', min: 0 },
    ];
    expect([95, 90, 80, 60, 10].map((s) => gradeOf(scale, s))).toEqual(['好', '好', '较好', '一般', '较差']);
    expect(
      Object.fromEntries(
        ranks(
          new Map([
            ['x', 80],
            ['y', 95],
            ['z', 80],
            ['w', 50],
            ['n', null],
          ]),
        ),
      ),
    ).toEqual({ y: 1, x: 2, z: 2, w: 4 });
  });
});
