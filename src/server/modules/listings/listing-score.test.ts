import { describe, expect, it } from 'vitest';
import { type Candidate, MATCH_WEIGHTS, scoreCandidate } from './listing-score.ts';

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  id: 'a',
  rank: 0,
  similarity: 0,
  terms: '',
  industryDivision: null,
  category: 'product',
  regionCode: '330100',
  ageSeconds: 0,
  ...over,
});

describe('the full score of a ranking candidate', () => {
  const words = ['吉林大米', '吉林', '大米'];
  const weights = { 吉林大米: 11.7, 吉林: 7.7, 大米: 8.3 };

  it('counts the share of the query weight whose words the listing holds, and a little for ts_rank', () => {
    const whole = scoreCandidate({ words, weights, prefixes: [] }, candidate({ terms: '吉林大米 吉林 大米 供应' }));
    const place = scoreCandidate({ words, weights, prefixes: [] }, candidate({ terms: '吉林 人参' }));
    expect(whole.textPart).toBeCloseTo(0.85, 3);
    expect(place.textPart).toBeCloseTo(0.85 * Number((7.7 / 27.7).toFixed(4)), 6);
    // ts_rank r counts as r / (1 + r) (PostgreSQL's normalisation 32), times 4, at most 1, weighing 0.15.
    const ranked = scoreCandidate({ words, weights, prefixes: [] }, candidate({ terms: '吉林', rank: 0.1 }));
    expect(ranked.textPart - place.textPart).toBeCloseTo(0.15 * Math.min(1, (0.1 / 1.1) * 4), 6);
  });

  it('gives a typo its trigram similarity at 0.6, and a one-character query 0.5 when a stored word holds it', () => {
    const typo = scoreCandidate({ words: [], prefixes: [], fuzzy: '吉林大未' }, candidate({ similarity: 0.5 }));
    expect(typo).toMatchObject({ fuzzyPart: 0.3, textPart: 0.3 });
    const one = scoreCandidate({ words: [], prefixes: ['米'] }, candidate({ terms: '吉林大米 粳米' }));
    expect(one.textPart).toBe(0.5);
    expect(scoreCandidate({ words: [], prefixes: ['茶'] }, candidate({ terms: '吉林大米' })).textPart).toBe(0);
  });

  it('adds industry (大类 1, same 门类 0.5), category, counterpart region and freshness with their weights', () => {
    const r = {
      words: [],
      prefixes: [],
      industryDivision: '13',
      sectionDivisions: ['14', '15'],
      category: 'product' as const,
      counterpartPrefixes: ['33'],
    };
    const same = scoreCandidate(r, candidate({ industryDivision: '13' }));
    expect(same).toMatchObject({ industryPart: 1, categoryPart: 1, pairingPart: 1, freshnessPart: 1 });
    expect(same.score).toBeCloseTo(
      MATCH_WEIGHTS.industry + MATCH_WEIGHTS.category + MATCH_WEIGHTS.pairing + MATCH_WEIGHTS.freshness,
      9,
    );
    const old = scoreCandidate(
      r,
      candidate({ industryDivision: '14', category: 'land', regionCode: '220100', ageSeconds: 180 * 86_400 }),
    );
    expect(old).toMatchObject({ industryPart: 0.5, categoryPart: 0, pairingPart: 0 });
    expect(old.freshnessPart).toBeCloseTo(Math.exp(-1), 9);
    expect(scoreCandidate(r, candidate({ industryDivision: '51' })).industryPart).toBe(0);
  });
});
