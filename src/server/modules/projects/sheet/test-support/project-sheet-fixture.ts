import ExcelJS from 'exceljs';
import { buildProjectTemplate, TEMPLATE_SHEET } from '../project-sheet-template.ts';
import { PROJECT_SHEET_COLUMNS } from '../project-sheet-columns.ts';
import type { RowLookups } from '../project-row-validator.ts';

export type SheetRow = Partial<Record<(typeof PROJECT_SHEET_COLUMNS)[number]['key'], unknown>>;

/** The downloadable template filled with `rows`, as an office would upload it. */
export async function filledTemplate(rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildProjectTemplate()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    PROJECT_SHEET_COLUMNS.forEach((c, j) => {
      if (r[c.key] !== undefined) row.getCell(j + 1).value = r[c.key] as ExcelJS.CellValue;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid row for the 吉林—浙江 pairing at stage 开工. */
export function goodRow(n: number, extra: SheetRow = {}): SheetRow {
  return {
    seq: n,
    title: `新能源汽车零部件项目${n}`,
    investor: `浙江某某汽车零部件有限公司${n}`,
    investorRegion: '宁波市',
    hostRegion: '长春市',
    industry: 'C36',
    type: '工业',
    stage: '开工',
    signedOn: new Date(Date.UTC(2024, 2, 15)),
    startedOn: '2024-08-01',
    signedAmount: 50000,
    plannedInvestment: '52,000',
    arrivedFunds: 18000.5,
    completedInvestment: 12000,
    figuresAsOf: '2024-12',
    landmark: '否',
    greenChannel: '是',
    bankCredit: 20000,
    contactName: '王某',
    contactPhone: '0431-88888888',
    ...extra,
  };
}

/** Regions of the 吉林—浙江 pairing as the import service would resolve them. */
export const testLookups: RowLookups = {
  resolveRegion(text) {
    const known: Record<string, string> = {
      长春市: '220100',
      吉林市: '220200',
      宁波市: '330200',
      杭州市: '330100',
      220100: '220100',
      南京市: '320100',
    };
    if (text === '朝阳区') return { error: 'ambiguous_region' };
    return known[text] ? { code: known[text]! } : { error: 'unknown_region' };
  },
  sideOf: (code) => (code.startsWith('22') ? 'a' : code.startsWith('33') ? 'b' : null),
  resolvePark: (text) =>
    text === '中韩（长春）国际合作示范区' ? { id: '00000000-0000-4000-8000-000000000001' } : null,
  today: '2026-06-30',
};
