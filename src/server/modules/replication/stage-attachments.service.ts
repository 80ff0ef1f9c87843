import { forbidden, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import {
  type AttachmentRules,
  forgetAttachment,
  keepAttachment,
  readAttachment,
} from '../../kernel/attachments/attachments.service.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { mayManageAdoption } from './replication.policy.ts';
import { findStage } from './replication.repository.ts';

/** The local documents issued for a stage (the scanned 文件, its annexes): a few per stage. */
export const MAX_ATTACHMENTS_PER_STAGE = 10;

const STAGE_ATTACHMENTS: AttachmentRules = {
  owner: 'replication_stage',
  ownerField: 'stageId',
  max: MAX_ATTACHMENTS_PER_STAGE,
  tooMany: 'too_many_stage_attachments',
};

/** The stage, locked, if the actor keeps its adoption (the office, or the adopting unit itself). */
async function stageToChange({ tx }: UnitOfWork, ctx: AuthedContext, stageId: string) {
  const found = await findStage(tx, ctx.actor, stageId, { forUpdate: true });
  if (!found) throw notFound();
  if (!mayManageAdoption(ctx.actor, found.adoption)) throw forbidden();
  return { id: found.stage.id, practiceId: found.practiceId };
}

/** Keeps a stage's document; answers the practice, whose page shows it. */
export async function uploadStageAttachment(
  ctx: AuthedContext,
  stageId: string,
  file: { buffer: Buffer; fileName: string },
): Promise<string> {
  const found = await findStage(ctx.db, ctx.actor, stageId);
  if (!found) throw notFound();
  await keepAttachment(ctx, STAGE_ATTACHMENTS, file, async (work) => (await stageToChange(work, ctx, stageId)).id);
  return found.practiceId;
}

export async function downloadStageAttachment(ctx: AuthedContext, stageId: string, attachmentId: string) {
  const found = await findStage(ctx.db, ctx.actor, stageId);
  if (!found) throw notFound();
  return readAttachment(ctx, STAGE_ATTACHMENTS, found.stage.id, attachmentId);
}

export async function deleteStageAttachment(ctx: AuthedContext, stageId: string, attachmentId: string) {
  let practiceId = '';
  await forgetAttachment(ctx, STAGE_ATTACHMENTS, attachmentId, async (work) => {
    const stage = await stageToChange(work, ctx, stageId);
    practiceId = stage.practiceId;
    return stage;
  });
  return practiceId;
}
