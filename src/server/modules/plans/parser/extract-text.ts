import mammoth from 'mammoth';
import { extractPdfText } from './pdf-text.ts';
import { checkZipSafety, readZipDirectory, ZipError, type ZipEntry } from '../../../kernel/zip/zip-inspect.ts';
import { formatBytes, PlanFileError, typeHint } from './plan-file-error.ts';

export interface ExtractOptions {
  /** Largest file accepted; default 20 MB. */
  maxBytes?: number;
  /** Largest total size a .docx may expand to; default 100 MB. */
  maxUncompressedBytes?: number;
  maxCompressionRatio?: number;
  maxPages?: number;
}

const DEFAULTS = {
  maxBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxPages: 500,
};

type Sniffed = 'pdf' | 'zip' | 'image' | 'ole' | 'binary' | 'text';

const SPREADSHEET_EXT = new Set(['xlsx', 'xlsm', 'xls', 'xlsb', 'csv', 'ods', 'et', 'numbers']);
const TEXT_EXT = new Set(['txt', 'text', 'md', '']);

function startsWith(buf: Buffer, bytes: number[], at = 0): boolean {
  return bytes.every((b, i) => buf[at + i] === b);
}

/** What the bytes are, whatever the file name says. */
export function sniff(buf: Buffer): Sniffed {
  const head = buf.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (
    startsWith(buf, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(buf, [0xff, 0xd8, 0xff]) || // JPEG
    head.startsWith('GIF87a') ||
    head.startsWith('GIF89a') ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') ||
    startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || // TIFF
    startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (head.startsWith('BM') && buf.length >= 6 && buf.readUInt32LE(2) === buf.length) ||
    /^....ftyp(?:heic|heix|mif1|avif)/s.test(head)
  ) {
    return 'image';
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const utf16 = startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]);
  if (!utf16 && buf.subarray(0, 8192).includes(0)) return 'binary';
  return 'text';
}

/** UTF-8 when valid, else GB18030 (which covers GBK and GB2312), as Chinese offices save plain text. */
export function decodeText(buf: Buffer): string {
  if (startsWith(buf, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (startsWith(buf, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** The archive's checks, refusing the file as a plan in the archive's own terms. */
function zipChecked<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    throw new PlanFileError(err.code === 'unsupported_method' ? 'unsupported_type' : err.code, {}, err.detail);
  }
}

async function extractDocx(buf: Buffer, opts: typeof DEFAULTS): Promise<string> {
  const entries: ZipEntry[] = zipChecked(() => readZipDirectory(buf));
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml') || [...names].some((n) => n.startsWith('xl/')))
    throw new PlanFileError('spreadsheet');
  if (!names.has('word/document.xml')) {
    throw new PlanFileError('unsupported_type', typeHint('zip_not_docx'));
  }
  zipChecked(() =>
    checkZipSafety(buf, entries, {
      maxUncompressedBytes: opts.maxUncompressedBytes,
      maxCompressionRatio: opts.maxCompressionRatio,
      maxEntries: 5000,
    }),
  );
  try {
    const result = await mammoth.extractRawText({ buffer: buf });
    return result.value;
  } catch (err) {
    throw new PlanFileError('corrupt', {}, `docx: ${(err as Error).message}`);
  }
}

/**
 * The text of an uploaded plan (.txt in UTF-8 or GB18030, .docx, .pdf). Anything that is not a plan document
 * is refused with a PlanFileError before a parser library touches it.
 */
export async function extractPlanText(buffer: Buffer, fileName: string, options: ExtractOptions = {}): Promise<string> {
  const opts = { ...DEFAULTS, ...options };
  if (buffer.length === 0) throw new PlanFileError('empty');
  if (buffer.length > opts.maxBytes) throw new PlanFileError('too_large', { limit: formatBytes(opts.maxBytes) });
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (SPREADSHEET_EXT.has(ext)) throw new PlanFileError('spreadsheet');

  const kind = sniff(buffer);
  let text: string;
  switch (kind) {
    case 'image':
      throw new PlanFileError('image');
    case 'pdf':
      text = await extractPdfText(buffer, opts.maxPages);
      break;
    case 'zip':
      text = await extractDocx(buffer, opts);
      break;
    case 'ole':
      throw new PlanFileError('unsupported_type', typeHint('old_office'));
    case 'binary':
      throw new PlanFileError('unsupported_type');
    case 'text':
      if (ext === 'pdf' || ext === 'docx') throw new PlanFileError('corrupt', {}, `not a ${ext} file`);
      if (!TEXT_EXT.has(ext)) throw new PlanFileError('unsupported_type', typeHint('extension', { ext }));
      text = decodeText(buffer);
      break;
  }
  text = text.replace(/^\ufeff/, '');
  if (!text.trim()) throw new PlanFileError(kind === 'text' ? 'empty' : 'no_text');
  const meaningful = text.match(/[\u4e00-\u9fffA-Za-z0-9]/g)?.length ?? 0;
  if (meaningful < 10) throw new PlanFileError('no_text');
  return text;
}
