import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { newProject } from '../modules/projects/test-support/project-api.ts';
import { safeCell, safeCells } from './safe-cell.ts';

const load = async (payload: unknown) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as ArrayBuffer);
  return wb;
};

describe('safeCell', () => {
  it('prefixes text a spreadsheet would evaluate, and leaves everything else', () => {
    for (const v of ['=1+1', '+86 431', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(safeCell(v)).toBe(`'${v}`);
    for (const v of ['吉林省', '1．借鉴', '', "'quoted"]) expect(safeCell(v)).toBe(v);
    expect(safeCells([1, '=A1', null, '长春'])).toEqual([1, "'=A1", null, '长春']);
  });
});

describe.each(testEngines())('exported sheets on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const FORMULA = '=HYPERLINK("http://example.invalid","点击")';

  it('writes user text that starts like a formula as text: the project ledger, a park statement and a park ledger template', async () => {
    const c = await s.as(s.f.users.jilin);
    const p = await c.post(
      '/api/projects',
      newProject(s.f.pairings.jilinZhejiang, { title: FORMULA, investor: '+86 某投资公司' }),
    );
    expect(p.statusCode, p.body).toBe(201);
    const ledger = await load(
      (
        await c.get(
          `/api/projects/export.xlsx?pairingId=${s.f.pairings.jilinZhejiang}&q=${encodeURIComponent('某投资公司')}`,
        )
      ).rawPayload,
    );
    const row = ledger.worksheets[0]!.getRow(3);
    expect([row.getCell(4).value, row.getCell(5).value]).toEqual([`'${FORMULA}`, "'+86 某投资公司"]);
    expect(row.getCell(4).formula).toBeUndefined();

    const park = await c.post('/api/parks', {
      pairingId: s.f.pairings.jilinZhejiang,
      name: '=1+1 合作园',
      type: 'cooperation',
      hostRegionCode: '220100',
      partnerRegionCode: '330100',
      focusIndustries: ['36'],
    });
    expect(park.statusCode, park.body).toBe(201);
    const parkId = park.json().id as string;
    const agreement = await c.post(`/api/parks/${parkId}/agreements`, {
      title: '税收分成协议',
      parties: [
        { key: 'out', name: '-杭州市' },
        { key: 'in', name: '@长春市' },
      ],
      startsOn: '2024-01-01',
      terms: [{ figures: ['vat'], from: '2024-01-01', shares: { out: 50, in: 50 } }],
    });
    expect(agreement.statusCode, agreement.body).toBe(201);
    const agreementId = agreement.json().agreements[0].id as string;
    const statement = (
      await load((await c.get(`/api/parks/${parkId}/agreements/${agreementId}/statement.xlsx?year=2024`)).rawPayload)
    ).worksheets[0]!;
    expect(statement.getCell(1, 1).value).toBe("'=1+1 合作园 税收分成协议 2024年度利益分成结算表");
    expect([statement.getCell(3, 3).value, statement.getCell(3, 4).value]).toEqual(["'-杭州市", "'@长春市"]);

    expect((await c.post(`/api/parks/${parkId}/enterprises`, { name: '=某汽车电子有限公司' })).statusCode).toBe(201);
    const template = await load((await c.get(`/api/parks/${parkId}/ledger/template.xlsx`)).rawPayload);
    expect(template.getWorksheet('入驻企业名单')!.getCell(2, 1).value).toBe("'=某汽车电子有限公司");
  });
});
