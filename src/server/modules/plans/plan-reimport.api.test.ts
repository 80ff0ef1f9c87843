import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { countStatements } from '../../testing/statement-counter.ts';
import type { PlanPreview } from '../../../common/api/plans.ts';
import { uploadPlan, confirmBody, seedPlanText, counts } from './test-support/plan-api.ts';

const original = () => seedPlanText('jilinZhejiang').toString('utf8');
/** A second version: task 5 reworded, task 40 added before the safeguard measures. */
const revised = () =>
  original()
    .replace('5．借鉴浙江省金融改革试点', '5．全面借鉴浙江省金融改革试点')
    .replace(
      '\n四、保障措施',
      '\n40．共建数字经济合作平台，推动两省数据要素流通和数字产业合作，每年联合举办数字经济对接活动1—2次。\n\n四、保障措施',
    );

describe.each(testEngines())('plan re-import on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('shows what a changed version changes, then makes it a new version keeping task ids, assignments and history', async () => {
    const c = await s.as(s.f.users.jilin);
    const v1 = (
      await c.post('/api/plans', confirmBody((await uploadPlan(s.t, c, 'v1.txt', Buffer.from(original()))).json()))
    ).json();
    const tasks1 = (await c.get(`/api/tasks?planId=${v1.id}&pageSize=100`)).json().items as {
      id: string;
      code: string;
      version: number;
    }[];
    const five = tasks1.find((t) => t.code === '5')!;
    const one = tasks1.find((t) => t.code === '1')!;
    const assigned = await c.patch(`/api/tasks/${five.id}`, {
      version: five.version,
      status: 'in_progress',
      deadline: '2030-12-31',
      units: [{ name: '吉林省地方金融监管局', side: 'a', role: 'lead' }],
    });
    expect(assigned.statusCode, assigned.body.slice(0, 300)).toBe(200);

    const preview = (await uploadPlan(s.t, c, 'v2.txt', Buffer.from(revised()))).json() as PlanPreview;
    expect(preview.existing).toMatchObject({ id: v1.id, versionNo: 1 });
    expect(preview.diff!.added.map((t) => t.code)).toEqual(['40']);
    expect(preview.diff!.removed).toEqual([]);
    expect(preview.diff!.changed.map((t) => t.code)).toEqual(['5']);
    expect(preview.diff!.changed[0]!.after.text).toMatch(/^全面借鉴/);
    expect(preview.diff!.unchanged).toBe(38);

    const v2 = await c.post('/api/plans', confirmBody(preview));
    expect(v2.statusCode, v2.body.slice(0, 300)).toBe(201);
    expect(v2.json()).toMatchObject({ versionNo: 2, taskCount: 40 });
    expect(v2.json().changes.changed.map((t: { code: string }) => t.code)).toEqual(['5']);
    const tasks2 = (await c.get(`/api/tasks?planId=${v2.json().id}&pageSize=100`)).json().items as {
      id: string;
      code: string;
    }[];
    expect(tasks2).toHaveLength(40);
    expect(tasks2.find((t) => t.code === '5')!.id).toBe(five.id);
    expect(tasks2.find((t) => t.code === '1')!.id).toBe(one.id);
    const detail = (await c.get(`/api/tasks/${five.id}`)).json();
    expect(detail).toMatchObject({ planId: v2.json().id, status: 'in_progress', deadline: '2030-12-31' });
    expect(detail.text).toMatch(/^全面借鉴/);
    expect(detail.units.map((u: { name: string }) => u.name)).toEqual(['吉林省地方金融监管局']);
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['imported', 'updated', 'reimported']);
    expect(detail.history[2].changes.text[0]).toMatch(/^借鉴/);

    // Only the current version is listed by default; both on request.
    const plans = (await c.get('/api/plans'))
      .json()
      .items.filter((p: { title: string }) => p.title === preview.plan.title);
    expect(plans.map((p: { versionNo: number }) => p.versionNo)).toEqual([2]);
    expect(
      (await c.get('/api/plans?all=true'))
        .json()
        .items.filter((p: { title: string }) => p.title === preview.plan.title),
    ).toHaveLength(2);
    const planDetail = (await c.get(`/api/plans/${v2.json().id}`)).json();
    expect(planDetail.versions.map((v: { versionNo: number; current: boolean }) => [v.versionNo, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(planDetail.supersedesId).toBe(v1.id);
    // The old version's page lists the same versions; the plan, its sections and versions are read in one statement
    // beside its tasks' (both name plan_sections: the sections and the tasks' section titles).
    const statements = countStatements(s.t.database.db, /plan_sections|lineage_key/);
    try {
      const old = (await c.get(`/api/plans/${v1.id}`)).json();
      expect(old.versions.map((v: { id: string }) => v.id)).toEqual(
        planDetail.versions.map((v: { id: string }) => v.id),
      );
      expect(old).toMatchObject({ versionNo: 1, current: false, supersedesId: null });
      expect(statements.count).toBe(2);
    } finally {
      statements.restore();
    }
  });

  it('keeps a task a new version drops on the old version, with its history, out of the current lists', async () => {
    const c = await s.as(s.f.users.jilin);
    const preview = (await uploadPlan(s.t, c, 'v3.txt', Buffer.from(original()))).json() as PlanPreview;
    expect(preview.diff!.removed.map((t) => t.code)).toEqual(['40']);
    const forty = (await c.get(`/api/tasks?planId=${preview.existing!.id}&q=数字经济合作平台`)).json().items[0];
    const v3 = await c.post('/api/plans', confirmBody(preview));
    expect(v3.json()).toMatchObject({ versionNo: 3, taskCount: 39 });
    expect((await c.get(`/api/tasks?pairingId=${s.f.pairings.jilinZhejiang}&q=数字经济合作平台`)).json().total).toBe(0);
    const kept = (await c.get(`/api/tasks/${forty.id}`)).json();
    expect(kept.planId).toBe(preview.existing!.id);
    expect(kept.history.map((h: { action: string }) => h.action)).toEqual(['reimported', 'removed']);
    const audit = await s.t.database.db.execute<{ action: string; details: { changes?: { removed: string[] } } }>(
      sql`SELECT action, details FROM audit_log WHERE object_id = ${v3.json().id}`,
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        action: 'plan.reimport',
        details: expect.objectContaining({ changes: { added: [], removed: ['40'], changed: ['5'] } }),
      }),
    ]);
  });

  it('writes nothing when the current version is confirmed again unchanged', async () => {
    const c = await s.as(s.f.users.jilin);
    const preview = (await uploadPlan(s.t, c, 'again.txt', Buffer.from(original()))).json() as PlanPreview;
    expect(preview.diff).toMatchObject({ added: [], removed: [], changed: [] });
    const before = await counts(s.t);
    const res = await c.post('/api/plans', confirmBody(preview));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: preview.existing!.id, versionNo: 3, unchanged: true });
    expect(await counts(s.t)).toEqual(before);
  });
});
