import type {
  CreateTrainingInput,
  TargetProgress,
  TraineeCounts,
  TrainingListQuery,
  UpdateTrainingInput,
} from '../../../common/api/people.ts';
import { conflict, type ErrorDetail, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import type { DbOrTx } from '../../db/database.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { assertYearsOpen, yearOf as lockYearOf } from '../../kernel/year-lock/year-lock.ts';
import { chinaToday, dateString } from '../../kernel/dates.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { taskOfPairingById, takeTargetProgress, yearlyTargetsOf } from '../tasks/task-progress.service.ts';
import {
  findTraining,
  findTrainingDetail,
  insertTraining,
  linkedTaskIds,
  listTrainings,
  traineesPerTask,
  updateTrainingRow,
} from './trainings.repository.ts';

const totalOf = (t: TraineeCounts) => t.officials + t.managers + t.professionals + t.other;
const yearOf = (date: string) => Number(date.slice(0, 4));

export async function listTrainingPage(ctx: AuthedContext, { page, pageSize, ...filter }: TrainingListQuery) {
  const { items, total } = await listTrainings(ctx.db, ctx.actor, filter, { page, pageSize });
  return { items, total, page, pageSize };
}

export async function trainingLedgerRows(ctx: AuthedContext, { page: _p, pageSize: _s, ...filter }: TrainingListQuery) {
  return (await listTrainings(ctx.db, ctx.actor, filter, 'all')).items;
}

/**
 * How tasks' yearly trainee targets stand in a year: trainees of the trainings linked to each task against the
 * task's first per-year target counted in people (人); a task without one shows its count and no percentage.
 */
async function progressOf(db: DbOrTx, taskIds: string[], year: number): Promise<TargetProgress[]> {
  if (!taskIds.length) return [];
  const [counts, targets] = await Promise.all([
    traineesPerTask(db, taskIds, year),
    yearlyTargetsOf({ tx: db }, taskIds),
  ]);
  return counts.map((c) => {
    const target = targets.find((t) => t.taskId === c.taskId && t.unit.includes('人') && t.min !== null);
    const figure = target ? Number(target.min) : null;
    return {
      taskId: c.taskId,
      taskCode: c.taskCode,
      taskTitle: c.taskTitle,
      year,
      target: figure,
      unit: target?.unit ?? null,
      trainees: c.trainees,
      percent: figure ? Math.round((c.trainees / figure) * 1000) / 10 : null,
    };
  });
}

export async function targetProgressOf(ctx: AuthedContext, pairingId: string, year = yearOf(chinaToday())) {
  if (!inPairingScope(ctx.actor, pairingId)) throw notFound();
  return progressOf(ctx.db, await linkedTaskIds(ctx.db, ctx.actor, pairingId), year);
}

export async function trainingDetail(ctx: AuthedContext, id: string) {
  const found = await findTrainingDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  const taskId = found.summary.taskId;
  const [progress] = taskId ? await progressOf(ctx.db, [taskId], yearOf(dateString(found.summary.startsOn)!)) : [];
  return { ...found, progress: progress ?? null };
}

/** Dates in order, the sides' trainees adding up to the categories', and a task of the same pairing. */
async function trainingProblems(
  work: UnitOfWork,
  pairingId: string,
  t: {
    startsOn: string;
    endsOn: string;
    trainees: TraineeCounts;
    bySide: { a: number; b: number };
    taskId: string | null;
  },
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  if (t.endsOn < t.startsOn) problems.push(fieldError('endsOn', 'date_order'));
  const total = totalOf(t.trainees);
  if (t.bySide.a + t.bySide.b !== total)
    problems.push(fieldError('bySide', 'trainee_sides_total', { sides: t.bySide.a + t.bySide.b, total }));
  if (t.taskId && !(await taskOfPairingById(work, t.taskId, pairingId)))
    problems.push(fieldError('taskId', 'task_not_in_pairing'));
  return problems;
}

/** The linked task takes the training's progress (the tasks service decides what that changes on the task). */
async function countTowardTask(
  work: UnitOfWork,
  ctx: AuthedContext,
  trainingId: string,
  taskId: string | null,
  startsOn: string,
) {
  if (!taskId) return;
  const year = yearOf(startsOn);
  const [progress] = await progressOf(work.tx, [taskId], year);
  const change = await takeTargetProgress(work, ctx.actor, taskId, {
    kind: 'training',
    id: trainingId,
    year,
    achieved: progress?.trainees ?? 0,
  });
  if (change)
    work.audit({
      action: 'task.progress',
      result: 'success',
      objectType: 'task',
      objectId: taskId,
      details: { ...change, trainingId, year, trainees: progress?.trainees ?? 0, target: progress?.target ?? null },
    });
}

export async function createTraining(
  ctx: AuthedContext,
  input: CreateTrainingInput,
  opts: { demo?: boolean } = {},
): Promise<string> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  return auditedChange(ctx, async (work) => {
    // A training counts in the year it starts: a year locked by its accepted annual summary takes no new one.
    await assertYearsOpen(work.tx, input.pairingId, [lockYearOf(input.startsOn)], 'startsOn');
    const taskId = input.taskId ?? null;
    const problems = await trainingProblems(work, input.pairingId, { ...input, taskId });
    if (problems.length) throw invalid(...problems);
    const id = await insertTraining(work.tx, {
      pairingId: input.pairingId,
      taskId,
      title: input.title,
      organiser: input.organiser,
      hostSide: input.hostSide,
      place: input.place ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      ...input.trainees,
      sideA: input.bySide.a,
      sideB: input.bySide.b,
      materials: input.materials ?? null,
      isDemo: !!opts.demo,
    });
    work.audit({
      action: 'training.create',
      result: 'success',
      objectType: 'training',
      objectId: id,
      details: { after: input },
    });
    await countTowardTask(work, ctx, id, taskId, input.startsOn);
    return id;
  });
}

