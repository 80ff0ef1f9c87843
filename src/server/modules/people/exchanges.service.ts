import type { CreateExchangeInput, ExchangeListQuery, UpdateExchangeInput } from '../../../common/api/people.ts';
import { conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { dateString } from '../../kernel/dates.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { findExchange, insertExchange, listExchanges, updateExchangeRow } from './exchanges.repository.ts';
import { assertYearsOpen, yearOf } from '../../kernel/year-lock/year-lock.ts';

export async function listExchangePage(ctx: AuthedContext, { page, pageSize, ...filter }: ExchangeListQuery) {
  const { items, total } = await listExchanges(ctx.db, ctx.actor, filter, page, pageSize);
  return { items, total, page, pageSize };
}

export async function exchangeDetail(ctx: AuthedContext, id: string) {
  const found = await findExchange(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return found;
}

export async function createExchange(
  ctx: AuthedContext,
  input: CreateExchangeInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  if (input.endsOn && input.endsOn < input.heldOn) throw invalid(fieldError('endsOn', 'date_order'));
  return auditedChange(ctx, async ({ tx, audit }) => {
    await assertYearsOpen(tx, input.pairingId, [yearOf(input.heldOn)], 'heldOn');
    const id = await insertExchange(tx, {
      ...input,
      endsOn: input.endsOn ?? null,
      place: input.place ?? null,
      isDemo: !!opts.demo,
    });
    audit({
      action: 'exchange.create',
      result: 'success',
      objectType: 'exchange',
      objectId: id,
      details: { after: input },
    });
    return id;
  });
}

const EDITABLE = ['kind', 'title', 'heldOn', 'endsOn', 'place', 'participants', 'evidence'] as const;

export async function updateExchange(ctx: AuthedContext, id: string, input: UpdateExchangeInput): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findExchange(tx, ctx.actor, id, { forUpdate: true });
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const heldOn = input.heldOn ?? dateString(current.heldOn)!;
    const endsOn = input.endsOn === undefined ? dateString(current.endsOn) : input.endsOn;
    if (endsOn && endsOn < heldOn) throw invalid(fieldError('endsOn', 'date_order'));
    await assertYearsOpen(tx, current.pairingId, [yearOf(current.heldOn), yearOf(heldOn)], 'heldOn');
    const { patch, before, after } = editPatch(EDITABLE, input, current);
    if (!(await updateExchangeRow(tx, id, input.version, patch))) throw conflict();
    audit({
      action: 'exchange.update',
      result: 'success',
      objectType: 'exchange',
      objectId: id,
      details: { before, after },
    });
  });
}
