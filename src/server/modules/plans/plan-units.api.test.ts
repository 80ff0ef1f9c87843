import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildOrganisation } from '../../seed/builders.ts';
import type { PlanPreview } from '../../../common/api/plans.ts';
import { confirmBody, uploadPlan } from './test-support/plan-api.ts';

const DIVISION = `吉林省与浙江省对口合作重点任务分工方案

一、体制机制创新
1．复制推广浙江“最多跑一次”改革经验。（牵头单位：吉林省政务服务和数字化建设管理局；配合单位：浙江省大数据发展管理局）
2．举办浙商吉林行活动。（省商务厅（牵头）、省工商联）
`;

type PreviewTask = {
  code: string;
  units: { name: string; role: string; side: string | null; organisationId?: string | null }[];
};
const tasksOf = (p: PlanPreview) => (p.plan.sections as { tasks: PreviewTask[] }[]).flatMap((x) => x.tasks);

describe.each(testEngines())('units named in a plan on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('previews the units with their sides and registered organisations, and imports them onto the tasks', async () => {
    const orgId = await buildOrganisation(systemContext(s.t.deps), {
      name: '吉林省政务服务和数字化建设管理局',
      kind: 'lead_unit',
      regionCode: '220000',
    });
    const c = await s.as(s.f.users.jilin);
    const res = await uploadPlan(s.t, c, 'division.txt', Buffer.from(DIVISION), 'text/plain');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const preview = res.json() as PlanPreview;
    const [first, second] = tasksOf(preview);
    expect(first!.units).toEqual([
      expect.objectContaining({
        name: '吉林省政务服务和数字化建设管理局',
        role: 'lead',
        side: 'a',
        organisationId: orgId,
      }),
      expect.objectContaining({ name: '浙江省大数据发展管理局', role: 'co', side: 'b', organisationId: null }),
    ]);
    expect(second!.units.map((u) => [u.name, u.side])).toEqual([
      ['省商务厅', null],
      ['省工商联', null],
    ]);

    // A unit whose side nobody chose is refused by its field, and nothing is written.
    const before = (await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tasks`)).rows[0]!.n;
    const refused = await c.post('/api/plans', { ...confirmBody(preview), kind: 'division' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toContain(
      'sections.0.tasks.1.units.0.side',
    );
    expect((await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tasks`)).rows[0]!.n).toBe(
      before,
    );

    // The office chooses the side of the unnamed ones (the preview editor sends the tree back so).
    const sections = structuredClone(preview.plan.sections) as { tasks: PreviewTask[] }[];
    for (const u of sections[0]!.tasks[1]!.units) u.side = 'a';
    const done = await c.post('/api/plans', { ...confirmBody(preview), kind: 'division', sections });
    expect(done.statusCode, done.body.slice(0, 400)).toBe(201);
    const list = (await c.get(`/api/tasks?planId=${done.json().id}&pageSize=10`)).json();
    const units = list.items.map(
      (t: { units: { name: string; role: string; side: string; organisationId: string | null }[] }) =>
        t.units.map((u) => [u.name, u.role, u.side, u.organisationId]),
    );
    expect(units).toEqual([
      [
        ['吉林省政务服务和数字化建设管理局', 'lead', 'a', orgId],
        ['浙江省大数据发展管理局', 'co', 'b', null],
      ],
      [
        ['省商务厅', 'lead', 'a', null],
        ['省工商联', 'co', 'a', null],
      ],
    ]);
  });

  it('resolves the units of all tasks together: an organisation the office cannot see is refused on its task, the others are kept by id', async () => {
    const orgId = await buildOrganisation(systemContext(s.t.deps), {
      name: '吉林省工商业联合会',
      kind: 'lead_unit',
      regionCode: '220000',
    });
    const c = await s.as(s.f.users.jilin);
    const preview = (
      await uploadPlan(s.t, c, 'division.txt', Buffer.from(DIVISION), 'text/plain')
    ).json() as PlanPreview;
    const sections = structuredClone(preview.plan.sections) as { tasks: PreviewTask[] }[];
    for (const u of sections[0]!.tasks[1]!.units) u.side = 'a';
    sections[0]!.tasks[1]!.units[1]!.organisationId = s.f.users.liaoning.organisationId;
    const body = {
      ...confirmBody(preview),
      kind: 'division',
      title: '吉林省与浙江省对口合作配合单位分工方案',
      sections,
    };
    const refused = await c.post('/api/plans', body);
    expect(refused.statusCode, refused.body.slice(0, 400)).toBe(400);
    expect(refused.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['sections.0.tasks.1.units.1.organisationId', 'unknown_organisation'],
    ]);

    sections[0]!.tasks[1]!.units[1]!.organisationId = orgId;
    const done = await c.post('/api/plans', body);
    expect(done.statusCode, done.body.slice(0, 400)).toBe(201);
    const list = (await c.get(`/api/tasks?planId=${done.json().id}&pageSize=10`)).json();
    expect(
      list.items[1].units.map((u: { name: string; organisationId: string | null }) => [u.name, u.organisationId]),
    ).toEqual([
      ['省商务厅', null],
      ['省工商联', orgId],
    ]);
  });
});
