import { describe, expect, it } from 'vitest';
import { normalisePlanText } from './normalise.ts';
import { parsePlan } from './parse-plan.ts';
import { planContent } from './test-support/compare.ts';
import { noisyVariant } from './test-support/noisy-text.ts';
import { regions, SEED_FILES, type SeedName, seedText } from './test-support/seeds.ts';

const HEADERS: Record<SeedName, string> = {
  national: '国务院办公厅文件',
  jilinZhejiang: '吉林省与浙江省对口合作实施方案',
  liaoningJiangsu: '辽宁省与江苏省对口合作实施方案',
};

describe.each(Object.keys(SEED_FILES) as SeedName[])('noisy variants of %s', (name) => {
  const clean = planContent(parsePlan(seedText(name), { regions: regions() }));

  // Line widths as PDFs of other page sizes give them: narrow columns, A4, and one paragraph per line (Word, web).
  const bands: [string, number, number][] = [
    ['narrow', 14, 20],
    ['A4', 18, 40],
    ['unwrapped', 200, 300],
  ];
  const cases = bands.flatMap(([band, minWidth, maxWidth]) =>
    [1, 2, 3, 4, 5].map((seed) => ({ band, minWidth, maxWidth, seed })),
  );

  it.each(cases)('$band lines, seed $seed: same plan', ({ minWidth, maxWidth, seed }) => {
    const noisy = noisyVariant(seedText(name), {
      seed,
      minWidth,
      maxWidth,
      runningHeader: HEADERS[name],
      pageLines: 15 + seed * 3,
    });
    const parsed = parsePlan(noisy, { regions: regions() });
    expect(planContent(parsed)).toEqual(clean);
  });

  it('is really noisy: narrow lines, page numbers, stray words, full-width numbers', () => {
    const noisy = noisyVariant(seedText(name), { seed: 3, minWidth: 18, maxWidth: 24, runningHeader: HEADERS[name] });
    const n = normalisePlanText(noisy);
    expect(n.removed.filter((r) => r.reason === 'page-number').length).toBeGreaterThan(5);
    expect(n.removed.filter((r) => r.reason === 'running-header').length).toBeGreaterThan(5);
    expect(noisy).toMatch(/[１-９]．|﹒/);
    expect(noisy).toMatch(/ and /);
    expect(planContent(parsePlan(noisy, { regions: regions() }))).toEqual(clean);
  });
});
