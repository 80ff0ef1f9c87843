import { PROJECT_SHEET_COLUMNS } from './project-sheet-columns.ts';
import { readColumnSheet, type ColumnSheet } from '../../../kernel/sheet/column-sheet.ts';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../../kernel/sheet/sheet-file-guard.ts';

export type RawRow = ColumnSheet['rows'][number];
export type ReadSheet = ColumnSheet;

export const MAX_SHEET_ROWS = 20_000;

/**
 * Reads the project rows of an uploaded workbook. Columns are found by their headers, so an office may reorder
 * them or add its own; blank rows (a 序号 alone counts as blank) are skipped.
 */
export function readProjectSheet(
  buf: Buffer,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
  maxRows = MAX_SHEET_ROWS,
): Promise<ReadSheet> {
  return readColumnSheet(buf, PROJECT_SHEET_COLUMNS, { limits, maxRows, ignoreForBlank: ['seq'] });
}
