import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkStatus } from '../../../common/api/dashboard-work.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import { assignTask, createCycle, taskByCode } from '../reporting/test-support/reporting-api.ts';

/** The dashboard's state of the work in a year: task lights per pairing and who has not reported yet. */
describe.each(testEngines())('dashboard work status on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const year = Number(chinaToday().slice(0, 4));

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    const office = await s.as(s.f.users.jilin);
    const t12 = await taskByCode(s, plans.jilinZhejiang, '12');
    const t13 = await taskByCode(s, plans.jilinZhejiang, '13');
    await assignTask(office, t12.id, [{ organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' }]);
    await s.t.database.db.execute(
      sql`UPDATE tasks SET deadline = ${`${year}-12-31`}::date WHERE id IN (${t12.id}, ${t13.id})`,
    );
    await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang, frequency: 'yearly', year, period: 1 });
  });

  it("shows the year's tasks by light per pairing and who has not reported in its open periods", async () => {
    const office = await s.as(s.f.users.jilin);
    const w = (await office.get('/api/dashboard/work-status')).json() as WorkStatus;
    expect(w.year).toBe(year);
    const jz = w.pairings.find((p) => p.pairingId === s.f.pairings.jilinZhejiang)!;
    // The two tasks due this year: 12 with a unit, 13 without (grey, counted as unassigned).
    expect(Object.values(jz.lights).reduce((a, b) => a + b, 0)).toBe(2);
    expect(jz.unassigned).toBe(1);
    expect(w.reporting).toEqual([
      expect.objectContaining({
        pairingName: '吉林省—浙江省',
        periodLabel: `${year}年度`,
        total: 1,
        unreported: 1,
        units: ['jilin-unit 单位'],
      }),
    ]);
  });

  it('filters by year and stays within the scope', async () => {
    const office = await s.as(s.f.users.jilin);
    const past = (await office.get('/api/dashboard/work-status?year=2020')).json() as WorkStatus;
    expect(past).toEqual({ year: 2020, pairings: [], reporting: [] });
    const ln = (await (await s.as(s.f.users.liaoning)).get('/api/dashboard/work-status')).json() as WorkStatus;
    expect(ln.reporting).toEqual([]);
    expect(ln.pairings.map((p) => p.pairingId)).not.toContain(s.f.pairings.jilinZhejiang);
    expect((await office.get('/api/dashboard/work-status?year=abc')).statusCode).toBe(400);
  });

  it("narrows to one pairing's dashboard: the pairing with its sub-pairs, nothing of the others", async () => {
    const office = await s.as(s.f.users.jilin);
    const of = async (pairingId: string) =>
      (await office.get(`/api/dashboard/work-status?pairingId=${pairingId}`)).json() as WorkStatus;
    const jz = await of(s.f.pairings.jilinZhejiang);
    expect(jz.pairings.map((p) => p.pairingId)).toContain(s.f.pairings.jilinZhejiang);
    expect(jz.reporting.map((c) => c.pairingName)).toEqual(['吉林省—浙江省']);
    // A sub-pair's dashboard does not show its parent's tasks or periods.
    const sub = await of(s.f.pairings.jilinWenzhou);
    expect(sub.pairings.map((p) => p.pairingId)).not.toContain(s.f.pairings.jilinZhejiang);
    expect(sub.reporting).toEqual([]);
    // Another region's pairing: nothing (the rows stay in the office's scope).
    expect(await of(s.f.pairings.liaoningJiangsu)).toEqual({ year, pairings: [], reporting: [] });
    expect((await office.get('/api/dashboard/work-status?pairingId=x')).statusCode).toBe(400);
  });
});
