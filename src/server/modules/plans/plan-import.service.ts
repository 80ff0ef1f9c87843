import type { AuthedContext } from '../../http/context.ts';
import { AppError, invalid, fieldError, type ErrorDetail } from '../../http/app-error.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import type {
  ImportPlanInput,
  PlanCreated,
  PlanSectionInput,
  PlanTaskInput,
  SubPairCreateInput,
} from '../../../common/api/plans.ts';
import { createPairingIn, visiblePairing } from '../pairings/pairings.service.ts';
import { findProgramme, keepSourceDocument } from '../programmes/programmes.service.ts';
import { pairingLevel } from '../regions/region-catalogue.ts';
import {
  addTasks,
  moveTask,
  recordTaskHistory,
  replaceTaskTargets,
  replaceTaskUnits,
  tasksOfPlanForReimport,
  tasksWithUnits,
  type TargetRow,
  type TaskHistoryEntry,
  type UnitRow,
} from '../tasks/plan-tasks.service.ts';
import { resolveUnitLists, targetProblems, targetRows } from '../tasks/task-input.ts';
import { assertCanManageProgrammeLevel } from '../tasks/tasks.policy.ts';
import { assertPlanKindOfProgramme } from './plan-kind.ts';
import { currentOfLineage, insertPlan, insertSection, retirePlan } from './plans.repository.ts';
import { withTaskCodes, diffTasks, isEmptyDiff, lineageKey, type FlatTask } from './plan-tree.ts';

/** Which programme and pairing the plan belongs to; a pairing the actor cannot see is "unknown", as on reads. */
async function owner(work: UnitOfWork, ctx: AuthedContext, input: ImportPlanInput) {
  if (input.kind === 'national' || !input.pairingId) {
    if (input.kind !== 'national') throw invalid(fieldError('pairingId', 'pairing_required'));
    assertCanManageProgrammeLevel(ctx.actor);
    if (input.pairingId) throw invalid(fieldError('pairingId', 'invalid_value'));
    const programme = input.programmeId ? await findProgramme(work, input.programmeId) : undefined;
    if (!programme) throw invalid(fieldError('programmeId', 'unknown_programme'));
    return { programmeId: programme.id, pairingId: null };
  }
  const pairing = await visiblePairing(work, ctx.actor, input.pairingId);
  if (!pairing) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  if (input.programmeId && input.programmeId !== pairing.programmeId)
    throw invalid(fieldError('programmeId', 'unknown_programme'));
  return { programmeId: pairing.programmeId, pairingId: pairing.id };
}

