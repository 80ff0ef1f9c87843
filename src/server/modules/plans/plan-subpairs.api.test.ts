import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { PlanPreview } from '../../../common/api/plans.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { CORPUS_DIR } from './parser/test-support/corpus.ts';
import { confirmBody, uploadPlan } from './test-support/plan-api.ts';

const PLAN = fs.readFileSync(path.join(CORPUS_DIR, 'liaoning-jiangsu-2026.txt'));
const pairNamed = (p: PlanPreview, name: string) => p.subPairs.find((x) => x.name === name)!;

/** Issue 15: sub-pairs found in a plan never seen, checked in the preview and created on confirmation. */
describe.each(testEngines())('plan sub-pairs on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('lists each found sub-pair with its clause, reports ambiguous names, creates the accepted and corrected ones under the pairing, audited, and never twice', async () => {
    const c = await s.as(s.f.users.liaoning);
    const res = await uploadPlan(s.t, c, '辽宁江苏2026年工作要点.txt', PLAN, 'text/plain');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const p = res.json() as PlanPreview;
    expect(p.pairing?.id).toBe(s.f.pairings.liaoningJiangsu);

    const listed = pairNamed(p, '铁东区—铜山区');
    expect(listed).toMatchObject({ sideA: ['210302'], sideB: ['320312'], resolved: true, exists: false });
    expect(listed.clause).toContain('推动鞍山市铁东区与徐州市铜山区、铁西区与鼓楼区、千山区与贾汪区开展县区结对');

    const ambiguous = p.subPairs.find((x) => !x.resolved)!;
    expect(ambiguous.clause).toBe('支持铁西区与鼓楼区开展老工业基地转型经验交流');
    expect(ambiguous.a[0]!.candidates?.map((x) => x.name)).toEqual(['沈阳市铁西区', '鞍山市铁西区']);
    expect(ambiguous.b[0]!.candidates?.map((x) => x.code)).toEqual(['320106', '320302']);
    expect(ambiguous.sideA).toEqual([]);

    const accepted = [
      { sideA: listed.sideA, sideB: listed.sideB, line: listed.line, quote: listed.quote },
      // Corrected: the office says which 铁西区 and which 鼓楼区 the plan means.
      { sideA: ['210106'], sideB: ['320106'], line: ambiguous.line, quote: ambiguous.quote },
    ];
    const ok = await c.post('/api/plans', confirmBody(p, { kind: 'implementation', subPairs: accepted }));
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(201);
    const ids = ok.json().subPairIds as string[];
    expect(ids).toHaveLength(2);
    for (const [i, id] of ids.entries()) {
      const sub = (await c.get(`/api/pairings/${id}`)).json();
      expect(sub.parent.id).toBe(s.f.pairings.liaoningJiangsu);
      expect(sub.sideA.map((r: { code: string }) => r.code)).toEqual(accepted[i]!.sideA);
      expect(sub.source).toMatchObject({ quote: accepted[i]!.quote });
    }
    const audit = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'pairing.create' AND object_id IN (${ids[0]}, ${ids[1]})`,
    );
    expect(audit.rows[0]!.n).toBe(2);

    // Importing the same file again: both show as existing, the corrected one too, and cannot be created twice.
    const again = (await uploadPlan(s.t, c, '辽宁江苏2026年工作要点.txt', PLAN, 'text/plain')).json() as PlanPreview;
    expect(pairNamed(again, '铁东区—铜山区').exists).toBe(true);
    expect(again.subPairs.find((x) => !x.resolved)).toMatchObject({
      exists: true,
      sideA: ['210106'],
      sideB: ['320106'],
    });
    const twice = await c.post('/api/plans', confirmBody(again, { kind: 'implementation', subPairs: [accepted[0]] }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details[0]).toMatchObject({ field: 'subPairs.0.sideB', code: 'duplicate_pairing' });
  });
});
