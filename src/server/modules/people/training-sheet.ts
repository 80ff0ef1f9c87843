import ExcelJS from 'exceljs';
import type { TrainingSummary } from '../../../common/api/people.ts';
import { translate } from '../../../common/i18n/messages.ts';
import type { SideParams } from '../../../common/programme-sides.ts';
import { safeCell } from '../../xlsx/safe-cell.ts';

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The training ledger (培训班台账): who exported it and when, then one row per course with its trainee counts. The
 * sides are named as the rows' programme names them: `sides.all` for the headings, `sides.of` each row's own.
 */
export async function buildTrainingLedger(
  rows: readonly TrainingSummary[],
  exported: { name: string; at: string },
  sides: { all: SideParams; of: (pairingId: string) => SideParams },
) {
  const t = (key: string, params: Record<string, string> = {}) =>
    translate('zh-CN', `ui.people.${key}`, { ...sides.all, ...params });
  const headers = [
    t('fields.pairing'),
    t('fields.title'),
    t('fields.organiser'),
    t('fields.hostSide'),
    t('fields.place'),
    t('fields.startsOn'),
    t('fields.endsOn'),
    t('categories.officials'),
    t('categories.managers'),
    t('categories.professionals'),
    t('categories.other'),
    t('fields.total'),
    t('fields.sideA'),
    t('fields.sideB'),
    t('fields.task'),
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  const ws = wb.addWorksheet(t('sheet.trainingsSheet'), { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [20, 36, 24, 10, 14, 12, 12, 10, 12, 12, 8, 8, 12, 12, 10].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = t('sheet.trainingsTitle');
  ws.getCell(1, 1).font = { size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getCell(2, 1).value = safeCell(t('sheet.exported', exported));
  const header = ws.getRow(3);
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  for (const r of rows) {
    ws.addRow([
      safeCell(r.pairingName),
      safeCell(r.title),
      safeCell(r.organiser),
      translate('zh-CN', `domain.sides.${r.hostSide}`, { ...sides.of(r.pairingId) }),
      safeCell(r.place ?? ''),
      r.startsOn,
      r.endsOn,
      r.trainees.officials,
      r.trainees.managers,
      r.trainees.professionals,
      r.trainees.other,
      r.total,
      r.bySide.a,
      r.bySide.b,
      r.taskCode ?? '',
    ]).eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
