import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../repo-path.ts';
import { systemContext } from '../../http/system-actor.ts';
import { fillDemo } from '../../seed/demo-data.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { seedBuiltInIndicators } from '../indicators/indicators.service.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';

/** Every list that shows rows of several programmes, with its export when it has one. */
const LISTS: List[] = [
  { path: '/api/projects', export: '/api/projects/export.xlsx', filled: true },
  { path: '/api/parks', export: '/api/parks/export.xlsx', filled: true },
  { path: '/api/events', export: '/api/events/export.xlsx', filled: true },
  { path: '/api/meetings', filled: true },
  // Demo fill makes tracked items only where the pairing has offices (the loaded programme has none yet).
  { path: '/api/tracked-items', export: '/api/tracked-items/ledger.xlsx', filled: false },
  // Cadres' names are for the offices and 组织部, not the national office (cadre.readNames).
  { path: '/api/secondments', export: '/api/secondments/export.xlsx', filled: true, officesOnly: true },
  { path: '/api/trainings', export: '/api/trainings/export.xlsx', filled: true },
  { path: '/api/exchanges', filled: true },
  { path: '/api/replication/practices', export: '/api/replication/practices/export.xlsx', filled: true },
  { path: '/api/news', filled: true },
  // The national plan of 22号 and its tasks belong to the programme, not to a pairing.
  { path: '/api/plans', filled: false },
  { path: '/api/tasks', filled: false },
  { path: '/api/listings', export: '/api/listings/export.xlsx', filled: false },
  { path: '/api/cycles', export: '/api/cycles/export.xlsx', filled: false },
  { path: '/api/reports', filled: false },
  { path: '/api/summaries', filled: false, unpaged: true },
];

type Row = { id: string; title?: string; name?: string };
type List = { path: string; export?: string; filled: boolean; unpaged?: true; officesOnly?: true };
const label = (r: Row) => r.title ?? r.name ?? r.id;

async function rows(c: TestClient, list: Pick<List, 'path' | 'unpaged'>, programmeId?: string): Promise<Row[]> {
  const query = new URLSearchParams({
    ...(list.unpaged ? {} : { pageSize: '500' }),
    ...(programmeId ? { programmeId } : {}),
  });
  const res = await c.get(`${list.path}?${query}`);
  const path = list.path;
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  return res.json().items;
}

async function sheetText(c: TestClient, path: string, programmeId: string) {
  const res = await c.get(`${path}?programmeId=${programmeId}`);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return JSON.stringify(wb.worksheets.map((ws) => ws.getSheetValues()));
}

