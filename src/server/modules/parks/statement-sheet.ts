import ExcelJS from 'exceljs';
import type { StatementResponse } from '../../../common/api/parks.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { domain as zhDomain } from '../../../common/i18n/zh-CN/domain.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';

/** The statement as a printable sheet (A4 landscape): one row per figure, one column per party, totals. */
export async function statementSheet(parkName: string, s: StatementResponse): Promise<Buffer> {
  const { year } = s;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(`${year}年分成结算`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = 2 + s.parties.length + 3;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = safeCell(`${parkName} ${s.title} ${year}年度利益分成结算表`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value =
    `数据截至 ${s.asOf}；单位：元（精确到分）；台账记录 ${s.entryCount} 条，其中更正 ${s.correctionCount} 条`;
  ws.addRow([
    '指标',
    '合计',
    ...s.parties.map((p) => safeCell(p.name)),
    '参与分成',
    '不参与分成',
    '未分配（跨比例变更期）',
  ]).font = { bold: true };
  const n = (t: string) => Number(t); // 元 with two decimals: exact as a double well beyond any park's tax
  const figureName = (f: keyof typeof zhDomain.sharedFigures) => zhDomain.sharedFigures[f];
  for (const f of s.figures)
    ws.addRow([figureName(f.figure), n(f.total), ...f.parts.map(n), n(f.shared), n(f.notShared), n(f.unallocated)]);
  ws.addRow(['税收合计', '', ...s.parties.map((p) => n(p.taxTotal))]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(['分成期', '', ...s.parties.map((p) => safeCell(`${p.name}比例`))]).font = { bold: true };
  for (const f of s.figures)
    for (const g of f.groups)
      ws.addRow([
        `${figureName(f.figure)} ${g.from}至${g.to ?? '协议期满'}`,
        n(g.base),
        ...g.shares.map((x) => `${x}%`),
      ]);
  ws.addRow([]);
  ws.mergeCells(ws.rowCount + 1, 1, ws.rowCount + 1, cols);
  ws.getCell(ws.rowCount, 1).value = `分配规则：${translate('zh-CN', 'domain.sharingRounding')}`;
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= cols; c++) {
    ws.getColumn(c).width = 18;
    ws.getColumn(c).numFmt = '#,##0.00';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
