import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../repo-path.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { systemContext } from '../../http/system-actor.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { newProject } from '../projects/test-support/project-api.ts';

const example = () =>
  JSON.parse(fs.readFileSync(repoPath('resources/programmes/dongxi-xiezuo-2021.json'), 'utf8')) as {
    programme: Record<string, unknown>;
    pairings: { a: string[]; b: string[]; level: string; theme?: string | null; children?: unknown[] }[];
  };

describe.each(testEngines())('a programme loaded from a file on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const count = async (table: 'pairings' | 'programmes' | 'audit_log') =>
    Number(
      (await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))
        .rows[0]!.n,
    );

  it('loads the 东西部协作 example, then reloading it changes nothing', async () => {
    const c = await s.as(s.f.users.national);
    const res = await c.post('/api/programmes/load', example());
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ programmeName: '东西部协作', programmeCreated: true, unchanged: false });
    expect(report.added).toHaveLength(11);
    expect(report.added).toContain('江苏省—陕西省');
    expect(report.added).toContain('广东省—贵州省');

    const programmes = (await c.get('/api/programmes')).json().items;
    const dx = programmes.find((p: { name: string }) => p.name === '东西部协作');
    expect(dx).toMatchObject({
      sides: { a: { zh: '东部', en: 'Eastern side' }, b: { zh: '西部', en: 'Western side' } },
      periodFrom: '2021-01-01',
      periodTo: '2025-12-31',
      pairingCount: 11,
    });
    // The built-in programme keeps its own names.
    const ne = programmes.find((p: { docNo: string | null }) => p.docNo === '国办发〔2017〕22号');
    expect(ne.sides).toEqual({
      a: { zh: '东北地区', en: 'North-eastern side' },
      b: { zh: '东部地区', en: 'Eastern side' },
    });

    // The dashboard of that programme: its pairings only, with its side names for the map and the switcher.
    const dash = (await c.get(`/api/dashboard?programmeId=${dx.id}`)).json();
    expect(dash.programme.sides.b).toEqual({ zh: '西部', en: 'Western side' });
    expect(dash.programmes.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['东西部协作', ne.name]),
    );
    expect(dash.counts.pairings).toBe(11);
    expect(dash.pairings.map((p: { name: string }) => p.name)).not.toContain('吉林省—浙江省');
    const neDash = (await c.get('/api/dashboard')).json();
    expect(neDash.programme.id).toBe(ne.id);
    expect(neDash.counts.pairings).toBe(7);

    const pairingsBefore = await count('pairings');
    const auditBefore = await count('audit_log');
    const again = (await c.post('/api/programmes/load', example())).json();
    expect(again).toMatchObject({ unchanged: true, programmeCreated: false, added: [], updated: [] });
    expect(again.unchangedCount).toBe(11);
    expect(await count('pairings')).toBe(pairingsBefore);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('reports what a changed file changes', async () => {
    const c = await s.as(s.f.users.national);
    const file = example();
    file.programme.sides = { a: { zh: '东部', en: 'Eastern side' }, b: { zh: '西部', en: 'West' } };
    const js = file.pairings.find((p) => p.a[0] === '320000' && p.b[0] === '610000')!;
    js.children = [{ a: ['320500'], b: ['610700'], level: 'city' }];
    file.pairings.find((p) => p.a[0] === '440000' && p.b[0] === '450000')!.theme = '产业协作';
    file.pairings = file.pairings.filter((p) => !(p.a[0] === '350000'));
    const report = (await c.post('/api/programmes/load', file)).json();
    expect(report).toMatchObject({
      unchanged: false,
      programmeCreated: false,
      programmeChanges: ['sideBEn'],
      added: ['苏州市—汉中市'],
      updated: ['广东省—广西壮族自治区'],
      unchangedCount: 9,
      notInFile: ['福建省—宁夏回族自治区'],
    });
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${report.programmeId} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['programme.load', 'programme.load']);
  });

  it('refuses a bad file whole, naming each entry', async () => {
    const c = await s.as(s.f.users.national);
    const before = [await count('pairings'), await count('programmes')];
    const bad = {
      programme: {
        name: '测试规划',
        sides: { a: { zh: '支援方', en: 'Supporting side' }, b: { zh: '受援方', en: 'Supported side' } },
      },
      pairings: [
        { a: ['110000'], b: ['150000'], level: 'province' },
        { a: ['120000'], b: ['620000', '120000'], level: 'province' },
        { a: ['150000'], b: ['110000'], level: 'province' },
        {
          a: ['320000'],
          b: ['610000'],
          level: 'province',
          children: [
            { a: ['320500'], b: ['610700'], level: 'city' },
            { a: ['320500'], b: ['999999'], level: 'city' },
            { a: ['330100'], b: ['610100'], level: 'city' },
          ],
        },
      ],
    };
    const res = await c.post('/api/programmes/load', bad);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { field: string; code: string; message: string }[];
    const byField = Object.fromEntries(details.map((d) => [d.field, d.code]));
    expect(byField).toEqual({
      'pairings[1].b': 'sides_overlap',
      'pairings[2]': 'duplicate_in_file',
      'pairings[3].children[1].b[0]': 'unknown_region',
      'pairings[3].children[2].a[0]': 'outside_parent',
    });
    expect(details.find((d) => d.code === 'unknown_region')!.message).toMatch(/999999/);
    expect(details.find((d) => d.code === 'duplicate_in_file')!.message).toMatch(/pairings\[0\]/);
    expect([await count('pairings'), await count('programmes')]).toEqual(before);
  });

  it('refuses pairing offices; a national office of one programme sees none of another', async () => {
    const jilin = await s.as(s.f.users.jilin);
    expect((await jilin.post('/api/programmes/load', example())).statusCode).toBe(403);
    // A pairing office of 22号 does not see 东西部协作 among its programmes.
    expect((await jilin.get('/api/programmes')).json().items.map((p: { name: string }) => p.name)).not.toContain(
      '东西部协作',
    );

    const national = await s.as(s.f.users.national);
    const dx = (await national.get('/api/programmes'))
      .json()
      .items.find((p: { name: string }) => p.name === '东西部协作');
    const officer = await buildOrgUser(systemContext(s.t.deps), {
      username: 'dongxi-office',
      regionCode: '000000',
      roles: ['national_office'],
      kind: 'national_office',
      orgName: '东西部协作 国家工作机构',
    });
    const granted = await national.post(`/api/programmes/${dx.id}/grants`, { username: officer.username });
    expect(granted.json().items.map((g: { username: string }) => g.username)).toEqual(['dongxi-office']);
    expect((await national.post(`/api/programmes/${dx.id}/grants`, { username: 'jilin' })).statusCode).toBe(400);

    const dxOffice = await s.as(officer);
    expect((await dxOffice.get('/api/programmes')).json().items.map((p: { name: string }) => p.name)).toEqual([
      '东西部协作',
    ]);
    const list = (await dxOffice.get('/api/pairings?pageSize=100')).json();
    expect(list.items.every((p: { programmeId: string }) => p.programmeId === dx.id)).toBe(true);
    expect((await dxOffice.get(`/api/pairings/${s.f.pairings.jilinZhejiang}`)).statusCode).toBe(404);

    // A project in 江苏—陕西, seen by its national office; the 22号 pairing's projects stay out of sight.
    const js = list.items.find((p: { name: string }) => p.name === '江苏省—陕西省');
    const created = await dxOffice.post(
      '/api/projects',
      newProject(js.id, { title: '苏陕协作 汉中食品加工园', investorRegionCode: '320500', hostRegionCode: '610700' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().side).toBe('b');
    const jzProject = await national.post('/api/projects', newProject(s.f.pairings.jilinZhejiang));
    expect(jzProject.statusCode).toBe(201);
    const seen = (await dxOffice.get('/api/projects?pageSize=100')).json().items.map((p: { title: string }) => p.title);
    expect(seen).toEqual(['苏陕协作 汉中食品加工园']);
    expect((await dxOffice.get(`/api/projects/${jzProject.json().id}`)).statusCode).toBe(404);
    const stats = (await dxOffice.get(`/api/projects/stats?groupBy=side&pairingId=${js.id}`)).json();
    expect(stats.groups.map((g: { label: string }) => g.label)).toEqual(['西部一方']);
    // The 22号 office does not see the new programme's project either.
    const jilinSees = (await jilin.get('/api/projects?pageSize=100'))
      .json()
      .items.map((p: { title: string }) => p.title);
    expect(jilinSees).not.toContain('苏陕协作 汉中食品加工园');
  });

  it('lets the national office create and edit a programme, audited', async () => {
    const c = await s.as(s.f.users.national);
    const created = await c.post('/api/programmes', {
      name: '对口支援示例',
      docNo: '示例〔2024〕1号',
      period: { from: '2024-01-01', to: '2026-12-31' },
      sides: { a: { zh: '支援方', en: 'Supporting side' }, b: { zh: '受援方', en: 'Supported side' } },
      levels: ['province', 'city'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ periodStart: 2024, periodEnd: 2026, version: 1, pairingCount: 0 });
    const edited = await c.patch(`/api/programmes/${p.id}`, { version: 1, name: '对口支援示例（修订）' });
    expect(edited.json()).toMatchObject({ name: '对口支援示例（修订）', version: 2 });
    expect((await c.patch(`/api/programmes/${p.id}`, { version: 1, name: '旧版' })).statusCode).toBe(409);
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${p.id} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['programme.create', 'programme.update']);
    const office = await s.as(s.f.users.jilin);
    expect((await office.patch(`/api/programmes/${p.id}`, { version: 2, name: 'x' })).statusCode).toBe(403);
  });
});
