import { describe, expect, it } from 'vitest';
import { candidateQuery } from './listing-ranking.service.ts';
import { wordWeight } from './segmenter.ts';

const counts = (total: number, df: Record<string, number>) => ({ total, df: new Map(Object.entries(df)), at: 0 });

describe('the candidates of a ranking', () => {
  const words = ['吉林大米', '长春', '供应'];

  it('take a word few listings hold alone, and common ones only in pairs', () => {
    const q = candidateQuery(words, wordWeight, counts(200_000, { 吉林大米: 40, 长春: 30_000, 供应: 9_000 }));
    expect(q.split(' | ')).toContain('吉林大米');
    expect(q.split(' | ')).not.toContain('供应');
  });

  it('ask for the strongest two together when every word is common', () => {
    const q = candidateQuery(words, wordWeight, counts(200_000, { 吉林大米: 20_000, 长春: 30_000, 供应: 90_000 }));
    expect(q).toMatch(/^\S+ & \S+$/);
  });

  it('tell rare words by jieba’s idf while the table’s own counts are not known yet (no one waits for them)', () => {
    const q = candidateQuery(words, wordWeight, undefined);
    // 吉林大米 is the domain's own term (unseen by jieba's corpus, so rare); 供应 is an everyday word.
    expect(wordWeight('吉林大米')).toBeGreaterThanOrEqual(7);
    expect(wordWeight('供应')).toBeLessThan(7);
    expect(q.split(' | ')).toContain('吉林大米');
    expect(q.split(' | ')).not.toContain('供应');
  });
});
