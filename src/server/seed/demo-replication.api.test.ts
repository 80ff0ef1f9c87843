import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../http/system-actor.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { testEngines } from '../testing/test-engines.ts';
import { clearDemo } from './demo-data.ts';
import { fillDemoReplication } from './demo-replication.ts';

describe.each(testEngines())('demo replication records on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('registers demo practices at every stage and a demo published figure, all marked, and demo clear removes them', async () => {
    const ctx = systemContext(s.t.deps);
    const counts = await fillDemoReplication(
      ctx,
      s.f.pairings.jilinZhejiang,
      [
        { code: '220100', name: '长春市' },
        { code: '220200', name: '吉林市' },
      ],
      [{ code: '330100', name: '杭州市' }],
    );
    expect(counts).toEqual({ practices: 5, adoptions: 5, publishedFigures: 1 });
    const c = await s.as(s.f.users.jilin);
    const list = (await c.get(`/api/replication/practices?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
    expect(list.total).toBe(5);
    for (const p of list.items) {
      expect(p.isDemo).toBe(true);
      expect(p.title.startsWith('【演示】')).toBe(true);
    }
    const figures = (await c.get(`/api/replication/figures?pairingId=${s.f.pairings.jilinZhejiang}`)).json();
    expect(figures.totals).toMatchObject({ practices: 5, replicated: 3, institutionalised: 1, adoptions: 5 });
    expect(figures.totals.adoptionsAt).toEqual({ learning: 2, pilot: 1, rollout: 1, institutionalised: 1 });
    const published = (await c.get('/api/replication/published-figures')).json().items;
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ isDemo: true, value: '192', unit: '项' });
    expect(published[0].sourceTitle).toContain('演示');

    const removed = await clearDemo(ctx);
    expect(removed).toMatchObject({ practices: 5, publishedFigures: 1 });
    const left = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT (SELECT count(*) FROM replication_practices) + (SELECT count(*) FROM replication_adoptions)
        + (SELECT count(*) FROM replication_stages) + (SELECT count(*) FROM published_figures) AS n`,
    );
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
