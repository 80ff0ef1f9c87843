import ExcelJS from 'exceljs';
import type { TestApp, TestClient } from '../../../testing/test-app.ts';
import { LEDGER_SHEET_COLUMNS, LEDGER_TEMPLATE_SHEET } from '../ledger-sheet.ts';

export type LedgerSheetRow = Partial<
  Record<'seq' | 'enterprise' | 'creditCode' | 'figure' | 'year' | 'month' | 'amount', unknown>
>;

/** A park's downloaded template filled with `rows` from the second row on, as an office would upload it. */
export async function filledLedgerTemplate(template: Buffer, rows: LedgerSheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(LEDGER_TEMPLATE_SHEET)!;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    LEDGER_SHEET_COLUMNS.forEach((c, j) => {
      const v = r[c.key as keyof LedgerSheetRow];
      if (v !== undefined) row.getCell(j + 1).value = v as ExcelJS.CellValue;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A browser's multipart upload of one file to `url`. */
export async function uploadFile(t: TestApp, c: TestClient, url: string, content: Buffer, fileName = '园区台账.xlsx') {
  const boundary = `----duikou${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
