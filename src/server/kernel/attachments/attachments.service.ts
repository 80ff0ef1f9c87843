import type { AuthedContext } from '../../http/context.ts';
import { fieldError, invalid, notFound } from '../../http/app-error.ts';
import { auditedChange, auditStandalone, type UnitOfWork } from '../audit/audit-writer.ts';
import { attachmentRefusal, detectAttachment, displayFileName } from './attachment-type.ts';
import { readAttachmentFile, removeAttachmentFile, storeAttachmentFile } from './attachment-store.ts';
import {
  countAttachments,
  deleteAttachment,
  findAttachment,
  insertAttachment,
  type AttachmentOwner,
  type AttachmentRow,
} from './attachments.repository.ts';
import type { AttachmentOwnerKind } from './attachments.tables.ts';

/** What one kind of record allows its files, as the module that owns the record decides. */
export interface AttachmentRules {
  /** The kind of record; it names the audit rows too: `<kind>.attachment.upload`, object type `<kind>_attachment`. */
  owner: AttachmentOwnerKind;
  /** The name the audit rows' details give the record's id (slotId, projectId). */
  ownerField: string;
  /** How many files one record keeps at most, and the field code (errors.field) of the refusal past that. */
  max: number;
  tooMany: string;
}

/** What a kept file's row says about it, known before the row is written. */
export interface KeptFile {
  fileName: string;
  kind: AttachmentRow['kind'];
  size: number;
  sm3: string;
}

const objectType = (rules: AttachmentRules) => `${rules.owner}_attachment`;
const ownerOf = (rules: AttachmentRules, id: string): AttachmentOwner => ({ kind: rules.owner, id });

/**
 * Keeps an uploaded file with a record. The bytes decide the type (a refusal says why); the file is written under
 * a new name, then, in one audited change, `admit` finds the record (in scope, locked as it needs) and checks its
 * state, answering its id, the record's limit is checked and the row written. If that does not commit, the file is
 * removed again, so none lingers unreferenced. Callers check the record's scope first, so a request for a record
 * the user cannot see writes nothing to disk. Answers the new attachment's id.
 */
export async function keepAttachment(
  ctx: AuthedContext,
  rules: AttachmentRules,
  file: { buffer: Buffer; fileName: string },
  admit: (work: UnitOfWork, kept: KeptFile) => Promise<string>,
): Promise<string> {
  const detected = detectAttachment(file.buffer, file.fileName);
  if (!('kind' in detected)) throw attachmentRefusal(detected);
  const dataDir = ctx.deps.config.dataDir;
  const storedName = await storeAttachmentFile(dataDir, detected.kind, file.buffer);
  const kept: KeptFile = {
    fileName: displayFileName(file.fileName),
    kind: detected.kind,
    size: file.buffer.length,
    sm3: ctx.deps.crypto.sm3(file.buffer),
  };
  try {
    return await auditedChange(ctx, async (work) => {
      const ownerId = await admit(work, kept);
      if ((await countAttachments(work.tx, ownerOf(rules, ownerId))) >= rules.max)
        throw invalid(fieldError('file', rules.tooMany, { max: rules.max }));
      const id = await insertAttachment(work.tx, {
        ownerKind: rules.owner,
        ownerId,
        ...kept,
        storedName,
        uploadedBy: ctx.actor.userId,
        uploadedByName: ctx.actor.displayName,
      });
      work.audit({
        action: `${rules.owner}.attachment.upload`,
        result: 'success',
        objectType: objectType(rules),
        objectId: id,
        details: {
          [rules.ownerField]: ownerId,
          fileName: kept.fileName,
          kind: kept.kind,
          size: kept.size,
          sm3: kept.sm3,
        },
      });
      return id;
    });
  } catch (err) {
    await removeAttachmentFile(dataDir, storedName);
    throw err;
  }
}

/**
 * The bytes of a record's file; the caller has found the record in the actor's scope. Every download is audited
 * (an export of official data).
 */
export async function readAttachment(ctx: AuthedContext, rules: AttachmentRules, ownerId: string, id: string) {
  const att = await findAttachment(ctx.db, ownerOf(rules, ownerId), id);
  if (!att) throw notFound();
  const buffer = await readAttachmentFile(ctx.deps.config.dataDir, att.storedName);
  await auditStandalone(ctx, {
    action: `${rules.owner}.attachment.download`,
    result: 'success',
    objectType: objectType(rules),
    objectId: att.id,
    details: { [rules.ownerField]: ownerId, fileName: att.fileName, kind: att.kind, size: att.size },
  });
  return { buffer, fileName: att.fileName, kind: att.kind };
}

/**
 * Removes a record's file in one audited change: `findOwner` finds the record in scope (or throws), the file's row
 * must be the record's, then `admit` checks what else the record requires (its state) before the row goes. The
 * bytes go once the removal has committed.
 */
export async function forgetAttachment<O extends { id: string }>(
  ctx: AuthedContext,
  rules: AttachmentRules,
  id: string,
  findOwner: (work: UnitOfWork) => Promise<O>,
  admit?: (work: UnitOfWork, owner: O, attachment: AttachmentRow) => Promise<void>,
): Promise<void> {
  const storedName = await auditedChange(ctx, async (work) => {
    const owner = await findOwner(work);
    const ownerId = owner.id;
    const att = await findAttachment(work.tx, ownerOf(rules, ownerId), id);
    if (!att) throw notFound();
    await admit?.(work, owner, att);
    await deleteAttachment(work.tx, att.id);
    work.audit({
      action: `${rules.owner}.attachment.delete`,
      result: 'success',
      objectType: objectType(rules),
      objectId: att.id,
      details: { [rules.ownerField]: ownerId, fileName: att.fileName, sm3: att.sm3 },
    });
    return att.storedName;
  });
  await removeAttachmentFile(ctx.deps.config.dataDir, storedName);
}
