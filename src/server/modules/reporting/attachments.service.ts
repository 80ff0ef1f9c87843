import type { AuthedContext } from '../../http/context.ts';
import type { DbOrTx } from '../../db/database.ts';
import { writingFor } from '../../db/routing.ts';
import { conflict, notFound } from '../../http/app-error.ts';
import type { AttachmentRules } from '../../kernel/attachments/attachments.service.ts';
import { forgetAttachment, keepAttachment, readAttachment } from '../../kernel/attachments/attachments.service.ts';
import { findCycle } from './cycles.repository.ts';
import { findReport, insertReportEvents, type SlotRow } from './reports.repository.ts';
import { reportsOf, slotForChange } from './reports.service.ts';
import { assertCycleOpen, transition } from './reporting.policy.ts';

/** A report's evidence: at most 20 files, each upload, download and removal audited as a report attachment. */
const REPORT_ATTACHMENTS: AttachmentRules = {
  owner: 'report',
  ownerField: 'slotId',
  max: 20,
  tooMany: 'too_many_attachments',
};

/**
 * A report's files and history are its cycle's pairing's and its unit's (db/routing.ts writingFor): a file kept or
 * removed leaves cached answers of other pairings and units in place (a project's page reads the files table too).
 * The pairing and unit are named from the slot as found before the change, and the change goes ahead only if the
 * slot, read again under its cycle's lock, still says so.
 */
function writingForReport<T>(found: SlotRow, write: () => Promise<T>): Promise<T> {
  return writingFor([found.pairingId], write, reportsOf(found.organisationId));
}

function assertSameOwners(found: SlotRow, now: Pick<SlotRow, 'pairingId' | 'organisationId'>) {
  if (now.pairingId !== found.pairingId || now.organisationId !== found.organisationId) throw conflict();
}

/** Attaches a file to a report the unit can still change (see keepAttachment for the file's life). */
export async function uploadAttachment(
  ctx: AuthedContext,
  slotId: string,
  file: { buffer: Buffer; fileName: string },
): Promise<string> {
  const found = await findReport(ctx.db, ctx.actor, slotId);
  if (!found) throw notFound();
  return writingForReport(found, () =>
    keepAttachment(ctx, REPORT_ATTACHMENTS, file, async ({ tx }, kept) => {
      const { slot, cycle } = await slotForChange(tx, ctx, slotId);
      assertSameOwners(found, { pairingId: cycle.pairingId, organisationId: slot.organisationId });
      transition(slot.state, 'attach');
      await fileEvent(tx, ctx, slot.id, 'attached', kept.fileName);
      return slot.id;
    }),
  );
}

/** The bytes of an attachment of a report the actor can see. */
export async function downloadAttachment(ctx: AuthedContext, slotId: string, attachmentId: string) {
  const slot = await findReport(ctx.db, ctx.actor, slotId);
  if (!slot) throw notFound();
  return readAttachment(ctx, REPORT_ATTACHMENTS, slot.id, attachmentId);
}

/** Removes an attachment from a report the unit can still change. */
export async function deleteAttachment(ctx: AuthedContext, slotId: string, attachmentId: string) {
  const found = await findReport(ctx.db, ctx.actor, slotId);
  if (!found) throw notFound();
  await writingForReport(found, () =>
    forgetAttachment(
      ctx,
      REPORT_ATTACHMENTS,
      attachmentId,
      async ({ tx }) => {
        const slot = await findReport(tx, ctx.actor, slotId);
        if (!slot) throw notFound();
        assertSameOwners(found, slot);
        return slot;
      },
      async ({ tx }, slot, attachment) => {
        const cycle = await findCycle(tx, ctx.actor, slot.cycleId, { forUpdate: true });
        if (!cycle) throw notFound();
        assertCycleOpen(cycle);
        transition(slot.state, 'attach');
        await fileEvent(tx, ctx, slot.id, 'detached', attachment.fileName);
      },
    ),
  );
}

/** The report's history notes each file kept or removed, by whom. */
function fileEvent(tx: DbOrTx, ctx: AuthedContext, slotId: string, action: 'attached' | 'detached', fileName: string) {
  return insertReportEvents(tx, [
    { slotId, action, comment: fileName, actorUserId: ctx.actor.userId, actorName: ctx.actor.username },
  ]);
}
