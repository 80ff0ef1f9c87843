import ExcelJS from 'exceljs';
import type { PracticeSummary } from '../../../common/api/replication.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';

const COLUMNS = [
  'pairing',
  'title',
  'category',
  'sourceSide',
  'sourceRegion',
  'sourceDoc',
  'sourceDocDate',
  'adoptions',
  'furthestStage',
  'registeredOn',
] as const;
const WIDTHS = [20, 40, 12, 14, 14, 36, 13, 10, 12, 13];
const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** The register of practices as filtered on screen: a title, who exported it and when, a row per practice (demo titles marked 【演示】). */
export async function buildPracticeList(
  items: readonly PracticeSummary[],
  exportedBy: string,
  exportedOn: string,
): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate('zh-CN', `ui.replication.${key}`, params);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(t('export.sheet'), {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = t('export.title');
  ws.getCell(1, 1).font = { size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getCell(2, 1).value = safeCell(t('export.exported', { name: exportedBy, date: exportedOn, rows: items.length }));
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(3).getCell(i + 1);
    cell.value = t(`export.columns.${c}`);
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  for (const p of items) {
    const row = ws.addRow([
      safeCell(p.pairingName),
      // Demo titles carry 【演示】 themselves.
      safeCell(p.title),
      translate('zh-CN', `domain.practiceCategories.${p.category}`),
      translate('zh-CN', `domain.sides.${p.sourceSide}`),
      safeCell(p.sourceRegionName),
      safeCell(p.sourceDocTitle ?? ''),
      p.sourceDocDate ?? '',
      p.adoptionCount,
      p.furthestStage ? translate('zh-CN', `domain.adoptionStages.${p.furthestStage}`) : '',
      p.registeredOn,
    ]);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.alignment = { vertical: 'top', wrapText: true };
      c.border = BORDER;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
