import { describe, expect, it } from 'vitest';
import { systemContext } from '../../http/system-actor.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { labelledSet, measureQuality, ndcgAt, recallAt } from './search-quality.ts';

describe('quality measures', () => {
  it('nDCG@10 is 1 for the ideal order, less when a relevant listing comes later; Recall@20 counts graded ones', () => {
    const relevant = { A: 3, B: 1 };
    expect(ndcgAt(10, ['A', 'B'], relevant)).toBe(1);
    expect(ndcgAt(10, ['B', 'A'], relevant)).toBeLessThan(1);
    expect(ndcgAt(10, ['X', 'Y'], relevant)).toBe(0);
    expect(recallAt(20, ['X', 'B'], relevant)).toBe(0.5);
  });
  it('the labelled set has at least 30 queries, each grading listings of the corpus', () => {
    const { corpus, queries } = labelledSet();
    const refs = new Set(
      corpus
        .toString('utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    );
    expect(queries.length).toBeGreaterThanOrEqual(30);
    for (const q of queries) for (const ref of Object.keys(q.relevant)) expect(refs, `${q.id} ${ref}`).toContain(ref);
  });
});

describe.each(testEngines())(
  'search quality on the labelled set on %s',
  (engine) => {
    const s = useProgrammeApp(engine);
    it('the engine ranks better than character-bigram overlap (nDCG@10 and Recall@20)', async () => {
      const f = await measureQuality(systemContext(s.t.deps));
      expect(f.engine.ndcg10).toBeGreaterThan(f.baseline.ndcg10);
      expect(f.engine.recall20).toBeGreaterThan(f.baseline.recall20);
    });
  },
  600_000,
);
