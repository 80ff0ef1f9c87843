import { fieldError, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import {
  type AttachmentRules,
  forgetAttachment,
  keepAttachment,
  readAttachment,
} from '../../kernel/attachments/attachments.service.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { subjectAbilities } from './evaluations.policy.ts';
import { findRound, findSubject } from './evaluations.repository.ts';

/** Evidence of a self-assessment: reports, photos, documents issued. */
export const MAX_EVIDENCE_PER_SUBJECT = 20;

const EVIDENCE: AttachmentRules = {
  owner: 'evaluation_subject',
  ownerField: 'subjectId',
  max: MAX_EVIDENCE_PER_SUBJECT,
  tooMany: 'too_many_evidence_files',
};

/** The subject, locked, if its round is still open for self-assessment by this office. */
async function subjectForEvidence({ tx }: UnitOfWork, ctx: AuthedContext, subjectId: string) {
  const subject = await findSubject(tx, ctx.actor, subjectId, { forUpdate: true });
  if (!subject) throw notFound();
  const found = await findRound(tx, ctx.actor, subject.roundId);
  if (!found) throw notFound();
  if (!subjectAbilities(ctx.actor, found.round.state).selfAssess)
    throw found.round.state !== 'open' ? invalid(fieldError('file', 'round_not_open')) : forbidden();
  return subject;
}

export async function uploadEvidence(
  ctx: AuthedContext,
  subjectId: string,
  file: { buffer: Buffer; fileName: string },
) {
  if (!(await findSubject(ctx.db, ctx.actor, subjectId))) throw notFound();
  return keepAttachment(ctx, EVIDENCE, file, async (work) => (await subjectForEvidence(work, ctx, subjectId)).id);
}

export async function downloadEvidence(ctx: AuthedContext, subjectId: string, attachmentId: string) {
  const subject = await findSubject(ctx.db, ctx.actor, subjectId);
  if (!subject) throw notFound();
  return readAttachment(ctx, EVIDENCE, subject.id, attachmentId);
}

export async function deleteEvidence(ctx: AuthedContext, subjectId: string, attachmentId: string) {
  await forgetAttachment(ctx, EVIDENCE, attachmentId, (work) => subjectForEvidence(work, ctx, subjectId));
}
