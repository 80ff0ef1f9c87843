import ExcelJS from 'exceljs';
import type { ItemSummary } from '../../../common/api/tracking.ts';
import { type Locale, translate } from '../../../common/i18n/messages.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';

const COLUMNS = ['seq', 'pairing', 'source', 'text', 'lead', 'co', 'deadline', 'status', 'closedOn'] as const;
const WIDTHS = [7, 20, 24, 60, 22, 22, 13, 10, 13];
const STATUS_FILL: Record<ItemSummary['status'], string> = {
  not_started: 'FFFFFFFF',
  in_progress: 'FFFFEB9C',
  closed: 'FFC6EFCE',
  overdue: 'FFFFC7CE',
};
const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

const names = (i: ItemSummary, role: 'lead' | 'co') =>
  i.owners
    .filter((o) => o.role === role)
    .map((o) => o.name)
    .join('、');

/**
 * The 督办台账 as offices keep it: a title, who exported it and when, and a row per item with its owners, deadline
 * and status (coloured), most urgent first.
 */
export async function buildItemLedger(
  items: readonly ItemSummary[],
  exportedBy: string,
  exportedOn: string,
  locale: Locale = 'zh-CN',
): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `ui.tracking.${key}`, params);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(t('ledgerSheet'), {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = t('ledgerTitle');
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getCell(2, 1).value = safeCell(t('ledgerExported', { name: exportedBy, date: exportedOn }));
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = t(`columns.${c}`);
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  for (const i of items) {
    const row = ws.addRow([
      i.seq,
      safeCell(i.pairingName),
      safeCell(i.sourceTitle ?? t(`sources.${i.source}`)),
      safeCell(i.text),
      safeCell(names(i, 'lead')),
      safeCell(names(i, 'co')),
      i.deadline,
      t(`statuses.${i.status}`),
      i.closedOn ?? '',
    ]);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.alignment = { vertical: 'top', wrapText: true };
      c.border = BORDER;
      if (col === 8) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[i.status] } };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
