import { PROJECT_SHEET_COLUMNS, columnLetter } from './project-sheet-columns.ts';
import { rowMessage } from './sheet-row-messages.ts';

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

const BY_KEY = new Map(PROJECT_SHEET_COLUMNS.map((c) => [c.key, c]));

/** "第 7 行 F 列“签约额（万元）”：不能为负数" and its English, for the import report. */
export function rowError(row: number, columns: ReadonlyMap<string, number>, key: string, code: string, params: Record<string, string | number> = {}): RowError {
  const col = BY_KEY.get(key)!;
  const letter = columns.has(key) ? columnLetter(columns.get(key)!) : '—';
  const [zh, en] = rowMessage(code, params);
  const zhText = `第 ${row} 行 ${letter} 列“${col.header}”：${zh}`;
  const enText = `Row ${row}, column ${letter} (${col.headerEn}): ${en}`;
  return { row, column: letter, header: col.header, field: key, code, zh: zhText, en: enText, message: `${zhText} / ${enText}` };
}
