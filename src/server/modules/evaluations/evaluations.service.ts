import type {
  AdjustInput,
  CreateRoundInput,
  FrozenValue,
  SelfAssessmentInput,
  SubjectSide,
} from '../../../common/api/evaluations.ts';
import type { ItemInput } from '../../../common/api/tracking.ts';
import type { DbOrTx } from '../../db/database.ts';
import { conflict, type ErrorDetail, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { attachmentsOf } from '../../kernel/attachments/attachments.repository.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { seesNationally } from '../../kernel/pairing-scope.repository.ts';
import { activeIndicators, figureAt, formulaOf, measureSums, targetsFor } from '../indicators/indicators.service.ts';
import { raiseItems } from '../tracking/tracking.service.ts';
import { roundAbilities, subjectAbilities } from './evaluations.policy.ts';
import {
  awardsOf,
  findRound,
  findSubject,
  insertAward,
  insertRound,
  insertSubjects,
  listRounds,
  pairingNames,
  saveResults,
  type RoundRow,
  type SubjectRow,
  subjectsOf,
  updateRoundRow,
  updateSubjectRow,
} from './evaluations.repository.ts';
import { gradeOf, indicatorScore, ranks, weightedScore } from './scoring.ts';

export type { RoundRow, SubjectRow };

export async function roundList(ctx: AuthedContext) {
  return listRounds(ctx.db, ctx.actor);
}

const sideOf = (s: SubjectSide) => (s === 'both' ? null : s);

/**
 * The subjects' indicator values as the records stand now, each with its target (the pairing's own for the year,
 * else the round's) and its score under the round's rule. Every measure is one query for all subjects.
 */
async function liveValues(db: DbOrTx, round: RoundRow, subjects: readonly SubjectRow[]) {
  const ids = round.indicators.map((i) => i.indicatorId);
  const inds = new Map((await activeIndicators(db, ids)).map((i) => [i.id, i]));
  const pairingIds = [...new Set(subjects.map((s) => s.pairingId))];
  const years = { from: round.year, to: round.year };
  const [sums, targets] = await Promise.all([
    measureSums(db, [...inds.values()].map(formulaOf), years, { pairingIds, programme: false }),
    targetsFor(db, ids, round.year, round.year),
  ]);
  return new Map(
    subjects.map((s) => [
      s.id,
      round.indicators.map((ri): FrozenValue => {
        const ind = inds.get(ri.indicatorId)!;
        const fig = figureAt(formulaOf(ind), sums, s.pairingId, round.year, sideOf(s.side));
        const target = targets.get(`${ri.indicatorId}|${s.pairingId}|${round.year}`) ?? ri.target ?? null;
        const value = fig?.value ?? null;
        return {
          indicatorId: ri.indicatorId,
          value,
          numerator: fig?.numerator ?? '0',
          denominator: fig?.denominator ?? null,
          target,
          // An indicator without sides has no figure for one side: not scored for it.
          score: fig ? indicatorScore(ri.rule, ind.direction, value, target === null ? null : Number(target)) : null,
        };
      }),
    ]),
  );
}

const subjectScore = (round: RoundRow, values: readonly FrozenValue[]) =>
  weightedScore(values.map((v, i) => ({ weight: round.indicators[i]!.weight, score: v.score })));

const finalScore = (s: SubjectRow) =>
  s.adjustedScore !== null ? Number(s.adjustedScore) : s.score !== null ? Number(s.score) : null;

/** The round as the actor may see it: its own subjects in full, the ranking for the national office or once published. */
export async function roundDetail(ctx: AuthedContext, id: string) {
  const found = await findRound(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  const { round } = found;
  // A national office granted the round's programme sees it as that programme's office does (seesNationally).
  const national = seesNationally(ctx.actor.scope);
  const all = await subjectsOf(ctx.db, ctx.actor, id, false);
  const own = ctx.actor.scope.all ? all : await subjectsOf(ctx.db, ctx.actor, id, true);
  const [live, awards, inds] = await Promise.all([
    liveValues(ctx.db, round, own),
    awardsOf(
      ctx.db,
      own.map((s) => s.id),
    ),
    activeIndicators(
      ctx.db,
      round.indicators.map((i) => i.indicatorId),
    ),
  ]);
  const files = new Map(
    await Promise.all(
      own.map(async (s) => [s.id, await attachmentsOf(ctx.db, { kind: 'evaluation_subject', id: s.id })] as const),
    ),
  );
  const showRanking = round.state !== 'open' && (national || round.state === 'published');
  return {
    ...found,
    indicators: inds,
    subjects: own.map((s) => ({
      row: s,
      finalScore: finalScore(s),
      live: live.get(s.id)!,
      awards: awards.filter((a) => a.subjectId === s.id),
      attachments: files.get(s.id) ?? [],
      can: subjectAbilities(ctx.actor, round.state),
    })),
    ranking: showRanking ? all.map((s) => ({ row: s, finalScore: finalScore(s) })) : [],
    can: roundAbilities(ctx.actor, round.state),
  };
}

/** The last published round visible to the actor, with its ranking (dashboards). */
export async function latestPublished(ctx: AuthedContext) {
  const [found] = await listRounds(ctx.db, ctx.actor, { publishedOnly: true, limit: 1 });
  if (!found) return { round: null, ranking: [] };
  const all = await subjectsOf(ctx.db, ctx.actor, found.round.id, false);
  return { round: found, ranking: all.map((s) => ({ row: s, finalScore: finalScore(s) })) };
}

function roundProblems(input: CreateRoundInput, known: Map<string, unknown>, names: Map<string, string>) {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  input.indicators.forEach((ri, i) => {
    if (!known.has(ri.indicatorId)) problems.push(fieldError(`indicators.${i}.indicatorId`, 'unknown_indicator'));
    if (seen.has(ri.indicatorId)) problems.push(fieldError(`indicators.${i}.indicatorId`, 'duplicate_indicator'));
    seen.add(ri.indicatorId);
  });
  const grades = new Set<string>();
  input.gradeScale.forEach((g, i) => {
    if (grades.has(g.grade)) problems.push(fieldError(`gradeScale.${i}.grade`, 'duplicate_grade'));
    grades.add(g.grade);
  });
  if (!input.gradeScale.some((g) => g.min === 0)) problems.push(fieldError('gradeScale', 'grade_scale_needs_zero'));
  const pairings = new Set<string>();
  input.pairingIds.forEach((p, i) => {
    if (!names.has(p)) problems.push(fieldError(`pairingIds.${i}`, 'unknown_pairing'));
    if (pairings.has(p)) problems.push(fieldError(`pairingIds.${i}`, 'duplicate_pairing'));
    pairings.add(p);
  });
  if (input.selfDeadline < chinaToday()) problems.push(fieldError('selfDeadline', 'deadline_in_past'));
  return problems;
}

export async function openRound(ctx: AuthedContext, input: CreateRoundInput): Promise<string> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const [inds, names] = await Promise.all([
      activeIndicators(
        tx,
        input.indicators.map((i) => i.indicatorId),
      ),
      pairingNames(tx, input.pairingIds),
    ]);
    const problems = roundProblems(input, new Map(inds.map((i) => [i.id, i])), names);
    if (problems.length) throw invalid(...problems);
    const id = await insertRound(tx, {
      year: input.year,
      title: input.title,
      sides: input.sides,
      selfDeadline: input.selfDeadline,
      indicators: input.indicators.map((i) => ({ ...i, target: i.target ?? null })),
      gradeScale: [...input.gradeScale].sort((a, b) => b.min - a.min),
      createdBy: ctx.actor.userId,
    });
    const sides: SubjectSide[] = input.sides === 'pairing' ? ['both'] : ['a', 'b'];
    await insertSubjects(
      tx,
      input.pairingIds.flatMap((pairingId) => sides.map((side) => ({ roundId: id, pairingId, side }))),
    );
    audit({
      action: 'evaluation.open',
      result: 'success',
      objectType: 'evaluation_round',
      objectId: id,
      details: { input },
    });
    return id;
  });
}

