import { randomUUID } from 'node:crypto';
import type {
  CreateSecondmentInput,
  RevealInput,
  SecondmentListQuery,
  UpdateSecondmentInput,
} from '../../../common/api/people.ts';
import { conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange, auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { dateString } from '../../kernel/dates.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { fieldKeyring } from '../../security/field-keys.ts';
import { type FieldSealer, openField, sealedIdNumber, sealedMobile, secondmentProblems } from './secondment-record.ts';
import {
  findSecondment,
  findSecondmentDetail,
  insertSecondments,
  listSecondments,
  type SecondmentFilter,
  takenPersonBatches,
  updateSecondmentRow,
} from './secondments.repository.ts';
import { assertYearsOpen, yearOf } from '../../kernel/year-lock/year-lock.ts';

export const fieldSealer = (ctx: AuthedContext): FieldSealer => ({
  crypto: ctx.deps.crypto,
  ring: fieldKeyring(ctx.deps.config.dataDir),
});

export async function listSecondmentPage(ctx: AuthedContext, { page, pageSize, ...filter }: SecondmentListQuery) {
  const { items, total } = await listSecondments(ctx.db, ctx.actor, filter, { page, pageSize });
  return { items, total, page, pageSize };
}

export async function secondmentDetail(ctx: AuthedContext, id: string) {
  const found = await findSecondmentDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return found;
}

export async function createSecondment(
  ctx: AuthedContext,
  input: CreateSecondmentInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  const problems = secondmentProblems(input);
  if (problems.length) throw invalid(...problems);
  const sealer = fieldSealer(ctx);
  return auditedChange(ctx, async ({ tx, audit }) => {
    await assertYearsOpen(tx, input.pairingId, [yearOf(input.startsOn)], 'startsOn');
    const id = randomUUID();
    const idNumber = sealedIdNumber(sealer, id, input.idNumber);
    const taken = await takenPersonBatches(tx, input.pairingId, [idNumber.idNumberIndex]);
    if (taken.has(`${input.batch}|${idNumber.idNumberIndex}`))
      throw invalid(fieldError('idNumber', 'duplicate_secondment', { batch: input.batch }));
    const { idNumber: _id, mobile, ...fields } = input;
    await insertSecondments(tx, [
      {
        ...fields,
        id,
        ...idNumber,
        ...sealedMobile(sealer, id, mobile ?? null),
        evaluation: input.evaluation ?? null,
        isDemo: !!opts.demo,
      },
    ]);
    audit({
      action: 'secondment.create',
      result: 'success',
      objectType: 'secondment',
      objectId: id,
      // The audit trail keeps what changed, never the protected numbers themselves.
      details: { after: { ...fields, idNumber: idNumber.idNumberMasked, mobile: mobile ? '***' : null } },
    });
    return id;
  });
}

const EDITABLE = [
  'name',
  'gender',
  'birthYear',
  'direction',
  'homeUnit',
  'homePost',
  'hostUnit',
  'hostPost',
  'rank',
  'batch',
  'startsOn',
  'endsOn',
  'status',
  'evaluation',
] as const;

export async function updateSecondment(ctx: AuthedContext, id: string, input: UpdateSecondmentInput): Promise<void> {
  const sealer = fieldSealer(ctx);
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findSecondment(tx, ctx.actor, id, { forUpdate: true });
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    // A posting counts in the year it began (cadres seconded each way): a locked year is read-only.
    await assertYearsOpen(tx, current.pairingId, [yearOf(current.startsOn), yearOf(input.startsOn)], 'startsOn');
    const problems = secondmentProblems({
      startsOn: input.startsOn ?? dateString(current.startsOn)!,
      endsOn: input.endsOn ?? dateString(current.endsOn)!,
      birthYear: input.birthYear ?? current.birthYear,
      idNumber: input.idNumber ?? openField(sealer, id, 'idNumber', current.idNumberCipher),
    });
    if (problems.length) throw invalid(...problems);
    const { patch, before, after } = editPatch(EDITABLE, input, current);
    const sealed: Record<string, unknown> = {};
    if (input.idNumber !== undefined) {
      Object.assign(sealed, sealedIdNumber(sealer, id, input.idNumber));
      before.idNumber = current.idNumberMasked;
      after.idNumber = sealed.idNumberMasked;
    }
    if (input.mobile !== undefined) {
      Object.assign(sealed, sealedMobile(sealer, id, input.mobile));
      before.mobile = current.mobileMasked;
      after.mobile = sealed.mobileMasked;
    }
    const index = (sealed.idNumberIndex as string | undefined) ?? current.idNumberIndex;
    const batch = input.batch ?? current.batch;
    if (
      (input.idNumber !== undefined || input.batch !== undefined) &&
      (await takenPersonBatches(tx, current.pairingId, [index], id)).has(`${batch}|${index}`)
    )
      throw invalid(fieldError(input.idNumber !== undefined ? 'idNumber' : 'batch', 'duplicate_secondment', { batch }));
    if (!(await updateSecondmentRow(tx, id, input.version, { ...patch, ...sealed }))) throw conflict();
    audit({
      action: 'secondment.update',
      result: 'success',
      objectType: 'secondment',
      objectId: id,
      details: { before, after },
    });
  });
}

/**
 * Shows one protected number in full, to an office or 组织部 that sees the cadre, and says so in the audit trail:
 * who, whose and why, in the same transaction as the read (no audit row, no number).
 */
export async function revealField(ctx: AuthedContext, id: string, input: RevealInput): Promise<string | null> {
  const sealer = fieldSealer(ctx);
  return auditedChange(ctx, async ({ tx, audit }) => {
    const row = await findSecondment(tx, ctx.actor, id);
    if (!row) throw notFound();
    const cipher = input.field === 'idNumber' ? row.idNumberCipher : row.mobileCipher;
    const value = cipher ? openField(sealer, id, input.field, cipher) : null;
    audit({
      action: 'secondment.reveal',
      result: 'success',
      objectType: 'secondment',
      objectId: id,
      details: { field: input.field, person: row.name, pairingId: row.pairingId, reason: input.reason },
    });
    return value;
  });
}

/** Every cadre under the filters for the named export, with its audit row (who, when, which filters, how many). */
export async function secondmentExportRows(ctx: AuthedContext, filter: SecondmentFilter) {
  const { items } = await listSecondments(ctx.db, ctx.actor, filter, 'all');
  await auditStandalone(ctx, {
    action: 'secondment.export',
    result: 'success',
    objectType: 'secondment',
    details: { filter, rows: items.length },
  });
  return items;
}
