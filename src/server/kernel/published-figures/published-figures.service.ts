import type { PublishedFigureTopic } from '../../../common/api/enums.ts';
import type { PublishedFigureInput } from '../../../common/api/published-figures.ts';
import { type ErrorDetail, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../audit/audit-writer.ts';
import { chinaToday } from '../dates.ts';
import { inPairingScope } from '../pairing-scope.repository.ts';
import {
  deleteFigure,
  findFigure,
  insertFigure,
  listFigures,
  pairingExists,
  updateFigure,
} from './published-figures.repository.ts';

export async function publishedFigureList(
  ctx: AuthedContext,
  topic: PublishedFigureTopic,
  f: { pairingId?: string; year?: number },
) {
  return listFigures(ctx.db, ctx.actor, topic, f);
}

export async function publishedFigureById(ctx: AuthedContext, topic: PublishedFigureTopic, id: string) {
  const row = await findFigure(ctx.db, ctx.actor, topic, id);
  if (!row) throw notFound();
  return row;
}

/**
 * Why a figure cannot be recorded: a pairing outside the actor's scope, a programme-wide figure from anyone but the
 * national office, a side without a pairing, a source dated in the future or before the year it reports on began.
 */
function figureProblems(ctx: AuthedContext, input: PublishedFigureInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (input.pairingId) {
    if (!inPairingScope(ctx.actor, input.pairingId)) problems.push(fieldError('pairingId', 'unknown_pairing'));
  } else {
    if (!ctx.actor.scope.all) problems.push(fieldError('pairingId', 'pairing_required_for_figure'));
    if (input.side) problems.push(fieldError('side', 'side_needs_pairing'));
  }
  if (input.sourceDate > chinaToday()) problems.push(fieldError('sourceDate', 'date_in_future'));
  else if (input.sourceDate < `${input.year}-01-01`)
    problems.push(fieldError('sourceDate', 'source_before_year', { year: input.year }));
  return problems;
}

/** The stored columns of a figure as the form gives it. */
function figureValues(input: PublishedFigureInput) {
  return {
    pairingId: input.pairingId ?? null,
    side: input.side ?? null,
    year: input.year,
    label: input.label,
    value: input.value,
    unit: input.unit,
    sourceTitle: input.sourceTitle,
    sourceDate: input.sourceDate,
    sourceLink: input.sourceLink ?? null,
    note: input.note ?? null,
  };
}

/** Records a published figure of a topic with its source; `demo` marks an example (演示), removed by demo clear. */
export async function recordPublishedFigure(
  ctx: AuthedContext,
  topic: PublishedFigureTopic,
  input: PublishedFigureInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  const problems = figureProblems(ctx, input);
  if (problems.length) throw invalid(...problems);
  return auditedChange(ctx, async ({ tx, audit }) => {
    if (input.pairingId && !(await pairingExists(tx, input.pairingId)))
      throw invalid(fieldError('pairingId', 'unknown_pairing'));
    const values = { topic, ...figureValues(input), isDemo: !!opts.demo };
    const id = await insertFigure(tx, {
      ...values,
      recordedBy: ctx.actor.userId,
      recordedByName: ctx.actor.displayName,
    });
    audit({
      action: 'published_figure.create',
      result: 'success',
      objectType: 'published_figure',
      objectId: id,
      details: { after: values },
    });
    return id;
  });
}

/**
 * Corrects a figure (a mistyped value, a better source): the same checks as recording it, and the figure must be
 * one the actor could remove (a programme-wide figure only by the national office). It keeps its demo mark.
 */
export async function reviseFigure(
  ctx: AuthedContext,
  topic: PublishedFigureTopic,
  id: string,
  input: PublishedFigureInput,
) {
  const problems = figureProblems(ctx, input);
  if (problems.length) throw invalid(...problems);
  await auditedChange(ctx, async ({ tx, audit }) => {
    const row = await findFigure(tx, ctx.actor, topic, id, { forUpdate: true });
    if (!row || (!row.pairingId && !ctx.actor.scope.all)) throw notFound();
    if (input.pairingId && !(await pairingExists(tx, input.pairingId)))
      throw invalid(fieldError('pairingId', 'unknown_pairing'));
    const after = figureValues(input);
    await updateFigure(tx, id, after);
    const { pairingName: _name, ...stored } = row;
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, stored[k as keyof typeof after]]));
    audit({
      action: 'published_figure.update',
      result: 'success',
      objectType: 'published_figure',
      objectId: id,
      details: { before, after },
    });
  });
}

/** Removes a figure recorded in error; a programme-wide figure only by the national office. */
export async function removePublishedFigure(ctx: AuthedContext, topic: PublishedFigureTopic, id: string) {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const row = await findFigure(tx, ctx.actor, topic, id, { forUpdate: true });
    if (!row || (!row.pairingId && !ctx.actor.scope.all)) throw notFound();
    await deleteFigure(tx, id);
    const { pairingName: _name, ...before } = row;
    audit({
      action: 'published_figure.delete',
      result: 'success',
      objectType: 'published_figure',
      objectId: id,
      details: { before },
    });
  });
}
