import type { AuthedContext } from '../../http/context.ts';
import type { DbOrTx } from '../../db/database.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { AttachmentKind } from '../../../common/api/reporting.ts';
import { detectAttachment, displayFileName, type AttachmentRefusal } from './attachment-type.ts';
import { removeAttachment, storeAttachment } from './attachment-store.ts';

export function attachmentRefusal(r: AttachmentRefusal): AppError {
  const params: Record<string, string> =
    r.code === 'attachment_type_mismatch' ? { kindZh: r.kindZh, kindEn: r.kindEn, ext: r.ext } : { limit: '20 MB' };
  return new AppError(400, 'attachment_refused', [fieldError('file', r.code, params)]);
}

/** The columns an attachment row of any record (a report, a project) stores about its file. */
export interface KeptFile {
  fileName: string;
  storedName: string;
  kind: AttachmentKind;
  size: number;
  sm3: string;
  uploadedBy: string;
  uploadedByName: string;
}

/**
 * Keeps an uploaded file with a record. The bytes decide the type (a refusal says why); the file is written under
 * a new name, then `record` inserts its row (and checks the record's state) in a transaction. If that does not
 * commit, the file is removed again, so none lingers unreferenced. Callers check the record's scope first, so a
 * request for a record the user cannot see writes nothing to disk.
 */
export async function keepAttachment<T>(
  ctx: AuthedContext,
  file: { buffer: Buffer; fileName: string },
  record: (tx: DbOrTx, kept: KeptFile) => Promise<T>,
): Promise<T> {
  const detected = detectAttachment(file.buffer, file.fileName);
  if (!('kind' in detected)) throw attachmentRefusal(detected);
  const dataDir = ctx.deps.config.dataDir;
  const storedName = await storeAttachment(dataDir, detected.kind, file.buffer);
  const kept: KeptFile = {
    fileName: displayFileName(file.fileName),
    storedName,
    kind: detected.kind,
    size: file.buffer.length,
    sm3: ctx.deps.crypto.sm3(file.buffer),
    uploadedBy: ctx.actor.userId,
    uploadedByName: ctx.actor.displayName,
  };
  try {
    return await ctx.db.transaction((tx) => record(tx, kept));
  } catch (err) {
    await removeAttachment(dataDir, storedName);
    throw err;
  }
}

/** Removes an attachment's row in a transaction (`remove` answers its stored name); the bytes go once that has committed. */
export async function forgetAttachment(ctx: AuthedContext, remove: (tx: DbOrTx) => Promise<string>): Promise<void> {
  const storedName = await ctx.db.transaction(remove);
  await removeAttachment(ctx.deps.config.dataDir, storedName);
}
