import { readZipDirectory, checkZipSafety, ZipError } from '../zip/zip-inspect.ts';
import { SheetFileError } from './sheet-file-error.ts';

export interface SheetLimits {
  maxBytes: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
  maxEntries: number;
}

/**
 * A 10,000-row project sheet is about 1 MB as .xlsx and 15 MB inflated; the limits leave room for formatting
 * and stop anything an office would not produce.
 */
export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 150 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxEntries: 500,
};

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Decides whether a file may be handed to exceljs, before anything is inflated: its size; its signature (an
 * .xlsx is a zip; an OLE compound file is an Excel 97–2003 workbook or a password-protected .xlsx, which
 * Excel also wraps in one); the zip's central directory (entry count, declared sizes and ratios, encryption);
 * each entry inflated with a hard cap so an archive lying about its sizes is caught; and the parts every
 * workbook has. The zip checks (kernel/zip/zip-inspect.ts) are those of plan and attachment uploads too, so
 * every upload refuses the same bombs.
 */
export function guardSpreadsheet(buf: Buffer, limits: SheetLimits = DEFAULT_SHEET_LIMITS): void {
  if (buf.length === 0) throw new SheetFileError('empty');
  if (buf.length > limits.maxBytes)
    throw new SheetFileError('too_large', { limit: `${Math.round(limits.maxBytes / 1024 / 1024)} MB` });
  if (buf.subarray(0, 8).equals(CFB)) throw new SheetFileError('legacy_or_encrypted');
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new SheetFileError('not_spreadsheet');
  let names: string[];
  try {
    const entries = readZipDirectory(buf);
    checkZipSafety(buf, entries, limits);
    names = entries.map((e) => e.name);
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    if (err.code === 'zip_bomb') throw new SheetFileError('zip_bomb', {}, err.detail);
    if (err.code === 'encrypted') throw new SheetFileError('legacy_or_encrypted', {}, err.detail);
    throw new SheetFileError('corrupt', {}, err.detail);
  }
  if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml'))
    throw new SheetFileError('not_spreadsheet');
}
