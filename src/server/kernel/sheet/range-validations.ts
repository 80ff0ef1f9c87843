import type ExcelJS from 'exceljs';

/**
 * A worksheet's range validations: exceljs keeps them (one <dataValidation sqref="H2:H2001">) but leaves them out
 * of its typings; per-cell validations would write one element per cell.
 */
export function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}
