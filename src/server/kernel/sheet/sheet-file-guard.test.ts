import { describe, it, expect } from 'vitest';
import { guardSpreadsheet, DEFAULT_SHEET_LIMITS } from './sheet-file-guard.ts';
import { SheetFileError } from './sheet-file-error.ts';
import { buildProjectTemplate } from '../../modules/projects/sheet/project-sheet-template.ts';
import { readProjectSheet } from '../../modules/projects/sheet/project-sheet-reader.ts';
import { writeZip } from '../zip/test-support/zip-writer.ts';

function refusal(buf: Buffer, limits = DEFAULT_SHEET_LIMITS): string | null {
  try {
    guardSpreadsheet(buf, limits);
    return null;
  } catch (e) {
    if (!(e instanceof SheetFileError)) throw e;
    expect(e.messageZh).toMatch(/[\u4e00-\u9fa5]/);
    expect(e.messageEn).toMatch(/[a-z]/);
    return e.code;
  }
}

const workbookParts = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
];

describe('spreadsheet files refused before they are opened', () => {
  it('lets the template through', async () => {
    expect(refusal(await buildProjectTemplate())).toBeNull();
  });

  it('refuses empty and oversized files', async () => {
    expect(refusal(Buffer.alloc(0))).toBe('empty');
    const template = await buildProjectTemplate();
    expect(refusal(template, { ...DEFAULT_SHEET_LIMITS, maxBytes: template.length - 1 })).toBe('too_large');
  });

  it('refuses what is not an .xlsx workbook', () => {
    expect(refusal(Buffer.from('项目名称,投资方\n长春项目,某公司\n'))).toBe('not_spreadsheet'); // CSV
    expect(refusal(Buffer.from('%PDF-1.7\n'))).toBe('not_spreadsheet');
    expect(refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('not_spreadsheet'); // PNG
    const docx = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect(refusal(docx)).toBe('not_spreadsheet');
  });

  it('refuses a file too short to hold a signature, such as a 2-byte "PK"', () => {
    for (const bytes of ['P', 'PK', 'PK\u0003']) expect(refusal(Buffer.from(bytes, 'latin1'))).toBe('not_spreadsheet');
  });

  it('refuses Excel 97-2003 and password-protected workbooks (OLE compound files)', () => {
    expect(
      refusal(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])),
    ).toBe('legacy_or_encrypted');
  });

  it('refuses a zip bomb by its declared size, before inflating it', () => {
    // The same check as at 150 MB, at a limit small enough to build the bomb quickly.
    const limits = { ...DEFAULT_SHEET_LIMITS, maxUncompressedBytes: 8 * 1024 * 1024 };
    const bomb = writeZip([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(10 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(refusal(bomb, limits)).toBe('zip_bomb');
  });

  it('refuses a zip bomb by its compression ratio', () => {
    const dense = writeZip([
      ...workbookParts,
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x41) },
    ]);
    expect(refusal(dense)).toBe('zip_bomb');
  });

  it('refuses a zip that lies about its sizes, with the inflation capped', () => {
    const liar = writeZip([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024), declaredSize: 1000 },
    ]);
    expect(refusal(liar)).toBe('zip_bomb');
  });

  it('refuses too many entries and a damaged archive', () => {
    const many = writeZip([
      ...workbookParts,
      ...Array.from({ length: 600 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: Buffer.from('x') })),
    ]);
    expect(refusal(many)).toBe('zip_bomb');
    const whole = writeZip(workbookParts);
    expect(refusal(whole.subarray(0, whole.length - 30))).toBe('corrupt');
  });

  it('refuses a workbook-shaped archive that exceljs cannot open, as damaged', async () => {
    const fake = writeZip(workbookParts);
    expect(refusal(fake)).toBeNull();
    await expect(readProjectSheet(fake)).rejects.toMatchObject({
      code: expect.stringMatching(/corrupt|no_sheet|missing_columns/),
    });
  });
});
