import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { loadSeedPlans } from './test-support/plan-api.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';

describe('formula injection guard', () => {
  it('prefixes = + - @ tab and carriage return with an apostrophe, and leaves other text alone', () => {
    for (const v of ['=1+1', '+86 431', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(safeCell(v)).toBe(`'${v}`);
    for (const v of ['吉林省', '1．借鉴', '', "'quoted"]) expect(safeCell(v)).toBe(v);
  });
});

describe.each(testEngines())('task ledger export on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let plans: Awaited<ReturnType<typeof loadSeedPlans>>;
  beforeAll(async () => {
    plans = await loadSeedPlans(s.t);
  });

  it('exports the 任务台账 in the layout officials use, safe against formula injection, and audits the download', async () => {
    const c = await s.as(s.f.users.jilin);
    const tasks = (await c.get(`/api/tasks?planId=${plans.jilinZhejiang}&pageSize=100`)).json().items as TaskSummary[];
    const first = tasks.find((t) => t.code === '1')!;
    await c.patch(`/api/tasks/${first.id}`, {
      version: first.version,
      status: 'in_progress',
      deadline: '2030-06-30',
      progressNote: '=HYPERLINK("http://evil.example","点击")',
      units: [
        { name: '吉林省政务服务和数字化建设管理局', side: 'a', role: 'lead' },
        { name: '@浙江省委改革办', side: 'b', role: 'lead' },
        { name: '-吉林省司法厅', side: 'a', role: 'co' },
      ],
      targets: [{ min: '10', max: '20', unit: '户', comparison: 'range' }],
      milestones: [{ title: '印发对标方案', dueOn: '2030-01-31', doneOn: '2030-01-20' }],
    });
    const res = await c.get(`/api/plans/${plans.jilinZhejiang}/ledger.xlsx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('吉林省与浙江省对口合作实施方案任务台账.xlsx'),
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('任务台账')!;
    expect(ws).toBeTruthy();
    expect(String(ws.getCell(1, 1).value)).toBe('吉林省与浙江省对口合作实施方案任务台账');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '序号',
      '任务',
      '牵头单位',
      '配合单位',
      '完成时限',
      '目标',
      '进展',
      '状态',
    ]);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 3) rows.push((row.values as unknown[]).slice(1));
    });
    const taskRows = rows.filter((r) => r.length > 1 && /^\d+$/.test(String(r[0])));
    expect(taskRows.map((r) => r[0])).toEqual(tasks.map((t) => t.code));
    expect(rows.map((r) => r[0])).toContain('（一）体制机制创新');
    const row1 = taskRows[0]!;
    expect(row1[1]).toMatch(/^全面对标浙江省推进行政审批制度改革的成功经验，借鉴/);
    // Only a cell's first character makes it a formula.
    expect(row1[2]).toBe('吉林省政务服务和数字化建设管理局、@浙江省委改革办');
    expect(row1[3]).toBe("'-吉林省司法厅");
    expect(row1[4]).toBe('2030-06-30');
    expect(row1[5]).toBe('10—20 户');
    expect(String(row1[6])).toMatch(/^'=HYPERLINK/);
    expect(String(row1[6])).toContain('✓ 印发对标方案（2030-01-20 完成）');
    expect(row1[7]).toBe('推进中');
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    // In the user's language (the web app sends its interface language): the same ledger, headed in English.
    const english = await c.get(`/api/plans/${plans.jilinZhejiang}/ledger.xlsx`, { 'accept-language': 'en' });
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    const enSheet = en.getWorksheet('Tasks')!;
    expect(String(enSheet.getCell(1, 1).value)).toBe('Task ledger of 吉林省与浙江省对口合作实施方案');
    expect(enSheet.getRow(3).getCell(2).value).toBe('Task');
    expect(enSheet.getRow(3).getCell(8).value).toBe('Status');
    expect(String(english.headers['content-disposition'])).toContain(encodeURIComponent('tasks of 吉林省与浙江省'));
    const audit = await s.t.database.db.execute<{ action: string; actor_name: string }>(
      sql`SELECT action, actor_name FROM audit_log WHERE object_id = ${plans.jilinZhejiang} AND action = 'plan.ledger_export'`,
    );
    expect(audit.rows).toEqual([
      { action: 'plan.ledger_export', actor_name: 'jilin' },
      { action: 'plan.ledger_export', actor_name: 'jilin' },
    ]);
    expect((await c.get(`/api/plans/${plans.liaoningJiangsu}/ledger.xlsx`)).statusCode).toBe(404);
  });
});
