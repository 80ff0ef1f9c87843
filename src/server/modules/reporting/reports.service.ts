import type { DbOrTx } from '../../db/database.ts';
import type { AuthedContext } from '../../http/context.ts';
import { conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { showingOnly, writingFor } from '../../db/routing.ts';
import { seesOnlyOwnTasks } from '../tasks/tasks.policy.ts';
import { assertYearsOpen, yearOf } from '../../kernel/year-lock/year-lock.ts';
import type { ReportFrequency, ReportListQuery, ReviewInput, SaveReportInput } from '../../../common/api/reporting.ts';
import { decimalString } from '../../kernel/decimal.ts';
import { chinaToday } from '../../kernel/dates.ts';
import {
  figureTargets,
  organisationOnTask,
  targetsForFigures,
  taskOfPairingById,
} from '../tasks/task-progress.service.ts';
import { findCycle } from './cycles.repository.ts';
import {
  findReportDetail,
  findReportForChange,
  figuresOf,
  listReports,
  owedBy,
  replaceFigures,
  updateSlotRow,
  insertReportEvents,
  insertSlots,
  slotIdFor,
} from './reports.repository.ts';
import { contentProblems, figureProblems, UNREPORTED_STATES, unitKey } from './report-rules.ts';
import { assertCycleOpen, assertVersion, transition, unitNotAssigned } from './reporting.policy.ts';
import { applyApprovedProgress } from './approved-progress.ts';
import { notify, notifyPairingOffices } from '../../kernel/notifications/notifications.service.ts';
import { periodLabelEn } from './cycle-period.ts';

/**
 * The key of an organisation's reports (db/routing.ts writingFor, showingOnly): its slots, their figures and history.
 * None for a slot of no organisation: its writes then count for every report of the pairing.
 */
export const reportsOf = (organisationId: string | null) =>
  organisationId ? [`reports-of:${organisationId}`] : undefined;

export async function listReportPage(ctx: AuthedContext, query: ReportListQuery) {
  const { items, total } = await listReports(ctx.db, ctx.actor, query);
  // A lead unit's list holds only its organisation's reports: other units' drafts leave its cached copy.
  if (seesOnlyOwnTasks(ctx.actor) && !ctx.actor.scope.all)
    showingOnly(ctx.actor.scope.pairingIds, reportsOf(ctx.actor.organisationId)!);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** What the user's own organisation still owes in open periods: pending, drafts, and reports returned to it. */
export async function reportInbox(ctx: AuthedContext) {
  return { slots: await owedBy(ctx.db, ctx.actor, UNREPORTED_STATES), today: chinaToday() };
}

/** A report with its figures, files and history, and the task's current targets to report figures against. */
export async function reportDetail(ctx: AuthedContext, id: string) {
  const found = await findReportDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return { ...found, targets: figureTargets(found.targets) };
}

/** The slot the actor may see and its cycle, the cycle row locked so the period cannot lock under a change. */
export async function slotForChange(tx: DbOrTx, ctx: AuthedContext, id: string) {
  const found = await findReportForChange(tx, ctx.actor, id);
  if (!found) throw notFound();
  const { slot, cycle } = found;
  assertCycleOpen(cycle);
  // A report counts in the year its cycle is due (reports on time): a year locked by its accepted summary is read-only.
  await assertYearsOpen(tx, cycle.pairingId, [yearOf(cycle.dueOn)], 'cycleId');
  return { slot, cycle };
}

/**
 * A unit asks for its report on a task in a cycle. Its slot is made on the spot when it was assigned to the task
 * after the cycle opened; a unit that is neither lead nor co-responsible on the task is refused with the reason.
 */
export async function openReport(ctx: AuthedContext, cycleId: string, taskId: string): Promise<string> {
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const cycle = await findCycle(tx, ctx.actor, cycleId, { forUpdate: true });
    if (!cycle) throw notFound();
    const task = await taskOfPairingById(work, taskId, cycle.pairingId);
    if (!task) throw invalid(fieldError('taskId', 'unknown_task'));
    const units = await organisationOnTask(work, taskId, ctx.actor.organisationId);
    const unit = units.find((u) => u.role === 'lead') ?? units[0];
    if (!unit) throw unitNotAssigned(task.code);
    const key = unitKey(unit);
    const existing = await slotIdFor(tx, cycleId, taskId, key);
    if (existing) return existing;
    assertCycleOpen(cycle);
    // The cycle row is locked and the slot was not there: the insert makes it (every slot insert locks the cycle first).
    // The new report is its cycle's pairing's and its unit's: cached lists of other pairings and units stay.
    const id = await writingFor(
      [cycle.pairingId],
      async () => {
        const [created] = await insertSlots(tx, [
          {
            cycleId,
            taskId,
            organisationId: unit.organisationId,
            unitName: unit.name,
            unitKey: key,
            side: unit.side,
            role: unit.role,
          },
        ]);
        await insertReportEvents(tx, [
          { slotId: created!.id, action: 'opened', actorUserId: ctx.actor.userId, actorName: ctx.actor.username },
        ]);
        return created!.id;
      },
      reportsOf(unit.organisationId),
    );
    audit({
      action: 'report.open',
      result: 'success',
      objectType: 'report',
      objectId: id,
      details: { cycleId, taskId, unit: unit.name },
    });
    return id;
  });
}