describe.each(testEngines())('lists of one programme on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const ids = { ne: '', dx: '' };

  it('loads a second programme and fills a pairing of each with demo records', async () => {
    await loadSeedPlans(s.t);
    const national = await s.as(s.f.users.national);
    const file = JSON.parse(fs.readFileSync(repoPath('resources/programmes/dongxi-xiezuo-2021.json'), 'utf8'));
    const loaded = await national.post('/api/programmes/load', file);
    expect(loaded.statusCode, loaded.body).toBe(200);
    ids.dx = loaded.json().programmeId;
    ids.ne = s.f.programmeId;
    const js = (await national.get(`/api/pairings?programmeId=${ids.dx}&q=江苏省&pageSize=100`))
      .json()
      .items.find((p: { name: string }) => p.name === '江苏省—陕西省');
    const ctx = systemContext(s.t.deps);
    await fillDemo(ctx, s.f.pairings.jilinZhejiang);
    await fillDemo(ctx, js.id);
  });

  it('shows in each programme its rows only, and every row in one of them', async () => {
    const national = await s.as(s.f.users.national);
    for (const list of LISTS) {
      if (list.officesOnly) continue;
      const all = await rows(national, list);
      const ne = await rows(national, list, ids.ne);
      const dx = await rows(national, list, ids.dx);
      const neIds = new Set(ne.map((r) => r.id));
      expect(
        dx.filter((r) => neIds.has(r.id)),
        list.path,
      ).toEqual([]);
      expect(new Set([...neIds, ...dx.map((r) => r.id)]), list.path).toEqual(new Set(all.map((r) => r.id)));
      if (list.filled) {
        expect(ne.length, list.path).toBeGreaterThan(0);
        expect(dx.length, list.path).toBeGreaterThan(0);
      }
      if (!list.export) continue;
      // The export of one programme names none of the other's rows (those named alike in both aside).
      const neSheet = await sheetText(national, list.export, ids.ne);
      const neLabels = new Set(ne.map(label));
      const dxOnly = dx.map(label).filter((l) => !neLabels.has(l));
      for (const l of dxOnly) expect(neSheet, `${list.export}: ${l}`).not.toContain(l);
      if (list.filled) expect(neSheet, list.export).toContain(label(ne[0]!));
    }
    // The ledger names each row's pairing: only 22号's in its export, only 东西部协作's in the other.
    const ledger = (programmeId: string) => sheetText(national, '/api/projects/export.xlsx', programmeId);
    expect(await ledger(ids.ne)).not.toContain('江苏省—陕西省');
    expect(await ledger(ids.dx)).toContain('江苏省—陕西省');
    expect(await ledger(ids.dx)).not.toContain('吉林省—浙江省');
    // The national plan and its tasks are 22号's: not in 东西部协作's lists.
    expect((await rows(national, { path: '/api/plans' }, ids.ne)).length).toBeGreaterThan(0);
    expect(await rows(national, { path: '/api/plans' }, ids.dx)).toEqual([]);
    expect((await rows(national, { path: '/api/tasks' }, ids.ne)).length).toBeGreaterThan(0);
    expect(await rows(national, { path: '/api/tasks' }, ids.dx)).toEqual([]);
  });

  it("counts and sums each programme's projects only", async () => {
    const national = await s.as(s.f.users.national);
    for (const programmeId of [ids.ne, ids.dx]) {
      const list = (await national.get(`/api/projects?programmeId=${programmeId}&pageSize=1`)).json();
      const stats = (await national.get(`/api/projects/stats?programmeId=${programmeId}&groupBy=pairing`)).json();
      expect(stats.counts.projects).toBe(list.total);
      expect(list.total).toBeGreaterThan(0);
    }
    const all = (await national.get('/api/projects?pageSize=1')).json();
    const ne = (await national.get(`/api/projects?programmeId=${ids.ne}&pageSize=1`)).json();
    const dx = (await national.get(`/api/projects?programmeId=${ids.dx}&pageSize=1`)).json();
    expect(ne.total + dx.total).toBe(all.total);
  });

  it("measures each programme's indicators over its own records only", async () => {
    await seedBuiltInIndicators(systemContext(s.t.deps));
    const national = await s.as(s.f.users.national);
    const library = (await national.get('/api/indicators')).json().items as { id: string; code: string }[];
    const signed = library.find((i) => i.code === 'projects_signed')!.id;
    const [from, to] = [2016, 2026];
    const measured = async (programmeId: string) => {
      const q = `fromYear=${from}&toYear=${to}&indicatorIds=${signed}&programmeId=${programmeId}`;
      const res = await national.get(`/api/indicators/values?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().series[0].years as { total: { numerator: string } }[]).reduce(
        (n, y) => n + Number(y.total.numerator),
        0,
      );
    };
    const listed = async (programmeId: string) => {
      let n = 0;
      for (let year = from; year <= to; year++)
        n += (await national.get(`/api/projects?programmeId=${programmeId}&year=${year}&pageSize=1`)).json().total;
      return n;
    };
    for (const programmeId of [ids.ne, ids.dx]) expect(await measured(programmeId)).toBe(await listed(programmeId));
    expect((await measured(ids.ne)) * (await measured(ids.dx))).toBeGreaterThan(0);
    // Without a programme named: the first the national office works in, never the two added up.
    const first = (
      await national.get(`/api/indicators/values?fromYear=${from}&toYear=${to}&indicatorIds=${signed}`)
    ).json();
    const firstTotal = first.series[0].years.reduce(
      (n: number, y: { total: { numerator: string } }) => n + Number(y.total.numerator),
      0,
    );
    expect([await measured(ids.ne), await measured(ids.dx)]).toContain(firstTotal);
  });

  it("shows a pairing office its own programme's rows, and nothing in another", async () => {
    const jilin = await s.as(s.f.users.jilin);
    for (const list of LISTS) {
      const own = await rows(jilin, list);
      expect(await rows(jilin, list, ids.ne), list.path).toEqual(own);
      expect(await rows(jilin, list, ids.dx), list.path).toEqual([]);
    }
  });

  it('refuses a programme that is not an id, naming the field', async () => {
    const national = await s.as(s.f.users.national);
    const res = await national.get('/api/projects?programmeId=22');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('programmeId');
  });
});
