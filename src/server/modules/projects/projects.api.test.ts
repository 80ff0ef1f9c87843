import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { newProject } from './test-support/project-api.ts';

describe.each(testEngines())('projects on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const count = async (table: string) =>
    Number(
      (await s.t.database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n,
    );

  it('creates a project and moves it through its stages with the date of each move, audited', async () => {
    const c = await s.as(s.f.users.jilin);
    const created = await c.post('/api/projects', newProject(s.f.pairings.jilinZhejiang));
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      stage: 'planning',
      side: 'a',
      hostRegion: { code: '220100', name: '长春市' },
      industrySection: 'C',
      industryName: '汽车制造业',
      isDemo: false,
    });
    expect(p.figures).toEqual({ signed: '0', planned: '52000', arrived: '0', completed: '0' });
    expect(p.nextStages).toEqual(['signed', 'paused', 'terminated']);

    const move = (to: string, on: string) => c.post(`/api/projects/${p.id}/moves`, { to, on });
    const version = async () => (await c.get(`/api/projects/${p.id}`)).json().version;
    expect((await move('signed', '2024-03-15')).statusCode).toBe(200);
    expect(
      (
        await c.post(`/api/projects/${p.id}/figures`, {
          version: await version(),
          figure: 'signed',
          period: { year: 2024, month: 3 },
          amount: '50000',
        })
      ).statusCode,
    ).toBe(200);
    expect((await move('sited', '2024-05-10')).statusCode).toBe(200);
    expect((await move('started', '2024-08-01')).statusCode).toBe(200);
    expect(
      (
        await c.post(`/api/projects/${p.id}/figures`, {
          version: await version(),
          figure: 'completed',
          period: { year: 2024, month: 12 },
          amount: 12000,
        })
      ).statusCode,
    ).toBe(200);
    const done = await move('producing', '2025-10-01');
    expect(done.statusCode).toBe(200);
    const d = done.json();
    expect(d.stage).toBe('producing');
    expect(d.moves.map((m: { to: string; on: string }) => `${m.to}@${m.on}`)).toEqual([
      'planning@2024-01-05',
      'signed@2024-03-15',
      'sited@2024-05-10',
      'started@2024-08-01',
      'producing@2025-10-01',
    ]);
    expect(d).toMatchObject({
      signedOn: '2024-03-15',
      startedOn: '2024-08-01',
      producingOn: '2025-10-01',
      figures: { signed: '50000', completed: '12000' },
    });
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${p.id} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'project.create',
      'project.stage',
      'project.figure',
      'project.stage',
      'project.stage',
      'project.figure',
      'project.stage',
    ]);
  });

  it('refuses illegal moves and impossible money with the field named, changing nothing', async () => {
    const c = await s.as(s.f.users.jilin);
    const p = (
      await c.post(
        '/api/projects',
        newProject(s.f.pairings.jilinZhejiang, { title: '吉林化纤配套项目', investor: '杭州某化纤公司' }),
      )
    ).json();
    const before = {
      moves: await count('project_stage_moves'),
      reports: await count('project_figure_reports'),
      audit: await count('audit_log'),
    };
    const cases: [string, unknown, string, string][] = [
      ['moves', { to: 'started', on: '2024-02-01' }, 'to', 'illegal_stage_move'],
      ['moves', { to: 'signed', on: '2023-12-31' }, 'on', 'stage_date_order'],
      ['moves', { to: 'signed', on: '2099-01-01' }, 'on', 'date_in_future'],
      [
        'figures',
        { figure: 'completed', period: { year: 2024, month: 6 }, amount: '10' },
        'amount',
        'completed_before_start',
      ],
      ['figures', { figure: 'planned', period: { year: 2024, month: 6 }, amount: '-1' }, 'amount', 'negative_amount'],
      [
        'figures',
        { figure: 'arrived', period: { year: 2024, month: 6 }, amount: '5' },
        'amount',
        'arrived_exceeds_signed',
      ],
      ['figures', { figure: 'planned', period: { year: 2024, month: 13 }, amount: '5' }, 'period.month', 'too_big'],
    ];
    for (const [path, body, field, code] of cases) {
      const res = await c.post(
        `/api/projects/${p.id}/${path}`,
        path === 'figures' ? { version: p.version, ...(body as object) } : body,
      );
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const detail = res.json().error.details.find((x: { field: string }) => x.field === field);
      expect(detail, JSON.stringify(res.json().error.details)).toMatchObject({ code });
      expect(detail.zh).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect({
      moves: await count('project_stage_moves'),
      reports: await count('project_figure_reports'),
      audit: await count('audit_log'),
    }).toEqual(before);
    const bad = await c.post(
      '/api/projects',
      newProject(s.f.pairings.jilinZhejiang, {
        hostRegionCode: '210100',
        projectCode: '2104-990100-04-01-123456',
        plannedInvestment: 'abc',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((x: { field: string; code: string }) => `${x.field}:${x.code}`)).toEqual(
      expect.arrayContaining(['projectCode:project_code_region', 'plannedInvestment:invalid_amount']),
    );
  });

  it('lets 到位资金 exceed 签约额 only with a recorded reason', async () => {
    const c = await s.as(s.f.users.jilin);
    const p = (
      await c.post(
        '/api/projects',
        newProject(s.f.pairings.jilinZhejiang, {
          title: '延边冰雪装备项目',
          investor: '温州某装备公司',
          stage: 'signed',
          stageOn: '2024-03-01',
          signedAmount: '1000',
        }),
      )
    ).json();
    expect(p.stage).toBe('signed');
    const over = { version: p.version, figure: 'arrived', period: { year: 2024, month: 6 }, amount: '1200' };
    expect((await c.post(`/api/projects/${p.id}/figures`, over)).statusCode).toBe(400);
    const ok = await c.post(`/api/projects/${p.id}/figures`, {
      ...over,
      overrideReason: '追加投资协议已签，签约额待更新',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().reports.at(-1)).toMatchObject({
      figure: 'arrived',
      amount: '1200',
      overrideReason: '追加投资协议已签，签约额待更新',
    });
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${p.id} ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]!.action).toBe('project.figure.override');
  });

  it('reports a figure against the version seen: the second of two writers gets 409', async () => {
    const c = await s.as(s.f.users.jilin);
    const p = (
      await c.post(
        '/api/projects',
        newProject(s.f.pairings.jilinZhejiang, {
          title: '长白山矿泉水项目',
          investor: '杭州某饮品公司',
          stage: 'signed',
          stageOn: '2024-03-01',
          signedAmount: '1000',
        }),
      )
    ).json();
    const report = (amount: string) => ({
      version: p.version,
      figure: 'arrived',
      period: { year: 2024, month: 6 },
      amount,
    });
    const first = await c.post(`/api/projects/${p.id}/figures`, report('300'));
    expect(first.statusCode).toBe(200);
    const second = await c.post(`/api/projects/${p.id}/figures`, report('400'));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('conflict');
    const now = (await c.get(`/api/projects/${p.id}`)).json();
    expect(now.figures.arrived).toBe('300');
    expect((await c.post(`/api/projects/${p.id}/figures`, { ...report('400'), version: now.version })).statusCode).toBe(
      200,
    );
  });

  it('edits a project against the version seen, keeps project codes unique, audited', async () => {
    const c = await s.as(s.f.users.jilin);
    const p = (
      await c.post(
        '/api/projects',
        newProject(s.f.pairings.jilinZhejiang, {
          title: '梅河口医药物流园',
          investor: '杭州某医药公司',
          projectCode: '2104-220581-04-01-000777',
        }),
      )
    ).json();
    const edited = await c.patch(`/api/projects/${p.id}`, {
      version: p.version,
      landmark: true,
      industryDivision: '59',
      industrySection: 'G',
      support: { bank_credit: '3000' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      landmark: true,
      industryName: '装卸搬运和仓储业',
      support: { bank_credit: '3000' },
      version: p.version + 1,
    });
    expect((await c.patch(`/api/projects/${p.id}`, { version: p.version, note: 'stale' })).statusCode).toBe(409);
    const mismatch = await c.patch(`/api/projects/${p.id}`, {
      version: p.version + 1,
      industryDivision: '36',
      industrySection: 'G',
    });
    expect(mismatch.json().error.details[0]).toMatchObject({ field: 'industryDivision', code: 'industry_mismatch' });
    const other = await c.post(
      '/api/projects',
      newProject(s.f.pairings.jilinZhejiang, {
        title: '另一个项目',
        investor: '另一家公司',
        projectCode: '2104-220581-04-01-000777',
      }),
    );
    expect(other.json().error.details[0]).toMatchObject({ field: 'projectCode', code: 'duplicate_project_code' });
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${p.id} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['project.create', 'project.update']);
    // The audit row holds what the edit changed, before and after, support amounts by their columns.
    const details = await s.t.database.db.execute<{
      details: { before: Record<string, unknown>; after: Record<string, unknown> };
    }>(sql`SELECT details FROM audit_log WHERE object_id = ${p.id} AND action = 'project.update'`);
    expect(details.rows[0]!.details).toEqual({
      before: {
        landmark: false,
        industryDivision: p.industryDivision,
        industrySection: p.industrySection,
        bankCreditWan: null,
      },
      after: { landmark: true, industryDivision: '59', industrySection: 'G', bankCreditWan: '3000' },
    });
  });

  it('keeps projects of other pairings out of sight: 404, absent from lists, totals and exports', async () => {
    const jilin = await s.as(s.f.users.jilin);
    const p = (
      await jilin.post(
        '/api/projects',
        newProject(s.f.pairings.jilinZhejiang, { title: '仅吉林可见的项目', investor: '某公司' }),
      )
    ).json();
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.get(`/api/projects/${p.id}`)).statusCode).toBe(404);
    expect((await liaoning.post(`/api/projects/${p.id}/moves`, { to: 'signed', on: '2024-02-01' })).statusCode).toBe(
      404,
    );
    expect((await liaoning.patch(`/api/projects/${p.id}`, { version: 1, title: 'x' })).statusCode).toBe(404);
    const list = (await liaoning.get('/api/projects?pageSize=500')).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await liaoning.get(`/api/projects?pairingId=${s.f.pairings.jilinZhejiang}`)).json().total).toBe(0);
    const created = await liaoning.post('/api/projects', newProject(s.f.pairings.jilinZhejiang, { title: '越权项目' }));
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
    expect((await liaoning.get('/api/projects/stats')).json().counts.projects).toBe(0);
    const exported = await liaoning.get('/api/projects/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(JSON.stringify(wb.worksheets[0]!.getSheetValues())).not.toContain('仅吉林可见的项目');
    const unit = await s.as(s.f.users.jilinUnit);
    expect((await unit.get(`/api/projects/${p.id}`)).statusCode).toBe(200);
    expect((await unit.post('/api/projects', newProject(s.f.pairings.jilinZhejiang, { title: 'y' }))).statusCode).toBe(
      403,
    );
  });

  it('answers the funnel, money by stage and rates from the ledger, and exports it with totals', async () => {
    const c = await s.as(s.f.users.jilin);
    const stats = (await c.get(`/api/projects/stats?pairingId=${s.f.pairings.jilinZhejiang}&groupBy=side`)).json();
    const list = (await c.get(`/api/projects?pairingId=${s.f.pairings.jilinZhejiang}&pageSize=500`)).json();
    expect(stats.counts.projects).toBe(list.total);
    const reached = (stage: string, order: string[]) =>
      list.items.filter((p: { furthestStage: string }) => order.indexOf(p.furthestStage) >= order.indexOf(stage))
        .length;
    const order = ['planning', 'signed', 'sited', 'started', 'producing'];
    expect(stats.funnel).toEqual(order.map((stage) => ({ stage, reached: reached(stage, order) })));
    const producing = stats.byStage.find((b: { stage: string }) => b.stage === 'producing');
    expect(producing).toMatchObject({ projects: 1, figures: { signed: '50000', completed: '12000' } });
    expect(stats.overall.startRate).not.toBeNull();
    expect(stats.groups.map((g: { key: string }) => g.key)).toEqual(['a']);
    const exported = await c.get(`/api/projects/export.xlsx?pairingId=${s.f.pairings.jilinZhejiang}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain(encodeURIComponent('合作项目台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(16).value).toBe('签约额（万元）');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(16).value).toBe(Number(list.totals.signed));
    // In the user's language: the web app sends its interface language, the same ledger comes in English.
    const english = await c.get(`/api/projects/export.xlsx?pairingId=${s.f.pairings.jilinZhejiang}`, {
      'accept-language': 'en',
    });
    expect(english.headers['content-disposition']).toContain('projects-');
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    const enSheet = en.worksheets[0]!;
    expect(enSheet.name).toBe('Projects');
    expect(enSheet.getRow(2).getCell(16).value).toBe('Signed (10k yuan)');
    expect(enSheet.getRow(2).getCell(12).value).toBe('Stage');
    // Stages in words of the language, row for row.
    const stageOf = (sheet: ExcelJS.Worksheet) =>
      Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(i + 3).getCell(12).value);
    const EN: Record<string, string> = {
      谋划: 'Planning',
      签约: 'Signed',
      落位: 'Sited',
      开工: 'Construction started',
      投产: 'In production',
    };
    expect(stageOf(enSheet)).toEqual(stageOf(ws).map((zh) => EN[zh as string] ?? zh));
    expect(enSheet.getRow(enSheet.rowCount).getCell(1).value).toBe('Total');
    const audit = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'project.export'`,
    );
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(3);

    // The cached totals and figures follow the next change at once.
    await c.post(
      '/api/projects',
      newProject(s.f.pairings.jilinZhejiang, {
        title: '缓存检验项目',
        investor: '某公司',
        stage: 'signed',
        stageOn: '2024-02-01',
        signedAmount: '1',
      }),
    );
    const after = (await c.get(`/api/projects/stats?pairingId=${s.f.pairings.jilinZhejiang}&groupBy=side`)).json();
    expect(after.counts.projects).toBe(stats.counts.projects + 1);
    expect(after.overall.signedProjects).toBe(stats.overall.signedProjects + 1);
    const listAfter = (await c.get(`/api/projects?pairingId=${s.f.pairings.jilinZhejiang}&pageSize=1`)).json();
    expect(listAfter.total).toBe(list.total + 1);
  });
});