/**
 * Saves a draft, or saves and submits. Figures must name the task's current targets in their units; a submission
 * must say the status, percentage and narrative. The report, its figures, its history and the audit row commit together.
 */
export async function saveReport(ctx: AuthedContext, id: string, input: SaveReportInput, submit: boolean) {
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const { slot, cycle } = await slotForChange(tx, ctx, id);
    // The report's rows are its cycle's pairing's: cached answers read for other pairings stay (db/routing.ts).
    return writingFor(
      [cycle.pairingId],
      async () => {
        assertVersion(slot.version, input.version);
        const state = transition(slot.state, submit ? 'submit' : 'save');
        const content = {
          taskStatus: input.taskStatus ?? slot.taskStatus,
          percent: input.percent ?? slot.percent,
          narrative: input.narrative !== undefined ? input.narrative || null : slot.narrative,
        };
        const targets = await targetsForFigures(work, slot.taskId);
        // Figures saved earlier are checked again on submission: the task's targets may have changed since.
        const figures =
          input.figures ??
          (submit
            ? (await figuresOf(tx, slot.id)).map((f) => ({
                targetId: f.targetId,
                value: decimalString(f.value)!,
                unit: f.unit,
              }))
            : []);
        const problems = [...contentProblems(content, submit), ...figureProblems(figures, targets)];
        if (problems.length) throw invalid(...problems);

        if (input.figures) {
          const byId = new Map(targets.map((t) => [t.id, t]));
          await replaceFigures(
            tx,
            slot.id,
            input.figures.map((f) => ({
              targetId: f.targetId,
              targetText: byId.get(f.targetId)!.text,
              unit: f.unit.trim(),
              value: f.value,
              note: f.note ?? null,
            })),
          );
        }
        const now = new Date();
        if (
          !(await updateSlotRow(tx, slot.id, slot.version, {
            ...content,
            state,
            ...(submit ? { submittedAt: now, submittedBy: ctx.actor.userId } : {}),
          }))
        )
          throw conflict();
        await insertReportEvents(tx, [
          {
            slotId: slot.id,
            action: submit ? 'submitted' : 'saved',
            actorUserId: ctx.actor.userId,
            actorName: ctx.actor.username,
          },
        ]);
        if (submit)
          await notifyPairingOffices(work, cycle.pairingId, {
            kind: 'report_submitted',
            slotId: slot.id,
            cycleId: slot.cycleId,
            params: { ...slotNoticeParams(slot, cycle), unitName: slot.unitName },
          });
        audit({
          action: submit ? 'report.submit' : 'report.save',
          result: 'success',
          objectType: 'report',
          objectId: slot.id,
          details: {
            cycleId: slot.cycleId,
            taskId: slot.taskId,
            unit: slot.unitName,
            state: [slot.state, state],
            taskStatus: content.taskStatus,
            percent: content.percent,
            figures: input.figures?.length ?? null,
          },
        });
      },
      reportsOf(slot.organisationId),
    );
  });
}

/**
 * The office returns a report with a comment (the unit is notified and corrects it) or approves it, and the task
 * takes the approved progress.
 */
export async function reviewReport(ctx: AuthedContext, id: string, action: 'return' | 'approve', input: ReviewInput) {
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const { slot, cycle } = await slotForChange(tx, ctx, id);
    // The report's rows are its cycle's pairing's: cached answers read for other pairings stay (db/routing.ts).
    return writingFor(
      [cycle.pairingId],
      async () => {
        assertVersion(slot.version, input.version);
        const state = transition(slot.state, action);
        const comment = input.comment ?? null;
        if (
          !(await updateSlotRow(tx, slot.id, slot.version, {
            state,
            reviewComment: comment,
            reviewedAt: new Date(),
            reviewedBy: ctx.actor.userId,
          }))
        )
          throw conflict();
        await insertReportEvents(tx, [
          {
            slotId: slot.id,
            action: action === 'return' ? 'returned' : 'approved',
            comment,
            actorUserId: ctx.actor.userId,
            actorName: ctx.actor.username,
          },
        ]);
        const taskChanges =
          action === 'approve' ? await applyApprovedProgress(work, ctx.actor, cycle, [slot.taskId]) : [];
        // The unit hears of the office's decision, in the same transaction as the decision itself.
        if (slot.organisationId)
          await notify(work, [
            {
              organisationId: slot.organisationId,
              kind: action === 'return' ? 'returned' : 'report_approved',
              slotId: slot.id,
              cycleId: slot.cycleId,
              params: { ...slotNoticeParams(slot, cycle), comment: comment ?? '' },
            },
          ]);
        audit({
          action: action === 'return' ? 'report.return' : 'report.approve',
          result: 'success',
          objectType: 'report',
          objectId: slot.id,
          details: {
            cycleId: slot.cycleId,
            taskId: slot.taskId,
            unit: slot.unitName,
            state: [slot.state, state],
            comment,
            taskChanges,
          },
        });
      },
      reportsOf(slot.organisationId),
    );
  });
}

/** The facts every notice about a report carries (domain.notifications words them). */
function slotNoticeParams(
  slot: { periodLabel: string; taskCode: string; taskTitle: string },
  cycle: { frequency: ReportFrequency; year: number; period: number },
) {
  return {
    periodLabel: slot.periodLabel,
    periodLabelEn: periodLabelEn(cycle.frequency, cycle.year, cycle.period),
    taskCode: slot.taskCode,
    taskTitle: slot.taskTitle,
  };
}
