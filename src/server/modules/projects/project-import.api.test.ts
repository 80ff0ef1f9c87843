import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { importSheet, uploadSheet } from './test-support/project-api.ts';
import { filledTemplate, goodRow } from './sheet/test-support/project-sheet-fixture.ts';
import { writeZip } from '../../kernel/zip/test-support/zip-writer.ts';
import { forgetLiveJobs, getJob, startJob } from '../../kernel/jobs/job-store.ts';
import { systemContext } from '../../http/system-actor.ts';
import { runProjectImport } from './sheet/project-import.service.ts';

describe.each(testEngines())('project sheet import on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const projectCount = async () =>
    Number((await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM projects`)).rows[0]!.n);
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => goodRow(i + 1, i === 2 ? { projectCode: '2104-220100-04-01-000003' } : {}));

  it('downloads the template for a pairing', async () => {
    const c = await s.as(s.f.users.jilin);
    const res = await c.get(`/api/projects/template.xlsx?pairingId=${s.f.pairings.jilinZhejiang}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('imports nothing from a sheet with two bad rows, and names both', async () => {
    const c = await s.as(s.f.users.jilin);
    const before = await projectCount();
    const sheet = rows(6);
    sheet[1] = goodRow(2, { signedAmount: -100 });
    sheet[4] = goodRow(5, { stage: '投产' });
    const job = await importSheet(s.t, c, s.f.pairings.jilinZhejiang, await filledTemplate(sheet));
    expect(job.statusCode).toBe(200);
    expect(job.body).toMatchObject({ status: 'failed', result: null });
    expect(
      job.body.errors.map((e: { row: number; column: string; code: string }) => `${e.row}${e.column}:${e.code}`),
    ).toEqual(['3O:negative_amount', '6N:stage_date_required']);
    expect(job.body.errors[0].zh).toBe('第 3 行 O 列“签约额（万元）”：不能为负数');
    expect(job.body.errors[1].en).toMatch(/^Row 6, column N \(Production start\)/);
    expect(await projectCount()).toBe(before);
  });

  it('imports the fixed sheet, and a second upload creates no duplicates', async () => {
    const c = await s.as(s.f.users.jilin);
    const before = await projectCount();
    const file = await filledTemplate(rows(6));
    const first = await importSheet(s.t, c, s.f.pairings.jilinZhejiang, file);
    expect(first.body, JSON.stringify(first.body.errors)).toMatchObject({
      status: 'done',
      phase: 'done',
      processed: 6,
      total: 6,
      result: { created: 6, updated: 0, unchanged: 0 },
    });
    expect(await projectCount()).toBe(before + 6);
    const again = await importSheet(s.t, c, s.f.pairings.jilinZhejiang, file);
    expect(again.body.result).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(await projectCount()).toBe(before + 6);

    // A changed figure updates the project it belongs to, keeping the earlier report as history.
    const changed = rows(6);
    changed[0] = goodRow(1, { arrivedFunds: 25000 });
    const third = await importSheet(s.t, c, s.f.pairings.jilinZhejiang, await filledTemplate(changed));
    expect(third.body.result).toMatchObject({ created: 0, updated: 1, unchanged: 5 });
    const id = third.body.result.projectIds[0];
    const p = (await c.get(`/api/projects/${id}`)).json();
    expect(p.figures.arrived).toBe('25000');
    expect(
      p.reports.filter((r: { figure: string }) => r.figure === 'arrived').map((r: { amount: string }) => r.amount),
    ).toEqual(['18000.5', '25000']);
    expect(p.moves.map((m: { to: string }) => m.to)).toEqual(['signed', 'started']);
    const audit = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'project.import'`,
    );
    expect(audit.rows[0]!.n).toBe(3);

    // A later stage and a changed figure of two projects in one file: each moves on, with its derived columns and version.
    changed[3] = goodRow(4, { stage: '投产', producingOn: '2025-06-01' });
    changed[2] = { ...changed[2], completedInvestment: 30000 };
    const fourth = await importSheet(s.t, c, s.f.pairings.jilinZhejiang, await filledTemplate(changed));
    expect(fourth.body.result).toMatchObject({ created: 0, updated: 2, unchanged: 4 });
    const [grown, moved] = await Promise.all(
      fourth.body.result.projectIds.map(async (pid: string) => (await c.get(`/api/projects/${pid}`)).json()),
    );
    expect(moved).toMatchObject({
      stage: 'producing',
      furthestStage: 'producing',
      producingOn: '2025-06-01',
      version: 2,
    });
    expect(moved.moves.map((m: { to: string }) => m.to)).toEqual(['signed', 'started', 'producing']);
    expect(grown).toMatchObject({ stage: 'started', figures: { completed: '30000', arrived: '18000.5' }, version: 2 });
  });

  it('refuses files that are not spreadsheets, and zip bombs, at once', async () => {
    const c = await s.as(s.f.users.jilin);
    const before = await projectCount();
    const text = await uploadSheet(
      s.t,
      c,
      s.f.pairings.jilinZhejiang,
      Buffer.from('项目名称,投资方\n'),
      'projects.csv',
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({
      code: 'project_sheet_refused',
      details: [{ field: 'file', code: 'sheet_not_spreadsheet' }],
    });
    const bomb = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x41) },
    ]);
    const refused = await uploadSheet(s.t, c, s.f.pairings.jilinZhejiang, bomb);
    expect(refused.json().error.details[0].code).toBe('sheet_zip_bomb');
    const noPairing = await uploadSheet(s.t, c, null, await filledTemplate(rows(1)));
    expect(noPairing.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'pairing_required' });
    expect(await projectCount()).toBe(before);
  });

  it('refuses to import into another pairing, and hides the job from others', async () => {
    const liaoning = await s.as(s.f.users.liaoning);
    const res = await uploadSheet(s.t, liaoning, s.f.pairings.jilinZhejiang, await filledTemplate(rows(1)));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
    const jilin = await s.as(s.f.users.jilin);
    const started = await uploadSheet(s.t, jilin, s.f.pairings.jilinZhejiang, await filledTemplate(rows(1)));
    expect((await liaoning.get(`/api/projects/import/${started.json().id}`)).statusCode).toBe(404);
    await jilin.get(`/api/projects/import/${started.json().id}?wait=true`);
  });

  it('answers a job from the jobs table as another app process would, and reports one whose process died', async () => {
    const jilin = await s.as(s.f.users.jilin);
    const started = await uploadSheet(s.t, jilin, s.f.pairings.jilinZhejiang, await filledTemplate(rows(2)));
    const id = started.json().id;
    const local = (await jilin.get(`/api/projects/import/${id}?wait=true`)).json();
    expect(local.status).toBe('done');
    expect(local.result).not.toBeNull();
    forgetLiveJobs();
    const elsewhere = await jilin.get(`/api/projects/import/${id}`);
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json()).toEqual(local);
    expect((await (await s.as(s.f.users.liaoning)).get(`/api/projects/import/${id}`)).statusCode).toBe(404);

    // A job still marked running whose heartbeat stopped a while ago was cut off by a restart.
    await s.t.database.db.execute(
      sql`UPDATE background_jobs SET status = 'running', phase = 'saving', outcome = NULL, heartbeat_at = now() - interval '10 minutes' WHERE id = ${id}`,
    );
    const dead = (await jilin.get(`/api/projects/import/${id}?wait=true`)).json();
    expect(dead).toMatchObject({ status: 'failed', phase: 'done', result: null, error: { code: 'job_interrupted' } });
    expect(dead.error.zh).toContain('请重新上传');
  });

  it('reports what an import stored when its process died right after the commit', async () => {
    const system = systemContext(s.t.deps);
    const ctx = { ...system, actor: { ...system.actor, userId: s.f.users.jilin.userId } };
    const file = { buffer: await filledTemplate(rows(3)), fileName: 'projects.xlsx' };
    let committed!: () => void;
    const stored = new Promise<void>((resolve) => {
      committed = resolve;
    });
    const job = await startJob(ctx.db, 'project_import', ctx.actor.userId, async (progress, finish) => {
      const outcome = await runProjectImport(ctx, s.f.pairings.jilinZhejiang, file, progress, { finish });
      committed();
      expect(outcome.result).not.toBeNull();
      // The process dies here: the job store never gets to write the outcome itself.
      return new Promise(() => {});
    });
    await stored;
    forgetLiveJobs();
    await s.t.database.db.execute(
      sql`UPDATE background_jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = ${job.id}`,
    );
    const seen = await getJob(ctx.db, ctx.actor.userId, job.id, false);
    expect(seen).toMatchObject({ status: 'done', phase: 'done', error: null });
    expect(seen!.result).not.toBeNull();
  });
});
