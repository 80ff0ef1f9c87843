import { and, asc, count, eq, getTableColumns, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { jsonRows } from '../json-rows.ts';
import { attachments, type AttachmentOwnerKind } from './attachments.tables.ts';

/** The record a file is kept with. */
export interface AttachmentOwner {
  kind: AttachmentOwnerKind;
  id: string;
}

export type AttachmentRow = typeof attachments.$inferSelect;

const ownedBy = (owner: AttachmentOwner) =>
  and(eq(attachments.ownerKind, owner.kind), eq(attachments.ownerId, owner.id));

/** An owner's files, oldest first; the caller has found the owner in the actor's scope. */
export async function attachmentsOf(db: DbOrTx, owner: AttachmentOwner): Promise<AttachmentRow[]> {
  return db.select().from(attachments).where(ownedBy(owner)).orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

/** An owner's files as a column of the owner's own query (its id column), as attachmentsOf() answers them. */
export function attachmentsColumn(kind: AttachmentOwnerKind, ownerId: AnyColumn) {
  return jsonRows(
    getTableColumns(attachments),
    attachments,
    and(eq(attachments.ownerKind, kind), eq(attachments.ownerId, ownerId)),
    [asc(attachments.uploadedAt), asc(attachments.id)],
  );
}

export async function findAttachment(db: DbOrTx, owner: AttachmentOwner, id: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(ownedBy(owner), eq(attachments.id, id)));
  return row;
}

export async function countAttachments(db: DbOrTx, owner: AttachmentOwner): Promise<number> {
  const [row] = await db.select({ n: count() }).from(attachments).where(ownedBy(owner));
  return row?.n ?? 0;
}

export async function insertAttachment(db: DbOrTx, row: typeof attachments.$inferInsert): Promise<string> {
  const [created] = await db.insert(attachments).values(row).returning({ id: attachments.id });
  return created!.id;
}

export async function deleteAttachment(db: DbOrTx, id: string): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}