const EDITABLE = ['title', 'organiser', 'hostSide', 'place', 'startsOn', 'endsOn', 'materials', 'taskId'] as const;

export async function updateTraining(ctx: AuthedContext, id: string, input: UpdateTrainingInput): Promise<void> {
  await auditedChange(ctx, async (work) => {
    const current = await findTraining(work.tx, ctx.actor, id, { forUpdate: true });
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const next = {
      startsOn: input.startsOn ?? dateString(current.startsOn)!,
      endsOn: input.endsOn ?? dateString(current.endsOn)!,
      trainees: input.trainees ?? {
        officials: current.officials,
        managers: current.managers,
        professionals: current.professionals,
        other: current.other,
      },
      bySide: input.bySide ?? { a: current.sideA, b: current.sideB },
      taskId: input.taskId === undefined ? current.taskId : input.taskId,
    };
    await assertYearsOpen(
      work.tx,
      current.pairingId,
      [lockYearOf(current.startsOn), lockYearOf(next.startsOn)],
      'startsOn',
    );
    const problems = await trainingProblems(work, current.pairingId, next);
    if (problems.length) throw invalid(...problems);
    const { patch, before, after } = editPatch(EDITABLE, input, current);
    if (input.trainees) {
      Object.assign(patch, input.trainees);
      before.trainees = {
        officials: current.officials,
        managers: current.managers,
        professionals: current.professionals,
        other: current.other,
      };
      after.trainees = input.trainees;
    }
    if (input.bySide) {
      Object.assign(patch, { sideA: input.bySide.a, sideB: input.bySide.b });
      before.bySide = { a: current.sideA, b: current.sideB };
      after.bySide = input.bySide;
    }
    if (!(await updateTrainingRow(work.tx, id, input.version, patch))) throw conflict();
    work.audit({
      action: 'training.update',
      result: 'success',
      objectType: 'training',
      objectId: id,
      details: { before, after },
    });
    await countTowardTask(work, ctx, id, next.taskId, next.startsOn);
  });
}
