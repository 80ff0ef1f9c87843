import ExcelJS from 'exceljs';
import type { StatementResponse } from '../../../common/api/parks.ts';
import type { ExportText } from '../../kernel/list-export.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';

/** An instant in China Standard Time, "YYYY-MM-DD HH:mm:ss" (the statement's as-of is exact to the second). */
const chinaTime = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });

/**
 * The statement as a printable sheet (A4 landscape): one row per figure, one column per party, totals; its texts
 * in the language of the export (`t`), the same catalogue texts as the statement on the park page.
 */
export async function statementSheet(
  t: ExportText,
  park: { name: string; agreementEndsOn: string | null },
  s: StatementResponse,
): Promise<Buffer> {
  const { year } = s;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(t('ui.parks.statementSheet', { year }), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = 2 + s.parties.length + 3;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = safeCell(t('ui.parks.statementHeading', { park: park.name, title: s.title, year }));
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value = t('ui.parks.statementSubtitle', {
    asOf: chinaTime(s.asOf),
    entries: s.entryCount,
    corrections: s.correctionCount,
  });
  ws.addRow([
    t('ui.parks.figure'),
    t('ui.parks.statementTotal'),
    ...s.parties.map((p) => safeCell(p.name)),
    t('ui.parks.shared'),
    t('ui.parks.notShared'),
    t('ui.parks.unallocated'),
  ]).font = { bold: true };
  const n = (v: string) => Number(v); // 元 with two decimals: exact as a double well beyond any park's tax
  const figureName = (f: string) => t(`domain.sharedFigures.${f}`);
  for (const f of s.figures)
    ws.addRow([figureName(f.figure), n(f.total), ...f.parts.map(n), n(f.shared), n(f.notShared), n(f.unallocated)]);
  ws.addRow([t('ui.parks.taxTotal'), '', ...s.parties.map((p) => n(p.taxTotal))]).font = { bold: true };
  ws.addRow([]);
  ws.addRow([
    t('ui.parks.termPeriod'),
    t('ui.parks.groupBase'),
    ...s.parties.map((p) => safeCell(t('ui.parks.partyShare', { name: p.name }))),
  ]).font = { bold: true };
  for (const f of s.figures)
    for (const g of f.groups)
      ws.addRow([
        `${figureName(f.figure)} ${t('ui.parks.termRange', { from: g.from, to: g.to ?? park.agreementEndsOn ?? t('ui.parks.untilEnd') })}`,
        n(g.base),
        ...g.shares.map((x) => `${x}%`),
      ]);
  ws.addRow([]);
  ws.mergeCells(ws.rowCount + 1, 1, ws.rowCount + 1, cols);
  ws.getCell(ws.rowCount, 1).value = t('ui.parks.roundingRule', { rule: t('domain.sharingRounding') });
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= cols; c++) {
    ws.getColumn(c).width = 18;
    ws.getColumn(c).numFmt = '#,##0.00';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
