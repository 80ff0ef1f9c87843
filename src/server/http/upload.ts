import type { FastifyRequest } from 'fastify';
import { AppError, fieldError, invalid } from './app-error.ts';
import { textFaultDetails } from './input-guard.ts';

/** How a route takes its one uploaded file (the scope registers @fastify/multipart; these are the route's own rules). */
export interface UploadRules {
  /** The error code when the request carries no file, e.g. `plan_upload_required` (its detail names the field `file`). */
  requiredCode: string;
  /** The name a file sent without one takes. */
  defaultName: string;
  /** The largest file taken, in bytes: the parser stops reading there rather than after the whole body. */
  maxBytes: number;
  /** The refusal of a larger file, in the route's own words; `limit` is the size in words, e.g. "20 MB". */
  tooLarge: (limit: string) => AppError;
  /** Text fields sent beside the file that the route reads; others are ignored. */
  fields?: readonly string[];
}

export interface Upload {
  buffer: Buffer;
  fileName: string;
  fields: Record<string, string>;
}

export const sizeInWords = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Room for the multipart boundaries, part headers and the few small text fields beside the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The file's bytes, refused the moment it passes the limit: the parser stops handing over data there but would
 * go on reading (and dropping) the rest of the file, so waiting for its end means reading the whole upload.
 */
function readFile(file: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.on('limit', () => reject(Object.assign(new Error('file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' })));
    file.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.on('error', reject);
    file.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * The one file of a multipart request, read into memory within the route's limit, and the text fields it asks
 * for. The handler runs before any of the body is read: a declared length over the limit is refused before
 * reading, and a file that grows past it is refused at the limit (the error handler then closes the connection,
 * so the rest is not read either).
 */
export async function uploadedFile(req: FastifyRequest, rules: UploadRules): Promise<Upload> {
  const required = () => new AppError(400, rules.requiredCode, [fieldError('file', 'required')]);
  if (!req.isMultipart()) throw required();
  if (Number(req.headers['content-length']) > rules.maxBytes + MULTIPART_OVERHEAD)
    throw rules.tooLarge(sizeInWords(rules.maxBytes));
  let file: { buffer: Buffer; fileName: string } | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({ limits: { fileSize: rules.maxBytes } })) {
      if (part.type === 'file')
        file = { buffer: await readFile(part.file), fileName: part.filename || rules.defaultName };
      else if (rules.fields?.includes(part.fieldname)) fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw rules.tooLarge(sizeInWords(rules.maxBytes));
    // The plugin's own refusals carry their status; the parser's (a body cut short, a malformed part) do not.
    if (typeof (err as { statusCode?: unknown }).statusCode === 'number') throw err;
    throw new AppError(400, 'multipart_invalid', [fieldError('file', 'invalid_format')]);
  }
  if (!file) throw required();
  // The input guard saw no body on a multipart request: the file's name and the fields are checked here.
  const faults = textFaultDetails({ file: file.fileName, ...fields });
  if (faults.length) throw invalid(...faults);
  return { ...file, fields };
}
