import { describe, it, expect, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import type { CycleDetail } from '../../../common/api/reporting.ts';
import { translate } from '../../../common/i18n/messages.ts';
import {
  assignTask,
  auditActions,
  createCycle,
  reportsOf,
  taskByCode,
  zhejiangUnit,
} from './test-support/reporting-api.ts';

// The built-in programme (国办发〔2017〕22号) names its sides 东北地区/东部地区.
const t = (key: string) => translate('zh-CN', key, { sideA: '东北地区一方', sideB: '东部地区一方' });

async function workbook(res: { statusCode: number; body: string; rawPayload: Buffer; headers?: unknown }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++)
      rows.push((ws.getRow(r).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
    return { name: ws.name, rows };
  });
}

/**
 * A period's 汇总: one workbook with the reports counted by unit and state and every report by unit and task,
 * its state, the progress written and the review; a unit sees its own reports only, another region gets 404.
 */
describe.each(testEngines())('period summary workbook on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;
  let unit: TestClient;
  let cycle: CycleDetail;

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    const zj = await zhejiangUnit(s.t);
    office = await s.as(s.f.users.jilin);
    unit = await s.as(s.f.users.jilinUnit);
    await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '12')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
      { organisationId: zj.organisationId, side: 'b', role: 'lead' },
      { name: '吉林省工信厅', side: 'a', role: 'co' },
    ]);
    await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '13')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'co' },
    ]);
    cycle = await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang });
    const mine = await reportsOf(unit, cycle.id);
    const report = mine.get('12/jilin-unit 单位')!;
    const saved = await unit.patch(`/api/reports/${report.id}`, {
      version: report.version,
      taskStatus: 'in_progress',
      percent: 40,
      narrative: '已对接 12 户企业。',
    });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(200);
    const submitted = await unit.post(`/api/reports/${report.id}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body.slice(0, 300)).toBe(200);
  });

  it('gives the office every report of the period, by unit and by task, with its state and progress', async () => {
    const [units, reports] = await workbook(await office.get(`/api/cycles/${cycle.id}/summary.xlsx`));
    expect(units!.name).toBe(t('ui.output.periodSummary.unitsSheet'));
    expect(units!.rows[0]![0]).toBe('吉林省—浙江省2026年第四季度各单位报送情况');
    expect(units!.rows[2]).toEqual([
      t('ui.reporting.unit'),
      t('ui.pairings.side'),
      t('ui.reporting.countTotal'),
      ...['pending', 'draft', 'submitted', 'returned', 'approved'].map((k) => t(`ui.reporting.slotStates.${k}`)),
    ]);
    const byUnit = new Map(units!.rows.slice(3).map((r) => [r[0], r.slice(2).map(Number)]));
    expect(byUnit.get('jilin-unit 单位')).toEqual([2, 1, 0, 1, 0, 0]);
    expect(byUnit.get('吉林省工信厅')).toEqual([1, 1, 0, 0, 0, 0]);
    expect(byUnit.get('zhejiang-unit 单位')).toEqual([1, 1, 0, 0, 0, 0]);
    expect(byUnit.get(t('ui.projects.rates.overall'))).toEqual([4, 3, 0, 1, 0, 0]);

    expect(reports!.name).toBe(t('ui.output.periodSummary.reportsSheet'));
    const rows = reports!.rows.slice(3);
    expect(rows).toHaveLength(4);
    const submitted = rows.find((r) => r[0] === 'jilin-unit 单位' && r[3] === '12')!;
    expect(submitted.slice(0, 3)).toEqual(['jilin-unit 单位', t('domain.sides.a'), t('domain.unitRoles.lead')]);
    expect(submitted.slice(5, 9)).toEqual([
      t('ui.reporting.slotStates.submitted'),
      t('domain.taskStatuses.in_progress'),
      '40%',
      '已对接 12 户企业。',
    ]);
    expect(submitted[9]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // By unit, then task: a unit's rows stand together.
    const order = rows.map((r) => r[0]);
    expect(order.indexOf('jilin-unit 单位') + 1).toBe(order.lastIndexOf('jilin-unit 单位'));
    expect((await auditActions(s.t, cycle.id)).map((a) => a.action)).toContain('cycle.export');
  });

  it("is written in the user's language: an English request gets English sheets, headings and period", async () => {
    const en = (key: string, params: Record<string, string | number> = {}) =>
      translate('en', key, { sideA: 'North-eastern side', sideB: 'Eastern side', ...params });
    const res = await office.get(`/api/cycles/${cycle.id}/summary.xlsx`, { 'accept-language': 'en' });
    const [units, reports] = await workbook(res);
    expect(units!.name).toBe(en('ui.output.periodSummary.unitsSheet'));
    expect(units!.rows[0]![0]).toBe(
      en('ui.output.periodSummary.unitsTitle', { pairing: '吉林省—浙江省', period: 'Q4 2026' }),
    );
    expect(units!.rows[2]!.slice(0, 4)).toEqual([
      en('ui.reporting.unit'),
      en('ui.pairings.side'),
      en('ui.reporting.countTotal'),
      en('ui.reporting.slotStates.pending'),
    ]);
    expect(units!.rows.at(-1)![0]).toBe(en('ui.projects.rates.overall'));
    expect(reports!.name).toBe(en('ui.output.periodSummary.reportsSheet'));
    const submitted = reports!.rows.slice(3).find((r) => r[0] === 'jilin-unit 单位' && r[3] === '12')!;
    expect(submitted.slice(1, 3)).toEqual([en('domain.sides.a'), en('domain.unitRoles.lead')]);
    expect(submitted[5]).toBe(en('ui.reporting.slotStates.submitted'));
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('Q4 2026 progress summary'));

    const [list] = await workbook(await office.get('/api/cycles/export.xlsx?year=2026', { 'accept-language': 'en' }));
    expect(list!.name).toBe(en('ui.output.cycles.sheet'));
    expect(list!.rows[2]![0]).toBe(en('ui.reporting.periodLabel'));
    expect(list!.rows.slice(3).map((r) => r[0])).toContain('Q4 2026');
  });

  it('gives a unit its own reports only, and another region a 404', async () => {
    const [units, reports] = await workbook(await unit.get(`/api/cycles/${cycle.id}/summary.xlsx`));
    expect(units!.rows.slice(3, -1).map((r) => r[0])).toEqual(['jilin-unit 单位']);
    expect(new Set(reports!.rows.slice(3).map((r) => r[0]))).toEqual(new Set(['jilin-unit 单位']));
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.get(`/api/cycles/${cycle.id}/summary.xlsx`)).statusCode).toBe(404);
    expect((await office.get('/api/cycles/00000000-0000-4000-8000-000000000000/summary.xlsx')).statusCode).toBe(404);
  });

  it('exports the periods list with the counts by state, filtered by year', async () => {
    const [list] = await workbook(await office.get('/api/cycles/export.xlsx?year=2026'));
    const row = list!.rows.slice(3).find((r) => r[0] === '2026年第四季度')!;
    expect(row.slice(5, 11)).toEqual(['4', '3', '0', '1', '0', '0']);
    const [none] = await workbook(await office.get('/api/cycles/export.xlsx?year=2025'));
    expect(none!.rows.slice(3)).toEqual([]);
  });
});