/** A subject of an open round that the actor's office may write for. */
async function openSubject(work: UnitOfWork, ctx: AuthedContext, subjectId: string) {
  const subject = await findSubject(work.tx, ctx.actor, subjectId, { forUpdate: true });
  if (!subject) throw notFound();
  const found = await findRound(work.tx, ctx.actor, subject.roundId);
  if (!found) throw notFound();
  if (found.round.state !== 'open') throw invalid(fieldError('narrative', 'round_not_open'));
  return { subject, round: found.round };
}

export async function writeSelfAssessment(ctx: AuthedContext, subjectId: string, input: SelfAssessmentInput) {
  await auditedChange(ctx, async (work) => {
    const { subject, round } = await openSubject(work, ctx, subjectId);
    if (subject.version !== input.version) throw conflict();
    if (chinaToday() > round.selfDeadline)
      throw invalid(fieldError('narrative', 'self_deadline_passed', { date: round.selfDeadline }));
    const submit = input.submit ? { submittedAt: new Date(), submittedBy: ctx.actor.userId } : {};
    if (!(await updateSubjectRow(work.tx, subjectId, { narrative: input.narrative, ...submit }, input.version)))
      throw conflict();
    work.audit({
      action: input.submit ? 'evaluation.self.submit' : 'evaluation.self.save',
      result: 'success',
      objectType: 'evaluation_subject',
      objectId: subjectId,
      details: { before: subject.narrative, after: input.narrative },
    });
  });
}

/** Ranks and grades of every subject of the round from their final scores (after closing and after each adjustment). */
function ranked(round: RoundRow, subjects: readonly SubjectRow[]) {
  const scores = new Map(subjects.map((s) => [s.id, finalScore(s)]));
  const order = ranks(scores);
  return subjects.map((s) => ({
    id: s.id,
    rank: order.get(s.id) ?? null,
    grade: gradeOf(round.gradeScale, scores.get(s.id)!),
  }));
}

/**
 * Closing freezes every subject's values as they stand and scores them: later edits of the records change what
 * "now" shows, never the frozen values a published score is made of.
 */
