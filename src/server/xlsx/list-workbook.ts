import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { safeCell } from './safe-cell.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as a list export writes it: text (made safe from formulas), a number, or blank. */
export type ListCell = string | number | null | undefined;

export interface ListColumn<T> {
  /** The heading, already translated (from the i18n catalogue). */
  header: string;
  width: number;
  value: (row: T) => ListCell;
  /** Amounts: right-aligned with thousands separators and the decimals they have. */
  money?: true;
  /** A status column's fill (ARGB), by row. */
  fill?: (row: T) => string | undefined;
}

export interface ListSheet<T> {
  name: string;
  /** The title row, merged over the columns. */
  title: string;
  /** The line under it: who exported it and when, the filters, a limit reached. */
  subtitle: string;
  columns: readonly ListColumn<T>[];
  rows: readonly T[];
  /** A last row in bold (合计), one value per column. */
  totals?: readonly ListCell[];
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9E1F2' } };
const MONEY_FORMAT = '#,##0.00####';

const cellValue = (v: ListCell) => (typeof v === 'string' ? safeCell(v) : (v ?? ''));

/**
 * One sheet of a list as offices keep it in Excel: a title, who exported it and when, a header row kept in view
 * and repeated on every printed page, a bordered row per record, A4 landscape fitted to the page width.
 */
export function addListSheet<T>(wb: ExcelJS.Workbook, sheet: ListSheet<T>): ExcelJS.Worksheet {
  const n = sheet.columns.length;
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    },
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = safeCell(sheet.title);
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = safeCell(sheet.subtitle);
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const r of sheet.rows) {
    const row = ws.addRow(sheet.columns.map((c) => cellValue(c.value(r))));
    sheet.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      const fill = c.fill?.(r);
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  if (sheet.totals) {
    const row = ws.addRow(sheet.totals.map(cellValue));
    row.font = { bold: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
    });
  }
  sheet.columns.forEach((c, i) => {
    if (c.money) ws.getColumn(i + 1).numFmt = MONEY_FORMAT;
  });
  return ws;
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duikou 对口';
  return wb;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook of one list sheet. */
export async function buildListWorkbook<T>(sheet: ListSheet<T>): Promise<Buffer> {
  const wb = newWorkbook();
  addListSheet(wb, sheet);
  return workbookBuffer(wb);
}

/** The answer that saves a workbook under its (Chinese) name; the ASCII fallback is for old clients. */
export function sendXlsx(reply: FastifyReply, fileName: string, file: Buffer) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(file);
}
