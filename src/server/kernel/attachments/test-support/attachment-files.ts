import fs from 'node:fs';
import path from 'node:path';
import { attachmentDir } from '../attachment-store.ts';
import ExcelJS from 'exceljs';
import { planDocx } from '../../../modules/plans/parser/test-support/plan-documents.ts';
import { writeZip } from '../../zip/test-support/zip-writer.ts';

/** Small real files of each accepted kind, and the hostile ones the upload must refuse, made in the tests. */
export const samplePdf = () =>
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const samplePng = () =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000dIHDR', 'latin1'),
    Buffer.alloc(32),
  ]);
export const sampleJpg = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from('JFIF', 'latin1'),
    Buffer.alloc(32),
    Buffer.from([0xff, 0xd9]),
  ]);
export const sampleDocx = () => planDocx(['2026年第四季度工作进展', '已完成首批 12 户企业对接。']);

export async function sampleXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('进展').addRow(['指标', '数值']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const contentTypes = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };
/** A zip that is neither Word nor Excel. */
export const plainZip = () => writeZip([{ name: 'notes.txt', data: Buffer.from('hello') }]);
/** A .docx whose one part inflates 8 MB of spaces from a few kilobytes. */
export const docxBomb = () =>
  writeZip([contentTypes, { name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }]);
/** A Windows executable, whatever it is called. */
export const exe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);

/** Every file stored under DATA_DIR/attachments, so a refusal can be shown to leave nothing behind. */
export function storedFiles(dataDir: string): string[] {
  const root = attachmentDir(dataDir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}