/** Everything wrong with the corrected tree at once: duplicate numbers, lines outside the text, malformed targets. */
function treeProblems(input: ImportPlanInput, flat: FlatTask<PlanTaskInput>[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const max = input.sourceText.split('\n').length;
  const checkLine = (field: string, line: number | null | undefined) => {
    if (line != null && line > max) problems.push(fieldError(field, 'line_out_of_range', { max }));
  };
  const seen = new Set<string>();
  for (const { task, path, code } of flat) {
    if (seen.has(code)) problems.push(fieldError(`${path}.no`, 'duplicate_task_no', { code }));
    seen.add(code);
    checkLine(`${path}.line`, task.line);
    checkLine(`${path}.endLine`, task.endLine);
    if (task.line != null && task.endLine != null && task.endLine < task.line)
      problems.push(fieldError(`${path}.endLine`, 'line_out_of_range', { max }));
    problems.push(...targetProblems(task.targets, `${path}.targets`));
  }
  const walk = (list: PlanSectionInput[], prefix: string) =>
    list.forEach((s, i) => {
      checkLine(`${prefix}.${i}.line`, s.line);
      walk(s.children ?? [], `${prefix}.${i}.children`);
    });
  walk(input.sections, 'sections');
  input.measures.forEach((m, i) => checkLine(`measures.${i}.line`, m.line));
  input.subPairs.forEach((p, i) => checkLine(`subPairs.${i}.line`, p.line));
  if (flat.length === 0) problems.push(fieldError('sections', 'file_no_tasks'));
  return problems;
}

/** Sections in document order; returns the section id of each task (by its path in the tree). */
async function writeSections({ tx }: UnitOfWork, planId: string, input: ImportPlanInput) {
  const sectionOfTask = new Map<PlanTaskInput, string>();
  let ordinal = 0;
  const walk = async (list: PlanSectionInput[], parentId: string | null, level: number) => {
    for (const s of list) {
      const id = await insertSection(tx, {
        planId,
        parentId,
        kind: 'section',
        ordinal: ordinal++,
        no: s.no,
        title: s.title,
        level: s.level ?? level,
        line: s.line ?? null,
      });
      for (const t of s.tasks) sectionOfTask.set(t, id);
      await walk(s.children ?? [], id, level + 1);
    }
  };
  await walk(input.sections, null, 1);
  for (const m of input.measures) {
    await insertSection(tx, {
      planId,
      parentId: null,
      kind: 'measure',
      ordinal: ordinal++,
      no: m.no,
      title: m.title,
      level: 1,
      line: m.line ?? null,
      text: m.text || null,
    });
  }
  return sectionOfTask;
}

/** Sub-pairs go through the pairings service, so they meet its rules and leave its audit rows; errors name the sub-pair. */
async function createSubPairs(
  work: UnitOfWork,
  ctx: AuthedContext,
  owner: { programmeId: string; pairingId: string | null },
  documentId: string,
  list: SubPairCreateInput[],
) {
  const ids: string[] = [];
  for (const [i, p] of list.entries()) {
    try {
      ids.push(
        await createPairingIn(
          work,
          ctx,
          {
            programmeId: owner.programmeId,
            parentId: owner.pairingId,
            level: p.level ?? pairingLevel(p.sideA),
            status: 'active',
            sideA: p.sideA,
            sideB: p.sideB,
            theme: p.theme ?? null,
          },
          { documentId, line: p.line ?? null, quote: p.quote ?? null },
        ),
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError(
        err.status,
        err.code,
        err.details.map((d) => ({ ...d, field: `subPairs.${i}.${d.field}` })),
      );
    }
  }
  return ids;
}

function taskFields(t: PlanTaskInput) {
  return {
    no: t.no,
    title: t.title,
    text: t.text,
    sourceLine: t.line ?? null,
    sourceEndLine: t.endLine ?? t.line ?? null,
  };
}

/**
 * Confirms an import: the plan, its sections, tasks and targets, its source text, and the chosen sub-pairings, with
 * one audit row, in one transaction. A changed version of a plan already imported (same pairing and title) becomes
 * a new version; its tasks keep their ids, assignments and history where the task number matches, and each keeps
 * a record of what the new version changed in it. Re-confirming the current version unchanged writes nothing.
 */
export async function importPlan(ctx: AuthedContext, input: ImportPlanInput): Promise<PlanCreated> {
  const flat = withTaskCodes<PlanTaskInput>(input.sections);
  const problems = treeProblems(input, flat);
  if (problems.length) throw invalid(...problems);

  return auditedChange(ctx, async (work) => {
    const { tx } = work;
    const own = await owner(work, ctx, input);
    await assertPlanKindOfProgramme(work, own.programmeId, input.kind);
    const key = lineageKey({ ...own, title: input.title });
    const previous = await currentOfLineage(tx, key);
    const before = previous ? await tasksOfPlanForReimport(work, previous.id) : [];
    const diff = diffTasks(
      before,
      flat.map((f) => ({ code: f.code, title: f.task.title, text: f.task.text })),
    );
    const documentId = await keepSourceDocument(work, {
      title: input.title,
      docNo: input.docNo ?? null,
      fileName: input.fileName,
      body: input.sourceText,
    });
    if (previous && previous.sourceDocumentId === documentId && isEmptyDiff(diff) && input.subPairs.length === 0) {
      return {
        id: previous.id,
        versionNo: previous.versionNo,
        taskCount: flat.length,
        changes: diff,
        subPairIds: [],
        unchanged: true,
      };
    }

    if (previous) await retirePlan(tx, previous.id);
    const planId = await insertPlan(tx, {
      programmeId: own.programmeId,
      pairingId: own.pairingId,
      kind: input.kind,
      title: input.title,
      docNo: input.docNo ?? null,
      sourceDocumentId: documentId,
      lineageKey: key,
      versionNo: (previous?.versionNo ?? 0) + 1,
      supersedesId: previous?.id ?? null,
      changes: previous ? diff : null,
      createdBy: ctx.actor.userId,
    });
    const sectionOf = await writeSections(work, planId, input);

    const kept = new Map(before.map((t) => [t.code, t]));
    const changedCodes = new Set(diff.changed.map((c) => c.code));
    const fresh = flat.filter((f) => !kept.has(f.code));
    const ordinalOf = new Map(flat.map((f, i) => [f.code, i]));
    const targetsByTask = new Map<string, TargetRow[]>();
    const actor = { actorUserId: ctx.actor.userId, actorName: ctx.actor.username };
    const history: TaskHistoryEntry[] = [];

    const inserted = await addTasks(
      work,
      fresh.map((f) => ({
        planId,
        sectionId: sectionOf.get(f.task) ?? null,
        pairingId: own.pairingId,
        code: f.code,
        ordinal: ordinalOf.get(f.code)!,
        ...taskFields(f.task),
      })),
    );
    // The clause's units of every task that takes them are resolved together: one query for their organisations.
    const unitLists: { taskId: string; units: PlanTaskInput['units']; prefix: string }[] = [];
    const takeUnits = (taskId: string, f: FlatTask<PlanTaskInput>) => {
      if (f.task.units.length) unitLists.push({ taskId, units: f.task.units, prefix: `${f.path}.units` });
    };
    for (const [i, row] of inserted.entries()) {
      targetsByTask.set(row.id, targetRows(fresh[i]!.task.targets));
      takeUnits(row.id, fresh[i]!);
      history.push({
        taskId: row.id,
        planId,
        action: previous ? 'reimported' : 'imported',
        changes: { added: true, versionNo: (previous?.versionNo ?? 0) + 1 },
        ...actor,
      });
    }
    // Units the office assigned to a kept task stay; the clause's units only fill a task that has none.
    const keptFlat = flat.filter((x) => kept.has(x.code));
    const assigned = await tasksWithUnits(
      work,
      keptFlat.map((f) => kept.get(f.code)!.id),
    );
    for (const f of keptFlat) if (!assigned.has(kept.get(f.code)!.id)) takeUnits(kept.get(f.code)!.id, f);
    const resolved = await resolveUnitLists(tx, ctx.actor, unitLists);
    if (resolved.problems.length) throw invalid(...resolved.problems);
    const unitsByTask = new Map<string, UnitRow[]>(unitLists.map((l, i) => [l.taskId, resolved.rows[i]!]));
    for (const f of keptFlat) {
      const old = kept.get(f.code)!;
      const textChanged = changedCodes.has(f.code);
      const moved = await moveTask(work, old.id, old.version, {
        planId,
        sectionId: sectionOf.get(f.task) ?? null,
        ordinal: ordinalOf.get(f.code)!,
        ...(textChanged
          ? taskFields(f.task)
          : { sourceLine: f.task.line ?? null, sourceEndLine: f.task.endLine ?? null }),
      });
      if (!moved) throw new AppError(409, 'conflict');
      // Targets the office set stay unless the clause itself changed.
      if (textChanged) targetsByTask.set(old.id, targetRows(f.task.targets));
      history.push({
        taskId: old.id,
        planId,
        action: 'reimported',
        ...actor,
        changes: {
          versionNo: previous!.versionNo + 1,
          ...(textChanged
            ? { title: [old.title, f.task.title], text: [old.text, f.task.text], targets: 'replaced' }
            : { unchanged: true }),
        },
      });
    }
    for (const r of diff.removed)
      history.push({
        taskId: kept.get(r.code)!.id,
        planId: previous!.id,
        action: 'removed',
        changes: { versionNo: previous!.versionNo + 1 },
        ...actor,
      });
    await replaceTaskTargets(work, targetsByTask);
    await replaceTaskUnits(work, unitsByTask);
    await recordTaskHistory(work, history);

    const subPairIds = await createSubPairs(work, ctx, own, documentId, input.subPairs);
    const summary = {
      added: diff.added.map((t) => t.code),
      removed: diff.removed.map((t) => t.code),
      changed: diff.changed.map((t) => t.code),
    };
    work.audit({
      action: previous ? 'plan.reimport' : 'plan.import',
      result: 'success',
      objectType: 'plan',
      objectId: planId,
      details: {
        title: input.title,
        kind: input.kind,
        pairingId: own.pairingId,
        versionNo: (previous?.versionNo ?? 0) + 1,
        supersedesId: previous?.id ?? null,
        fileName: input.fileName,
        sourceDocumentId: documentId,
        taskCount: flat.length,
        targetCount: flat.reduce((n, f) => n + f.task.targets.length, 0),
        ...(previous ? { changes: summary } : {}),
        subPairIds,
      },
    });
    return {
      id: planId,
      versionNo: (previous?.versionNo ?? 0) + 1,
      taskCount: flat.length,
      changes: previous ? diff : null,
      subPairIds,
      unchanged: false,
    };
  });
}
