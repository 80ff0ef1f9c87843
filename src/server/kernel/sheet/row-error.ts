/** One bad cell of an imported sheet, as the import report names it. */
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
