/** How a column's cells are read. */
export type ColumnKind = 'text' | 'money' | 'date' | 'month' | 'flag' | 'choice';

/**
 * One column of an import sheet. A sheet's list of these drives its downloadable template, the reader (which finds
 * columns by header, in any order) and its row validator.
 */
export interface SheetColumn {
  key: string;
  header: string;
  headerEn: string;
  kind: ColumnKind;
  required?: boolean;
  /** Longest text accepted. */
  max?: number;
  width: number;
  /** What the 填写说明 sheet says about the column. */
  hint: string;
  example: string;
  /** Other headers offices use for the same column. */
  aliases?: string[];
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A header as written, without the required-mark, spaces or unit variants, for matching. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[*＊\s]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}
