import type { AttachmentKind } from '../../../common/api/enums.ts';
import { AppError, bilingual, fieldError } from '../../http/app-error.ts';
import { sizeInWords } from '../../http/upload.ts';
import { checkZipSafety, readZipDirectory, ZipError } from '../zip/zip-inspect.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** What a file may be called for each kind; the bytes decide the kind, the name must agree with them. */
export const EXTENSIONS: Record<AttachmentKind, readonly string[]> = {
  pdf: ['.pdf'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  jpg: ['.jpg', '.jpeg'],
  png: ['.png'],
};
export const CONTENT_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export type AttachmentRefusal =
  | { code: 'attachment_empty' }
  | { code: 'attachment_too_large' }
  | { code: 'attachment_type' }
  | { code: 'attachment_type_mismatch'; kindZh: string; kindEn: string; ext: string }
  | { code: 'attachment_zip_bomb' }
  | { code: 'attachment_corrupt' }
  | { code: 'attachment_encrypted' };

const startsWith = (buf: Buffer, bytes: readonly number[]) => bytes.every((b, i) => buf[i] === b);

/** Office files are zip archives; which one is decided by the part the package is built around. */
function officeKind(buf: Buffer): AttachmentKind | AttachmentRefusal {
  try {
    const entries = readZipDirectory(buf);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml')) return { code: 'attachment_type' };
    const kind: AttachmentKind | null = names.has('word/document.xml')
      ? 'docx'
      : names.has('xl/workbook.xml')
        ? 'xlsx'
        : null;
    if (!kind) return { code: 'attachment_type' };
    // Nobody on the server opens the file, but whoever downloads it will: a zip bomb is refused at the door.
    checkZipSafety(buf, entries, {
      maxUncompressedBytes: 200 * 1024 * 1024,
      maxCompressionRatio: 200,
      maxEntries: 5000,
    });
    return kind;
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    if (err.code === 'zip_bomb') return { code: 'attachment_zip_bomb' };
    if (err.code === 'encrypted') return { code: 'attachment_encrypted' };
    if (err.code === 'unsupported_method') return { code: 'attachment_type' };
    return { code: 'attachment_corrupt' };
  }
}

/** The file's kind read from its bytes, or why it is refused: empty, too large, not one of the five kinds, or named as another kind. */
export function detectAttachment(buf: Buffer, fileName: string): { kind: AttachmentKind } | AttachmentRefusal {
  if (buf.length === 0) return { code: 'attachment_empty' };
  if (buf.length > MAX_ATTACHMENT_BYTES) return { code: 'attachment_too_large' };
  let kind: AttachmentKind | AttachmentRefusal;
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) kind = 'pdf';
  else if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) kind = 'png';
  else if (startsWith(buf, [0xff, 0xd8, 0xff])) kind = 'jpg';
  else if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) kind = officeKind(buf);
  else kind = { code: 'attachment_type' };
  if (typeof kind !== 'string') return kind;
  const ext = /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  if (!EXTENSIONS[kind].includes(ext)) {
    const name = bilingual(`errors.attachmentFiles.${kind}`);
    return {
      code: 'attachment_type_mismatch',
      kindZh: name.zh,
      kindEn: name.en,
      ext: ext || bilingual('errors.attachmentFiles.noExtension').zh,
    };
  }
  return { kind };
}

/** The user's file name for display: no directories, no control characters, bounded length. */
export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'attachment').slice(-200);
}

/** Why a file cannot be attached, as the API says it: under `file`, with the limit or the kinds named. */
export function attachmentRefusal(r: AttachmentRefusal): AppError {
  const params: Record<string, string> =
    r.code === 'attachment_type_mismatch'
      ? { kindZh: r.kindZh, kindEn: r.kindEn, ext: r.ext }
      : { limit: sizeInWords(MAX_ATTACHMENT_BYTES) };
  return new AppError(400, 'attachment_refused', [fieldError('file', r.code, params)]);
}
