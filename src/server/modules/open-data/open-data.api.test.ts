import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProjectAggregates, openPublishedFigures } from '../../../common/api/open-data.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { systemContext } from '../../http/system-actor.ts';
import { recordPublishedFigure } from '../../kernel/published-figures/published-figures.service.ts';
import { buildProject } from '../../seed/builders.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { seedBuiltInIndicators } from '../indicators/indicators.service.ts';
import { newProject } from '../projects/test-support/project-api.ts';
import { OPEN_FIELDS } from './open-data-dictionary.ts';
import { iatiSchemaErrors } from './test-support/iati-schema.ts';

/*
 * Open data with no account: only published projects count, a pairing stands for itself and its sub-pairs, a
 * programme filter keeps the other programme's project out, CSV carries the BOM and the dictionary's names, and
 * the IATI file validates against the official 2.03 schema.
 */
describe.each(testEngines())('open data on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const ids = {} as Record<'producing' | 'signed' | 'hidden' | 'demo' | 'other', string>;
  let otherProgramme: string;

  beforeAll(async () => {
    const ctx = systemContext(s.t.deps);
    const db = s.t.database.db;
    const jz = s.f.pairings.jilinZhejiang;
    ids.producing = await buildProject(
      ctx,
      newProject(jz, {
        title: '长春汽车零部件 A&B <一期> "重点"',
        investor: '宁波甲公司',
        projectCode: '2104-220100-04-01-000123',
      }) as never,
      {
        moves: [
          { to: 'signed', on: '2024-03-01' },
          { to: 'started', on: '2024-06-01' },
          { to: 'producing', on: '2025-06-01' },
        ],
        reports: [
          { figure: 'signed', period: { year: 2024, month: 3 }, amount: '50000' },
          { figure: 'arrived', period: { year: 2024, month: 12 }, amount: '20000.5' },
        ],
      },
    );
    ids.signed = await buildProject(
      ctx,
      newProject(jz, {
        title: '长春医药项目',
        investor: '杭州乙公司',
        industryDivision: '27',
        stage: 'signed',
        stageOn: '2024-05-01',
        signedAmount: '8000.25',
      }) as never,
    );
    // Signed in the same year and pairing, never published: its 777 must not reach any total.
    ids.hidden = await buildProject(
      ctx,
      newProject(jz, {
        title: '未公开的项目',
        investor: '杭州丙公司',
        stage: 'signed',
        stageOn: '2024-07-01',
        signedAmount: '777',
      }) as never,
    );
    ids.demo = await buildProject(
      ctx,
      newProject(s.f.pairings.jilinWenzhou, {
        title: '【演示】吉林市鞋业项目',
        investor: '温州丁公司',
        hostRegionCode: '220200',
        industryDivision: '19',
        stage: 'signed',
        stageOn: '2024-02-01',
        signedAmount: '1000',
      }) as never,
      {},
      { demo: true },
    );
    // A second programme with one pairing and one published project.
    otherProgramme = (
      await db.execute<{ id: string }>(sql`INSERT INTO programmes (name) VALUES ('东西部协作（测试）') RETURNING id`)
    ).rows[0]!.id;
    const js = (
      await db.execute<{ id: string }>(sql`
        INSERT INTO pairings (programme_id, name, level, sides_key)
        VALUES (${otherProgramme}, '江苏省—陕西省', 'province', '320000|610000') RETURNING id`)
    ).rows[0]!.id;
    await db.execute(sql`INSERT INTO pairing_side_regions (pairing_id, side, region_code)
      VALUES (${js}, 'a', '320000'), (${js}, 'b', '610000')`);
    ids.other = await buildProject(
      ctx,
      newProject(js, {
        title: '西安电子项目',
        investor: '苏州戊公司',
        investorRegionCode: '320500',
        hostRegionCode: '610100',
        industryDivision: '39',
        stage: 'signed',
        stageOn: '2024-04-01',
        signedAmount: '300',
      }) as never,
    );
    await db.execute(sql`UPDATE projects SET published_at = now(), public_summary = '公开摘要'
      WHERE id IN (${ids.producing}, ${ids.signed}, ${ids.demo}, ${ids.other})`);
    await recordPublishedFigure(ctx, 'cadres', {
      pairingId: jz,
      side: 'a',
      year: 2023,
      label: '派出干部',
      value: '407',
      unit: '名',
      sourceTitle: '吉林日报',
      sourceDate: '2023-12-30',
      sourceLink: 'https://example.org/a',
    });
  });

  const anonymous = (url: string) => s.t.app.inject({ method: 'GET', url });

  it('totals only published projects, by pairing, side and signing year, money as decimal strings', async () => {
    const res = await anonymous(`/api/open/projects.json?programme=${s.f.programmeId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = openProjectAggregates.parse(res.json());
    const jz = body.items.filter((r) => r.pairingName === '吉林省—浙江省');
    expect(jz).toEqual([
      expect.objectContaining({
        side: 'a',
        year: 2024,
        projects: 2,
        signedWan: '58000.25',
        arrivedWan: '20000.5',
        demo: false,
      }),
    ]);
    expect(body.items.find((r) => r.pairingName === '吉林市—温州市')).toMatchObject({
      projects: 1,
      signedWan: '1000',
      demo: true,
    });
    expect(body.items.some((r) => r.pairingName === '江苏省—陕西省')).toBe(false);
    expect(res.body).not.toContain('777');
  });

  it('filters by a pairing with its sub-pairs, named by its exact name, and by programme', async () => {
    const named = (await anonymous(`/api/open/projects.json?pairing=${encodeURIComponent('吉林省—浙江省')}`)).json();
    expect(named.items.map((r: { pairingName: string }) => r.pairingName).sort()).toEqual([
      '吉林市—温州市',
      '吉林省—浙江省',
    ]);
    const other = (
      await anonymous(`/api/open/projects.json?programme=${encodeURIComponent('东西部协作（测试）')}`)
    ).json();
    expect(other.items).toEqual([
      expect.objectContaining({ pairingName: '江苏省—陕西省', side: 'b', signedWan: '300' }),
    ]);
    const unknown = await anonymous(`/api/open/projects.json?pairing=${encodeURIComponent('吉林省—广东省')}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'pairing', code: 'unknown_pairing' });
    const wrongProgramme = await anonymous(
      `/api/open/projects.json?programme=${otherProgramme}&pairing=${s.f.pairings.jilinZhejiang}`,
    );
    expect(wrongProgramme.json().error.details[0]).toMatchObject({ field: 'pairing' });
  });

  it('downloads CSV with a BOM and the dictionary names in the chosen language', async () => {
    const zh = await anonymous(`/api/open/projects.csv?programme=${s.f.programmeId}`);
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = zh.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = zh.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      OPEN_FIELDS.projects.map((f) => translate('zh-CN', `ui.openData.fields.${f.name}.label`)).join(','),
    );
    expect(lines[0]).toContain('签约额');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('吉林省—浙江省'))).toContain(',a,2024,2,58000.25,20000.5,否');
    const en = await anonymous(`/api/open/projects.csv?lang=en&programme=${s.f.programmeId}`);
    expect(en.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('Signed amount');
    expect((await anonymous('/api/open/projects.csv?lang=fr')).statusCode).toBe(400);
  });

  it('lists published figures with their source, and the dictionary names every field in both languages', async () => {
    const figures = openPublishedFigures.parse((await anonymous('/api/open/figures.json?year=2023')).json());
    expect(figures.items).toEqual([
      expect.objectContaining({ label: '派出干部', value: '407', unit: '名', sourceTitle: '吉林日报', side: 'a' }),
    ]);
    const csv = (await anonymous('/api/open/figures.csv')).body;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('吉林日报');
    const dictionary = (await anonymous('/api/open/dictionary')).json();
    const projects = dictionary.datasets.find((d: { id: string }) => d.id === 'projects');
    expect(projects.fields.find((f: { name: string }) => f.name === 'signedWan')).toMatchObject({
      label: { zh: '签约额', en: 'Signed amount' },
      type: 'decimal',
      unit: { zh: '万元' },
    });
    const evaluations = (await anonymous('/api/open/evaluations.json')).json();
    expect(evaluations.items).toEqual([]);
  });

  it('shows the data page with the downloads and every field of the dictionary, in either language', async () => {
    const zh = await anonymous('/public/data');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(zh.body).toContain('<title>开放数据');
    expect(zh.body).toContain('href="/api/open/projects.csv?lang=zh-CN"');
    for (const f of OPEN_FIELDS.evaluations) expect(zh.body).toContain(`<code>${f.name}</code>`);
    expect(zh.body).toContain('签约额');
    const en = await anonymous('/public/data?lang=en');
    expect(en.body).toContain('href="/api/open/figures.csv?lang=en"');
    expect(en.body).toContain('Signed amount');
  });

  it('shows an evaluation round once published, not before, with the score as published', async () => {
    await seedBuiltInIndicators(systemContext(s.t.deps));
    const national = await s.as(s.f.users.national);
    const indicators: { code: string; id: string }[] = (await national.get('/api/indicators')).json().items;
    const opened = await national.post('/api/evaluations', {
      year: 2024,
      title: '2024年度成效评估（开放数据测试）',
      selfDeadline: '2099-12-31',
      indicators: [
        {
          indicatorId: indicators.find((i) => i.code === 'projects_signed')!.id,
          weight: 1,
          rule: { kind: 'thresholds', steps: [{ bound: 1, score: 100 }] },
        },
      ],
      gradeScale: [
        { grade: '好', min: 90 },
        { grade: '较差', min: 0 },
      ],
      pairingIds: [s.f.pairings.jilinZhejiang, s.f.pairings.liaoningJiangsu],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json();
    const closed = await national.post(`/api/evaluations/${round.id}/close`, { version: round.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await anonymous('/api/open/evaluations.json')).json().items).toEqual([]);
    const published = await national.post(`/api/evaluations/${round.id}/publish`, { version: closed.json().version });
    expect(published.statusCode, published.body).toBe(200);
    const results = (await anonymous('/api/open/evaluations.json?year=2024')).json().items;
    expect(results).toHaveLength(2);
    expect(results.find((r: { pairingName: string }) => r.pairingName === '吉林省—浙江省')).toMatchObject({
      roundTitle: '2024年度成效评估（开放数据测试）',
      side: 'both',
      score: '100',
      rank: 1,
      grade: '好',
    });
    const csv = (await anonymous('/api/open/evaluations.csv?lang=en')).body;
    expect(csv.split('\r\n')[0]).toContain('Score');
  });

  it('describes every open-data route in the OpenAPI document', async () => {
    const paths = Object.keys((await anonymous('/api/docs/json')).json().paths);
    for (const path of [
      '/api/open/projects.json',
      '/api/open/projects.csv',
      '/api/open/iati.xml',
      '/api/open/dictionary',
    ])
      expect(paths).toContain(path);
  });

  it('exports published projects as IATI 2.03 that validates against the official schema', async () => {
    const res = await anonymous(`/api/open/iati.xml?programme=${s.f.programmeId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const xml = res.body;
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    expect(xml).toMatch(/<iati-activities version="2\.03" generated-datetime="[^"]+"/);
    expect(xml).toContain(`<iati-identifier>CN-DUIKOU-LOCAL-${ids.producing}</iati-identifier>`);
    expect(xml).toContain('长春汽车零部件 A&amp;B &lt;一期&gt; "重点"');
    expect(xml).toContain('<activity-status code="3"/>');
    expect(xml).toContain('<activity-date type="2" iso-date="2024-06-01"/>');
    expect(xml).toContain('<value currency="CNY" value-date="2024-12-31">200005000</value>');
    expect(xml).toContain('<sector vocabulary="1" code="32172" percentage="100"/>');
    expect(xml).toContain('<administrative vocabulary="A4" level="1" code="CN-JL"/>');
    expect(xml).toContain('【演示】吉林市鞋业项目');
    expect(xml).not.toContain('未公开的项目');
    expect(xml).not.toContain('西安电子项目');
    const other = (await anonymous(`/api/open/iati.xml?programme=${otherProgramme}`)).body;
    expect(await iatiSchemaErrors(other)).toEqual([]);
    expect(other).toContain('西安电子项目');
    expect(other).not.toContain('长春');
  });

  it('answers a repeated download from the cache, as sent, until a project is published', async () => {
    const url = `/api/open/projects.csv?programme=${s.f.programmeId}`;
    const first = await anonymous(url);
    const again = await anonymous(url);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(again.headers['content-disposition']).toBe(first.headers['content-disposition']);
    expect(again.body).toBe(first.body);
    const json = `/api/open/projects.json?programme=${s.f.programmeId}`;
    await anonymous(json);
    const jsonAgain = await anonymous(json);
    expect(jsonAgain.headers['x-cache']).toBe('hit');
    expect(jsonAgain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(jsonAgain.headers['access-control-allow-origin']).toBe('*');
    await s.t.database.db.execute(sql`UPDATE projects SET published_at = now() WHERE id = ${ids.hidden}`);
    const after = await anonymous(url);
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.body).toContain(',a,2024,3,58777.25,');
  });
});

describe.each(testEngines())('open data rate limit on %s', (engine) => {
  it('answers 429 past the per-address limit, to anyone', async () => {
    const t = await createTestApp(engine, { RATE_LIMIT_OPEN_DATA_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await t.app.inject({ method: 'GET', url: '/api/open/dictionary' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const refused = await t.app.inject({ method: 'GET', url: '/api/open/projects.json' });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('rate_limited');
      // Another address has its own count; the rest of the API is not counted by this limit.
      const elsewhere = await t.app.inject({ method: 'GET', url: '/api/open/dictionary', remoteAddress: '10.0.0.9' });
      expect(elsewhere.statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
