import ExcelJS from 'exceljs';
import { PROJECT_SHEET_COLUMNS, normaliseHeader, type SheetColumn } from './project-sheet-columns.ts';
import { plainCell, type Cell } from './cell-values.ts';
import { guardSpreadsheet, DEFAULT_SHEET_LIMITS, type SheetLimits } from './sheet-file-guard.ts';
import { SheetFileError } from './sheet-file-error.ts';

export interface RawRow {
  /** The row number Excel shows. */
  row: number;
  cells: Record<string, Cell>;
}

export interface ReadSheet {
  sheetName: string;
  /** Column key → 1-based column index in this file. */
  columns: Map<string, number>;
  rows: RawRow[];
}

export const MAX_SHEET_ROWS = 20_000;

function headerIndex(): Map<string, SheetColumn> {
  const m = new Map<string, SheetColumn>();
  for (const c of PROJECT_SHEET_COLUMNS) {
    for (const h of [c.header, ...(c.aliases ?? [])]) m.set(normaliseHeader(h), c);
  }
  return m;
}

/** The header row is the first of the first ten rows naming at least three known columns. */
function findHeader(ws: ExcelJS.Worksheet, index: Map<string, SheetColumn>): { row: number; columns: Map<string, number> } | null {
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const columns = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const text = typeof cell.value === 'string' ? cell.value : String(plainCell(cell.value) ?? '');
      const c = index.get(normaliseHeader(text));
      if (c && !columns.has(c.key)) columns.set(c.key, col);
    });
    if (columns.size >= 3) return { row: r, columns };
  }
  return null;
}

/**
 * Reads the project rows of an uploaded workbook, after `guardSpreadsheet` has accepted the file. Columns are
 * found by their headers, so an office may reorder them or add its own; blank rows are skipped.
 */
export async function readProjectSheet(buf: Buffer, limits: SheetLimits = DEFAULT_SHEET_LIMITS, maxRows = MAX_SHEET_ROWS): Promise<ReadSheet> {
  guardSpreadsheet(buf, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new SheetFileError('corrupt', {}, (err as Error).message);
  }
  if (wb.worksheets.length === 0) throw new SheetFileError('no_sheet');
  const index = headerIndex();
  const found = wb.worksheets.map((ws) => ({ ws, header: findHeader(ws, index) })).find((x) => x.header);
  const required = PROJECT_SHEET_COLUMNS.filter((c) => c.required);
  if (!found) {
    throw new SheetFileError('missing_columns', { columns: required.map((c) => c.header).join('、'), columnsEn: required.map((c) => c.headerEn).join(', ') });
  }
  const { ws, header } = found as { ws: ExcelJS.Worksheet; header: NonNullable<ReturnType<typeof findHeader>> };
  const missing = required.filter((c) => !header.columns.has(c.key));
  if (missing.length) {
    throw new SheetFileError('missing_columns', { columns: missing.map((c) => c.header).join('、'), columnsEn: missing.map((c) => c.headerEn).join(', ') });
  }
  if (ws.actualRowCount - 1 > maxRows) throw new SheetFileError('too_many_rows', { limit: String(maxRows) });

  const rows: RawRow[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Record<string, Cell> = {};
    let blank = true;
    for (const [key, col] of header.columns) {
      const v = plainCell(row.getCell(col).value);
      cells[key] = v;
      if (v !== null && key !== 'seq') blank = false;
    }
    if (!blank) rows.push({ row: r, cells });
  }
  if (rows.length === 0) throw new SheetFileError('no_rows');
  return { sheetName: ws.name, columns: header.columns, rows };
}
