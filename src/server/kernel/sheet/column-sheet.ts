import ExcelJS from 'exceljs';
import { normaliseHeader, columnLetter, type SheetColumn } from './sheet-column.ts';
import { plainCell, type Cell } from './cell-values.ts';
import { guardSpreadsheet, DEFAULT_SHEET_LIMITS, type SheetLimits } from './sheet-file-guard.ts';
import { SheetFileError } from './sheet-file-error.ts';
import { rowMessage } from './sheet-row-messages.ts';
import type { RowError } from './row-error.ts';

/**
 * Any import sheet described by a list of columns (the park ledger's, for one): the same refusals of files that
 * are not workbooks, bombs and oversized sheets as the project sheet, columns found by header in any order,
 * blank rows skipped, and a report that names each bad row and column in Chinese and English.
 */
export interface ColumnSheet {
  sheetName: string;
  /** Column key → 1-based column index in this file. */
  columns: Map<string, number>;
  rows: { row: number; cells: Record<string, Cell> }[];
}

export interface ColumnSheetOptions {
  limits?: SheetLimits;
  maxRows?: number;
  /** Keys not counted when deciding whether a row is blank (a 序号 column). */
  ignoreForBlank?: readonly string[];
}

export async function readColumnSheet(
  buf: Buffer,
  defs: readonly SheetColumn[],
  opts: ColumnSheetOptions = {},
): Promise<ColumnSheet> {
  guardSpreadsheet(buf, opts.limits ?? DEFAULT_SHEET_LIMITS);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new SheetFileError('corrupt', {}, (err as Error).message);
  }
  if (wb.worksheets.length === 0) throw new SheetFileError('no_sheet');
  const byHeader = new Map<string, SheetColumn>();
  for (const c of defs) for (const h of [c.header, ...(c.aliases ?? [])]) byHeader.set(normaliseHeader(h), c);
  const required = defs.filter((c) => c.required);
  const missingError = (cols: readonly SheetColumn[]) =>
    new SheetFileError('missing_columns', {
      columns: cols.map((c) => c.header).join('、'),
      columnsEn: cols.map((c) => c.headerEn).join(', '),
    });

  // The sheet and header row: the first of a sheet's first ten rows naming most of the required columns.
  let found: { ws: ExcelJS.Worksheet; row: number; columns: Map<string, number> } | null = null;
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(10, ws.rowCount) && !found; r++) {
      const columns = new Map<string, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const c = byHeader.get(normaliseHeader(String(plainCell(cell.value) ?? '')));
        if (c && !columns.has(c.key)) columns.set(c.key, col);
      });
      if (columns.size >= Math.min(3, required.length)) found = { ws, row: r, columns };
    }
    if (found) break;
  }
  if (!found) throw missingError(required);
  const missing = required.filter((c) => !found.columns.has(c.key));
  if (missing.length) throw missingError(missing);
  const maxRows = opts.maxRows ?? 20_000;
  if (found.ws.actualRowCount - 1 > maxRows) throw new SheetFileError('too_many_rows', { limit: String(maxRows) });

  const ignore = new Set(opts.ignoreForBlank ?? []);
  const rows: ColumnSheet['rows'] = [];
  for (let r = found.row + 1; r <= found.ws.rowCount; r++) {
    const row = found.ws.getRow(r);
    const cells: Record<string, Cell> = {};
    for (const [key, col] of found.columns) cells[key] = plainCell(row.getCell(col).value);
    if (Object.entries(cells).some(([key, v]) => v !== null && !ignore.has(key))) rows.push({ row: r, cells });
  }
  if (rows.length === 0) throw new SheetFileError('no_rows');
  return { sheetName: found.ws.name, columns: found.columns, rows };
}

/**
 * "第 7 行 F 列“金额（元）”：不能为负数" and its English, for a sheet described by `defs`. `messages` gives the texts
 * of the sheet's own codes; the catalogue's shared sheet texts (errors.sheetRows) serve the rest.
 */
export function columnRowError(
  defs: readonly SheetColumn[],
  row: number,
  columns: ReadonlyMap<string, number>,
  key: string,
  code: string,
  params: Record<string, string | number> = {},
  messages: Record<string, readonly [string, string]> = {},
): RowError {
  const col = defs.find((c) => c.key === key)!;
  const letter = columns.has(key) ? columnLetter(columns.get(key)!) : '—';
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
  const own = messages[code];
  const [zh, en] = own ? [fill(own[0]), fill(own[1])] : rowMessage(code, params);
  const zhText = `第 ${row} 行 ${letter} 列“${col.header}”：${zh}`;
  const enText = `Row ${row}, column ${letter} (${col.headerEn}): ${en}`;
  return {
    row,
    column: letter,
    header: col.header,
    field: key,
    code,
    zh: zhText,
    en: enText,
    message: `${zhText} / ${enText}`,
  };
}
