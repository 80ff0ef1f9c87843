import { sheetText } from './sheet-text.ts';

/**
 * What a bad cell is told, in Chinese and English (the catalogue's errors.sheetRows); a code without a text is
 * shown as itself. The import report names the row and the column (letter and header) before each text.
 */
export function rowMessage(code: string, params: Record<string, string | number>): [string, string] {
  return sheetText(`errors.sheetRows.${code}`, params) ?? [code, code];
}
