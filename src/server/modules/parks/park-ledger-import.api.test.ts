import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { writeZip } from '../../kernel/zip/test-support/zip-writer.ts';
import { filledLedgerTemplate, uploadFile, type LedgerSheetRow } from './test-support/ledger-sheet-fixture.ts';

describe.each(testEngines())('park ledger import from Excel on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const ids: { park?: string; agreement?: string } = {};
  let template: Buffer;
  const entryCount = async () =>
    Number(
      (
        await s.t.database.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM park_ledger_entries WHERE park_id = ${ids.park!}`,
        )
      ).rows[0]!.n,
    );
  const importUrl = () => `/api/parks/${ids.park}/ledger/import`;

  const good = (): LedgerSheetRow[] => [
    { seq: 1, enterprise: '吉林某汽车电子有限公司', figure: '增值税', year: 2024, month: 3, amount: 123456.79 },
    { seq: 2, enterprise: '长春某零部件有限公司', figure: '增值税', year: '2024年', month: '5月', amount: '0.02' },
    { seq: 3, enterprise: '吉林某汽车电子有限公司', figure: '增值税', year: 2024, month: 9, amount: '100,000.01' },
    { seq: 4, enterprise: '吉林某汽车电子有限公司', figure: '企业所得税', year: 2023, amount: 1000000 },
    {
      seq: 5,
      enterprise: '吉林某汽车电子有限公司 ',
      creditCode: '91220101MA0000000X',
      figure: 'GDP',
      year: 2023,
      month: '全年',
      amount: 5000000,
    },
  ];

  it('downloads a template listing the park’s enterprises', async () => {
    const c = await s.as(s.f.users.jilin);
    const park = await c.post('/api/parks', {
      pairingId: s.f.pairings.jilinZhejiang,
      name: '长春—杭州台账导入园',
      type: 'cooperation',
      hostRegionCode: '220100',
    });
    ids.park = park.json().id;
    await c.post(`/api/parks/${ids.park}/enterprises`, {
      name: '吉林某汽车电子有限公司',
      creditCode: '91220101MA0000000X',
    });
    await c.post(`/api/parks/${ids.park}/enterprises`, { name: '长春某零部件有限公司' });
    const agreement = await c.post(`/api/parks/${ids.park}/agreements`, {
      title: '税收分成协议',
      parties: [
        { key: 'out', name: '杭州市' },
        { key: 'in', name: '长春市' },
      ],
      startsOn: '2019-07-01',
      terms: [
        { figures: ['vat', 'corporate_income_tax'], from: '2019-07-01', to: '2024-06-30', shares: { out: 50, in: 50 } },
        { figures: ['vat', 'corporate_income_tax'], from: '2024-07-01', shares: { out: 30, in: 70 } },
        { figures: ['gdp'], from: '2019-07-01', shares: { out: 50, in: 50 } },
      ],
    });
    ids.agreement = agreement.json().agreements[0].id;

    const res = await c.get(`/api/parks/${ids.park}/ledger/template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    template = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.getWorksheet('入驻企业名单')!.getColumn(1).values.slice(2)).toEqual([
      '吉林某汽车电子有限公司',
      '长春某零部件有限公司',
    ]);
    expect(wb.getWorksheet('园区台账导入')!.getRow(1).values).toEqual([
      undefined,
      '序号',
      '企业名称*',
      '统一社会信用代码',
      '指标*',
      '年度*',
      '月份',
      '金额（元）*',
    ]);
    const audit = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'park.ledger.template' AND object_id = ${ids.park!}`,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('imports nothing from a sheet with bad rows, and names each row and column', async () => {
    const c = await s.as(s.f.users.jilin);
    const before = await entryCount();
    const rows = good();
    rows[1] = { ...rows[1], enterprise: '沈阳某公司' };
    rows[2] = { ...rows[2], amount: -5 };
    rows.push({ seq: 6, enterprise: '长春某零部件有限公司', figure: '增值税', year: 2024, month: 13, amount: 1 });
    rows.push({ seq: 7, enterprise: '长春某零部件有限公司', figure: '消费税', year: 2024, amount: '1.001' });
    rows.push({ seq: 8, enterprise: '长春某零部件有限公司', figure: '增值税', year: 2024, amount: 10 });
    rows.push({
      seq: 9,
      enterprise: '吉林某汽车电子有限公司',
      creditCode: '91220101MA0000001X',
      figure: '增值税',
      year: 2024,
      month: 3,
      amount: 1,
    });
    const res = await uploadFile(s.t, c, importUrl(), await filledLedgerTemplate(template, rows));
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('park_ledger_import_invalid');
    expect(
      error.details.map((d: { row: number; column: string; code: string }) => `${d.row}${d.column}:${d.code}`),
    ).toEqual([
      '3B:enterprise_not_in_park',
      '4G:negative_amount',
      '7F:invalid_month_number',
      '8D:invalid_choice',
      '8G:invalid_yuan',
      '9F:period_straddles_terms',
      '10C:credit_code_mismatch',
    ]);
    expect(error.details[0].zh).toBe(
      '第 3 行 B 列“企业名称”：“沈阳某公司”不是本园区登记的入驻企业，请先在园区页面登记该企业',
    );
    expect(error.details[1].en).toBe('Row 4, column G (Amount (yuan)): must not be negative');
    expect(error.zh).toBe('台账表有 7 处错误，未导入任何记录，请修改后重新上传');
    expect(await entryCount()).toBe(before);
  });

  it('imports the fixed sheet, a second upload stores nothing, and a changed amount becomes a correction', async () => {
    const c = await s.as(s.f.users.jilin);
    const file = await filledLedgerTemplate(template, good());
    const first = await uploadFile(s.t, c, importUrl(), file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 5, corrected: 0, unchanged: 0, rows: 5 });
    expect(await entryCount()).toBe(5);
    // The same figures as typed in by hand in parks.api.test.ts: 增值税 杭州 91,728.41 元, 长春 131,728.41 元.
    const st = (await c.get(`/api/parks/${ids.park}/agreements/${ids.agreement}/statement?year=2024`)).json();
    expect(st.parties.map((p: { byFigure: { vat: string } }) => p.byFigure.vat)).toEqual(['91728.41', '131728.41']);

    const again = await uploadFile(s.t, c, importUrl(), file);
    expect(again.json()).toEqual({ created: 0, corrected: 0, unchanged: 5, rows: 5 });
    expect(await entryCount()).toBe(5);

    const changed = good();
    changed[3] = { ...changed[3], amount: '1200000.01' };
    const third = await uploadFile(s.t, c, importUrl(), await filledLedgerTemplate(template, changed));
    expect(third.json()).toEqual({ created: 0, corrected: 1, unchanged: 4, rows: 5 });
    const ledger = (await c.get(`/api/parks/${ids.park}/ledger?year=2023`)).json();
    expect(
      ledger.items
        .filter((e: { figure: string }) => e.figure === 'corporate_income_tax')
        .map((e: { amount: string; superseded: boolean }) => [e.amount, e.superseded]),
    ).toEqual([
      ['1000000.00', true],
      ['1200000.01', false],
    ]);
    expect(ledger.years).toEqual([2024, 2023]);
    expect(ledger.enterpriseTotals).toEqual([
      expect.objectContaining({ tax: '1200000.01', gdp: '5000000.00', output: '0.00', entryCount: 2 }),
    ]);
    const audit = await s.t.database.db.execute<{ details: { created: number; corrected: number } }>(
      sql`SELECT details FROM audit_log WHERE action = 'park.ledger.import' AND object_id = ${ids.park!} ORDER BY id`,
    );
    expect(audit.rows.map((r) => [r.details.created, r.details.corrected])).toEqual([
      [5, 0],
      [0, 0],
      [0, 1],
    ]);
  });

  it('names a row that repeats another', async () => {
    const c = await s.as(s.f.users.jilin);
    const rows = good();
    rows.push({ ...rows[0], seq: 6, amount: 1 });
    const res = await uploadFile(s.t, c, importUrl(), await filledLedgerTemplate(template, rows));
    expect(res.json().error.details.map((d: { row: number; code: string }) => `${d.row}:${d.code}`)).toEqual([
      '7:duplicate_in_file',
    ]);
    expect(res.json().error.details[0].zh).toContain('与第 2 行是同一企业、指标和期间');
  });

  it('refuses what is not a spreadsheet, a zip bomb and an empty sheet, storing nothing', async () => {
    const c = await s.as(s.f.users.jilin);
    const before = await entryCount();
    const csv = await uploadFile(s.t, c, importUrl(), Buffer.from('企业名称,指标\n'), 'ledger.csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().error).toMatchObject({
      code: 'park_ledger_sheet_refused',
      details: [{ field: 'file', code: 'sheet_not_spreadsheet' }],
    });
    const bomb = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x41) },
    ]);
    expect((await uploadFile(s.t, c, importUrl(), bomb)).json().error.details[0].code).toBe('sheet_zip_bomb');
    const empty = await uploadFile(s.t, c, importUrl(), template);
    expect(empty.json().error.details[0]).toMatchObject({ code: 'sheet_no_rows', zh: '工作表中没有台账数据行。' });
    const json = await c.post(importUrl(), {});
    expect(json.json().error).toMatchObject({ code: 'park_upload_required' });
    expect(await entryCount()).toBe(before);
  });

  it('keeps another pairing out: no template, no import', async () => {
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.get(`/api/parks/${ids.park}/ledger/template.xlsx`)).statusCode).toBe(404);
    const before = await entryCount();
    const changed = good();
    changed[0] = { ...changed[0], amount: 1 };
    expect(
      (await uploadFile(s.t, liaoning, importUrl(), await filledLedgerTemplate(template, changed))).statusCode,
    ).toBe(404);
    expect(await entryCount()).toBe(before);
  });
});
