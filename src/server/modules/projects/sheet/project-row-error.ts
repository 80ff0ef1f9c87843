import { columnRowError } from '../../../kernel/sheet/column-sheet.ts';
import type { RowError } from '../../../kernel/sheet/row-error.ts';
import { PROJECT_SHEET_COLUMNS } from './project-sheet-columns.ts';

/** "第 7 行 F 列“签约额（万元）”：不能为负数" and its English, for the project import report. */
export function rowError(
  row: number,
  columns: ReadonlyMap<string, number>,
  key: string,
  code: string,
  params: Record<string, string | number> = {},
): RowError {
  return columnRowError(PROJECT_SHEET_COLUMNS, row, columns, key, code, params);
}