export async function closeRound(ctx: AuthedContext, id: string, version: number) {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const found = await findRound(tx, ctx.actor, id, { forUpdate: true });
    if (!found) throw notFound();
    const { round } = found;
    if (round.version !== version) throw conflict();
    if (round.state !== 'open') throw invalid(fieldError('state', 'round_not_open'));
    const subjects = await subjectsOf(tx, ctx.actor, id, false);
    const live = await liveValues(tx, round, subjects);
    const scored = subjects.map((s) => {
      const frozen = live.get(s.id)!;
      const score = subjectScore(round, frozen);
      return { ...s, frozen, score: score === null ? null : String(score) };
    });
    const byId = new Map(scored.map((s) => [s.id, s]));
    await saveResults(
      tx,
      ranked(round, scored).map((r) => ({ ...r, frozen: byId.get(r.id)!.frozen, score: byId.get(r.id)!.score })),
    );
    if (!(await updateRoundRow(tx, id, version, { state: 'closed', closedAt: new Date() }))) throw conflict();
    audit({
      action: 'evaluation.close',
      result: 'success',
      objectType: 'evaluation_round',
      objectId: id,
      details: { scores: Object.fromEntries(scored.map((s) => [s.id, s.score])) },
    });
  });
}

export async function adjustScore(ctx: AuthedContext, subjectId: string, input: AdjustInput) {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const subject = await findSubject(tx, ctx.actor, subjectId, { forUpdate: true });
    if (!subject) throw notFound();
    const found = await findRound(tx, ctx.actor, subject.roundId, { forUpdate: true });
    if (!found) throw notFound();
    if (found.round.state !== 'closed') throw invalid(fieldError('score', 'round_not_closed'));
    if (subject.version !== input.version) throw conflict();
    const patch = { adjustedScore: String(input.score), adjustReason: input.reason };
    if (!(await updateSubjectRow(tx, subjectId, patch, input.version))) throw conflict();
    const subjects = await subjectsOf(tx, ctx.actor, subject.roundId, false);
    await saveResults(tx, ranked(found.round, subjects));
    audit({
      action: 'evaluation.adjust',
      result: 'success',
      objectType: 'evaluation_subject',
      objectId: subjectId,
      details: {
        before: { score: subject.adjustedScore ?? subject.score, reason: subject.adjustReason },
        after: { score: patch.adjustedScore, reason: input.reason },
      },
    });
  });
}

export async function publishRound(ctx: AuthedContext, id: string, version: number) {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const found = await findRound(tx, ctx.actor, id, { forUpdate: true });
    if (!found) throw notFound();
    if (found.round.version !== version) throw conflict();
    if (found.round.state !== 'closed') throw invalid(fieldError('state', 'round_not_closed'));
    if (!(await updateRoundRow(tx, id, version, { state: 'published', publishedAt: new Date() }))) throw conflict();
    audit({ action: 'evaluation.publish', result: 'success', objectType: 'evaluation_round', objectId: id });
  });
}

/** A subject of a published round, for praise and rectification orders. */
async function publishedSubject(work: UnitOfWork, ctx: AuthedContext, subjectId: string, field: string) {
  const subject = await findSubject(work.tx, ctx.actor, subjectId);
  if (!subject) throw notFound();
  const found = await findRound(work.tx, ctx.actor, subject.roundId);
  if (!found) throw notFound();
  if (found.round.state !== 'published') throw invalid(fieldError(field, 'round_not_published'));
  return { subject, round: found.round };
}

export async function praise(ctx: AuthedContext, subjectId: string, text: string) {
  return auditedChange(ctx, async (work) => {
    const { subject, round } = await publishedSubject(work, ctx, subjectId, 'text');
    const id = await insertAward(work.tx, {
      roundId: round.id,
      subjectId,
      kind: 'praise',
      text,
      createdBy: ctx.actor.userId,
    });
    work.audit({
      action: 'evaluation.praise',
      result: 'success',
      objectType: 'evaluation_subject',
      objectId: subject.id,
      details: { awardId: id, text },
    });
    return id;
  });
}

/** 整改要求: each becomes a tracked item of the pairing (owners, deadline, progress, closure with evidence). */
export async function orderRectification(ctx: AuthedContext, subjectId: string, items: readonly ItemInput[]) {
  return auditedChange(ctx, async (work) => {
    const { subject, round } = await publishedSubject(work, ctx, subjectId, 'items');
    const itemIds = await raiseItems(
      work,
      ctx,
      { pairingId: subject.pairingId, source: 'rectification', sourceId: round.id, sourceTitle: round.title },
      items,
      'items.',
    );
    for (const [i, itemId] of itemIds.entries())
      await insertAward(work.tx, {
        roundId: round.id,
        subjectId,
        kind: 'rectification',
        text: items[i]!.text,
        trackedItemId: itemId,
        createdBy: ctx.actor.userId,
      });
    work.audit({
      action: 'evaluation.rectification',
      result: 'success',
      objectType: 'evaluation_subject',
      objectId: subject.id,
      details: { itemIds },
    });
    return itemIds;
  });
}
