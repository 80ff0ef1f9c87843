import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AttachmentKind } from '../../../common/api/enums.ts';
import { EXTENSIONS } from './attachment-type.ts';

/**
 * Attachment bytes on disk under DATA_DIR/attachments. Names are made here (random, with the extension of the
 * detected kind), so nothing the user sends reaches a path; a name read back from the database is checked again.
 */
const STORED_NAME = /^[0-9a-f]{32}\.(pdf|docx|xlsx|jpg|png)$/;

export function attachmentDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

function pathOf(dataDir: string, storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new Error(`not a stored attachment name: ${storedName}`);
  return path.join(attachmentDir(dataDir), storedName.slice(0, 2), storedName);
}

/** Writes the bytes under a new name (via a temporary file, so a crash leaves no half file by that name). */
export async function storeAttachmentFile(dataDir: string, kind: AttachmentKind, bytes: Buffer): Promise<string> {
  const storedName = `${crypto.randomBytes(16).toString('hex')}${EXTENSIONS[kind][0]}`;
  const file = pathOf(dataDir, storedName);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp`;
  await fs.writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
  await fs.rename(tmp, file);
  return storedName;
}

export async function readAttachmentFile(dataDir: string, storedName: string): Promise<Buffer> {
  return fs.readFile(pathOf(dataDir, storedName));
}

/** Removes the bytes; a file already gone is not an error (the row is what counts). */
export async function removeAttachmentFile(dataDir: string, storedName: string): Promise<void> {
  await fs.rm(pathOf(dataDir, storedName), { force: true });
}
