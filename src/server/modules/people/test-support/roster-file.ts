import ExcelJS from 'exceljs';
import type { TestApp, TestClient } from '../../../testing/test-app.ts';
import { ROSTER_COLUMNS } from '../roster-sheet.ts';

export type RosterRow = Partial<Record<string, string | number>>;

/** A roster workbook with the template's headers and these rows (by column key). */
export async function rosterFile(rows: readonly RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(ROSTER_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
  rows.forEach((r, i) => ws.addRow(ROSTER_COLUMNS.map((c) => (c.key === 'seq' ? i + 1 : (r[c.key] ?? null)))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a roster for a pairing, as the import page does. */
export async function uploadRoster(t: TestApp, c: TestClient, pairingId: string, content: Buffer) {
  const boundary = `----duikou${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/secondments/import?pairingId=${pairingId}`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
