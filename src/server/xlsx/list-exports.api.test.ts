import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import type { TestClient } from '../testing/test-app.ts';
import { translate } from '../../common/i18n/messages.ts';

// The built-in programme (国办发〔2017〕22号) names its sides 东北地区/东部地区.
const t = (key: string) => translate('zh-CN', key, { sideA: '东北地区一方', sideB: '东部地区一方' });

/** The sheets of an exported workbook: title, subtitle, the header row and the data rows as text. */
async function sheets(res: { statusCode: number; body: string; rawPayload: Buffer; headers: Record<string, unknown> }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(String(res.headers['content-type'])).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; .*filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
    const rows: string[][] = [];
    for (let r = 4; r <= ws.rowCount; r++) rows.push(row(r));
    return { name: ws.name, title: row(1)[0], subtitle: row(2)[0], header: row(3), rows };
  });
}

/**
 * The Excel exports of the lists (pairings, parks, events, reporting periods, project statistics) and a period's
 * 汇总: headings from the catalogue, the filters and the user's scope as on screen, an audit row per export.
 */
describe.each(testEngines())('list exports on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let jilin: TestClient;
  let liaoning: TestClient;
  let national: TestClient;

  beforeAll(async () => {
    jilin = await s.as(s.f.users.jilin);
    liaoning = await s.as(s.f.users.liaoning);
    national = await s.as(s.f.users.national);
  });

  const exportAudits = async (action: string) =>
    (
      await s.t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND result = 'success'`,
      )
    ).rows[0]!.n;

  it('exports the pairings as filtered, with the headings of the list and who exported it', async () => {
    const before = await exportAudits('pairing.export');
    const [all] = await sheets(await national.get('/api/pairings/export.xlsx?level=province'));
    expect(all!.title).toBe(t('ui.output.pairings.title'));
    expect(all!.header).toEqual(
      ['name', 'sideA', 'sideB', 'level', 'theme', 'status', 'subPairCount', 'startedOn'].map((k) =>
        t(`ui.pairings.${k}`),
      ),
    );
    expect(all!.subtitle).toContain('national');
    const names = all!.rows.map((r) => r[0]);
    expect(names).toContain('吉林省—浙江省');
    expect(names).toContain('辽宁省—江苏省');
    expect(names).not.toContain('盘锦市—无锡市');
    expect(all!.rows.every((r) => r[3] === t('domain.pairingLevels.province'))).toBe(true);
    const listed = (await national.get('/api/pairings?level=province&pageSize=500')).json();
    expect(all!.rows).toHaveLength(listed.total);

    // A province sees its own pairings only, as on screen; the search filter applies.
    const [own] = await sheets(await jilin.get(`/api/pairings/export.xlsx?q=${encodeURIComponent('浙江')}`));
    expect(own!.rows.map((r) => r[0])).toContain('吉林省—浙江省');
    expect(own!.rows.map((r) => r[0])).not.toContain('辽宁省—江苏省');
    expect(await exportAudits('pairing.export')).toBe(before + 2);
  });

  it('writes the list exports in the language of the user’s interface', async () => {
    const en = (key: string, params: Record<string, string | number> = {}) =>
      translate('en', key, { sideA: 'North-eastern side', sideB: 'Eastern side', ...params });
    const english = { 'accept-language': 'en' };
    const [pairings] = await sheets(await national.get('/api/pairings/export.xlsx?level=province', english));
    expect(pairings!.name).toBe(en('ui.output.pairings.sheet'));
    expect(pairings!.title).toBe(en('ui.output.pairings.title'));
    expect(pairings!.header.slice(0, 3)).toEqual([
      en('ui.pairings.name'),
      en('ui.pairings.sideA'),
      en('ui.pairings.sideB'),
    ]);
    expect(pairings!.rows[0]![3]).toBe(en('domain.pairingLevels.province'));
    expect(pairings!.subtitle).not.toMatch(/导出/);
    const [audit] = await sheets(await s.as(s.f.users.auditor).then((c) => c.get('/api/audit/export.xlsx', english)));
    expect(audit!.header[0]).toBe(en('ui.audit.at'));
    expect(audit!.rows.some((r) => r[2]!.startsWith(en('domain.auditObjects.pairing')))).toBe(true);
  });

  it('exports parks and events by pairing and year, another region seeing none of them', async () => {
    const park = await jilin.post('/api/parks', {
      pairingId: s.f.pairings.jilinZhejiang,
      name: '长春—杭州产业合作园',
      type: 'cooperation',
      hostRegionCode: '220100',
      partnerRegionCode: '330100',
      areaKm2: '12.5',
    });
    expect(park.statusCode, park.body).toBe(201);
    const [parks] = await sheets(await jilin.get(`/api/parks/export.xlsx?pairingId=${s.f.pairings.jilinZhejiang}`));
    expect(parks!.header[0]).toBe(t('ui.parks.name'));
    expect(parks!.rows).toEqual([
      [
        '长春—杭州产业合作园',
        t('domain.parkTypes.cooperation'),
        '0',
        '吉林省—浙江省',
        '长春市',
        '杭州市',
        '0',
        '12.5',
        '',
      ],
    ]);
    const [none] = await sheets(await liaoning.get('/api/parks/export.xlsx'));
    expect(none!.rows.map((r) => r[0])).not.toContain('长春—杭州产业合作园');

    const ev = await jilin.post('/api/events', {
      pairingId: s.f.pairings.jilinZhejiang,
      kind: 'promotion',
      title: '2024浙商吉林行',
      startsOn: '2024-06-18',
      endsOn: '2024-06-20',
      place: '长春',
      enterpriseCount: 56,
    });
    expect(ev.statusCode, ev.body).toBe(201);
    const signed = await jilin.post(`/api/events/${ev.json().id}/agreements`, {
      title: '长春智能装备产业园项目',
      parties: ['浙江甲智能装备有限公司', '长春市人民政府'],
      signedOn: '2024-06-19',
      amount: '150000.5',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const [events] = await sheets(await jilin.get('/api/events/export.xlsx?year=2024'));
    const row = events!.rows.find((r) => r[0] === '2024浙商吉林行')!;
    expect(row).toEqual([
      '2024浙商吉林行',
      t('domain.eventKinds.promotion'),
      '2024-06-18 至 2024-06-20',
      '长春',
      '吉林省—浙江省',
      '56',
      '1',
      '150000.5',
      '',
    ]);
    const [otherYear] = await sheets(await jilin.get('/api/events/export.xlsx?year=2023'));
    expect(otherYear!.rows.map((r) => r[0])).not.toContain('2024浙商吉林行');
    const [elsewhere] = await sheets(await liaoning.get('/api/events/export.xlsx'));
    expect(elsewhere!.rows.map((r) => r[0])).not.toContain('2024浙商吉林行');
    expect(await exportAudits('park.export')).toBe(2);
    expect(await exportAudits('event.export')).toBe(3);
  });

  it('exports the project statistics with the chosen grouping, a total row and the stages', async () => {
    const [rates, stages] = await sheets(
      await jilin.get(`/api/projects/stats.xlsx?groupBy=side&pairingId=${s.f.pairings.jilinZhejiang}`),
    );
    expect(rates!.header[0]).toBe(t('ui.projects.groupBy.side'));
    const stats = (await jilin.get(`/api/projects/stats?groupBy=side&pairingId=${s.f.pairings.jilinZhejiang}`)).json();
    expect(rates!.rows.slice(0, -1).map((r) => r[0])).toEqual(stats.groups.map((g: { label: string }) => g.label));
    expect(rates!.rows.at(-1)!.slice(0, 2)).toEqual([t('ui.projects.rates.overall'), String(stats.overall.projects)]);
    expect(stages!.rows).toEqual(
      stats.byStage.map((b: { stage: string; projects: number; figures: Record<string, string> }) => [
        t(`domain.projectStages.${b.stage}`),
        String(b.projects),
        ...['signed', 'planned', 'arrived', 'completed'].map((f) => String(Number(b.figures[f]))),
      ]),
    );
    expect(await exportAudits('project.export')).toBe(1);
  });

  it('refuses an unknown filter with a 400 naming it', async () => {
    const res = await jilin.get('/api/pairings/export.xlsx?colour=red');
    expect(res.statusCode).toBe(400);
    const bad = await jilin.get('/api/events/export.xlsx?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('year');
  });
});
