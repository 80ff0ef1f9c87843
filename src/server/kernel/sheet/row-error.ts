import { PROJECT_SHEET_COLUMNS } from '../../modules/projects/sheet/project-sheet-columns.ts';
import { columnRowError } from './column-sheet.ts';

export interface RowError {
  row: number;
  /** Column letter in the uploaded file ("F"), or "—" when the file lacks the column. */
  column: string;
  header: string;
  field: string;
  code: string;
  zh: string;
  en: string;
  message: string;
}

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
