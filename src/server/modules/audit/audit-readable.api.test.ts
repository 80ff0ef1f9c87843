import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';

/** The trail as the 审计管理员 reads it: objects by their current name, filters by choice, an Excel export. */
describe.each(testEngines())('readable audit trail on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('names the object a row points at while it exists, and offers the actions the trail holds', async () => {
    const sys = await s.as(s.f.users.sysadmin);
    const org = (
      await sys.post('/api/organisations', { name: '审计测试单位', kind: 'lead_unit', regionCode: '220000' })
    ).json();
    const auditor = await s.as(s.f.users.auditor);

    const created = (await auditor.get('/api/audit?action=organisation.create&pageSize=50')).json();
    const row = created.items.find((i: { objectId: string }) => i.objectId === org.id);
    expect(row).toMatchObject({
      objectType: 'organisation',
      objectName: '审计测试单位',
      actorName: s.f.users.sysadmin.username,
    });
    // The filter is the action chosen, not a prefix: organisation.create lists no other action.
    expect(created.items.every((i: { action: string }) => i.action === 'organisation.create')).toBe(true);

    // A renamed object shows its name now, on its older rows too.
    await sys.patch(`/api/organisations/${org.id}`, { version: 1, name: '审计测试单位（更名）' });
    const renamed = (await auditor.get(`/api/audit?objectType=organisation&objectId=${org.id}`)).json();
    expect(renamed.items.map((i: { objectName: string }) => i.objectName)).toEqual([
      '审计测试单位（更名）',
      '审计测试单位（更名）',
    ]);

    const actions = (await auditor.get('/api/audit/actions')).json().actions as string[];
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'organisation.create', 'organisation.update']));
    expect([...actions].sort()).toEqual(actions);
  });

  it('exports the filtered trail to Excel in words, and the export is itself audited', async () => {
    const auditor = await s.as(s.f.users.auditor);
    const listed = (await auditor.get('/api/audit?action=auth.login&result=success&pageSize=500')).json();
    const res = await auditor.get('/api/audit/export.xlsx?action=auth.login&result=success');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++)
      rows.push((ws.getRow(r).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
    expect(rows[0]![0]).toBe('审计日志');
    const header = rows.findIndex((r) => r[0] === '时间');
    expect(rows[header]).toEqual(expect.arrayContaining(['操作人', '操作', '对象类型', '对象', '结果']));
    const body = rows.slice(header + 1).filter((r) => r[0]);
    expect(body).toHaveLength(listed.total);
    expect(body.every((r) => r[2] === '登录 · 登录' && r[6] === '成功')).toBe(true);

    const { rows: exports } = await s.t.database.db.execute<{
      actor_name: string;
      details: { filter: object; rows: number };
    }>(sql`SELECT actor_name, details FROM audit_log WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1`);
    expect(exports[0]).toMatchObject({
      actor_name: s.f.users.auditor.username,
      details: { filter: { action: 'auth.login', result: 'success' }, rows: listed.total },
    });
    // Only the audit administrator reads the trail, exports included.
    const national = await s.as(s.f.users.national);
    expect((await national.get('/api/audit/export.xlsx')).statusCode).toBe(403);
  });
});
