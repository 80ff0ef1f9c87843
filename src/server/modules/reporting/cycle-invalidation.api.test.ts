import { beforeAll, describe, expect, it } from 'vitest';
import { PAIRING_OWNED_TABLES, dataVersionOf } from '../../db/data-version.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { expectKeptOutsideFreshInside, keptAnswers } from '../../testing/kept-answers.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import { assignTask, createCycle, taskByCode } from './test-support/reporting-api.ts';

/**
 * A new reporting period is its pairing's (cycles.service.ts createCycle, writingFor): the report lists of readers
 * who do not see the pairing stay cached, and those who do see its reports at once.
 */
describe.each(testEngines())('cached report lists when a period opens on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    office = await s.as(s.f.users.jilin);
    await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '30')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
    ]);
  });

  it("keeps other pairings' report lists, and shows the new period's reports to those who see its pairing", async () => {
    // 辽宁's office sees another pairing; 长春's only a sub-pair of 吉林省—浙江省, not the pairing itself.
    const outside = { liaoning: await s.as(s.f.users.liaoning), changchun: await s.as(s.f.users.changchun) };
    const inside = { jilin: office, unit: await s.as(s.f.users.jilinUnit), national: await s.as(s.f.users.national) };
    const url = '/api/reports?pageSize=100';
    const kept = await keptAnswers({ ...outside, ...inside }, url);
    const cycle = await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang });
    await expectKeptOutsideFreshInside(url, kept, { outside, inside }, { id: cycle.id, idOf: (r) => r.cycleId });
    // What the outside readers kept is what the database says.
    dataVersionOf(s.t.database.db)!.bump(new Map([...PAIRING_OWNED_TABLES].map((t) => [t, null])));
    for (const [name, c] of Object.entries(outside)) {
      const res = await c.get(url);
      expect(res.headers['x-cache'], name).toBeUndefined();
      expect(res.body, name).toBe(kept.get(name));
    }
  });
});
