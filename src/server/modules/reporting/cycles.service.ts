import type { AuthedContext } from '../../http/context.ts';
import { AppError, conflict, fieldError, invalid, notFound, type ErrorDetail } from '../../http/app-error.ts';
import { writingFor } from '../../db/routing.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import type {
  ApproveCycleInput,
  CreateCycleInput,
  CycleListQuery,
  UnlockCycleInput,
} from '../../../common/api/reporting.ts';
import { visiblePairing } from '../pairings/pairings.service.ts';
import { tasksWithoutUnits, unitsOwingProgress } from '../tasks/task-progress.service.ts';
import { cyclePeriod, defaultDueOn, periodLabelEn, periodsPerYear } from './cycle-period.ts';
import { notify } from '../../kernel/notifications/notifications.service.ts';
import {
  findCycle,
  findCycleDetail,
  insertCycle,
  insertCycleEvent,
  listCycles,
  updateCycleRow,
} from './cycles.repository.ts';
import {
  insertSlots,
  slotsOfCycle,
  approveSubmittedSlots,
  insertReportEvents,
  type SlotInsert,
} from './reports.repository.ts';
import { UNREPORTED_STATES, unitKey } from './report-rules.ts';
import { assertCycleOpen, assertVersion } from './reporting.policy.ts';
import { applyApprovedProgress } from './approved-progress.ts';

export async function listCyclePage(ctx: AuthedContext, query: CycleListQuery) {
  const { items, total } = await listCycles(ctx.db, ctx.actor, query);
  return { items, total, page: query.page, pageSize: query.pageSize, today: chinaToday() };
}

/** A period with its record, and the pairing's tasks that have no unit yet (so no report: listed to be assigned). */
export async function cycleDetail(ctx: AuthedContext, id: string) {
  const found = await findCycleDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  const unassigned = await tasksWithoutUnits({ tx: ctx.db }, found.cycle.pairingId);
  return { ...found, unassigned, today: chinaToday() };
}

/** The cycle's slots that still owe a submission, as the actor sees them. */
export async function unreportedSlots(ctx: AuthedContext, id: string) {
  const cycle = await findCycle(ctx.db, ctx.actor, id);
  if (!cycle) throw notFound();
  return { cycle, slots: await slotsOfCycle(ctx.db, ctx.actor, cycle.id, UNREPORTED_STATES), today: chinaToday() };
}

/**
 * Opens a reporting period for a pairing and gives every unit assigned to one of its current tasks (lead and
 * co-responsible, both sides) a slot to report in. The cycle, its slots and the audit row commit together.
 */
export async function createCycle(ctx: AuthedContext, input: CreateCycleInput): Promise<string> {
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const pairing = await visiblePairing(work, ctx.actor, input.pairingId);
    if (!pairing) throw invalid(fieldError('pairingId', 'unknown_pairing'));
    const problems: ErrorDetail[] = [];
    const period = cyclePeriod(input.frequency, input.year, input.period);
    if (!period) throw invalid(fieldError('period', 'too_big', { max: periodsPerYear(input.frequency) }));
    const dueOn = input.dueOn ?? defaultDueOn(period);
    if (dueOn < period.start) problems.push(fieldError('dueOn', 'due_before_period', { start: period.start }));
    const units = await unitsOwingProgress(work, pairing.id);
    if (!units.length) problems.push(fieldError('pairingId', 'no_assigned_tasks'));
    if (problems.length) throw invalid(...problems);

    // The period, its reports and their record are the pairing's (read above in this transaction): cached report
    // lists of other pairings stay (db/routing.ts writingFor, db/data-version.ts PAIRING_OWNED_TABLES).
    const { id, slots } = await writingFor([pairing.id], async () => {
      const id = await insertCycle(tx, {
        pairingId: pairing.id,
        frequency: input.frequency,
        year: input.year,
        period: input.period,
        periodLabel: period.label,
        periodStart: period.start,
        periodEnd: period.end,
        dueOn,
        reminderDays: input.reminderDays,
        createdBy: ctx.actor.userId,
      });
      if (!id) throw invalid(fieldError('period', 'duplicate_cycle', { period: period.label }));

      const slots = slotsFor(id, units);
      await insertSlots(tx, slots);
      // Each unit with an organisation hears of the period once, however many of its tasks are in it.
      const toNotify = new Set(slots.flatMap((s) => (s.organisationId ? [s.organisationId] : [])));
      await notify(
        work,
        [...toNotify].map((organisationId) => ({
          organisationId,
          kind: 'period_opened' as const,
          cycleId: id,
          params: {
            periodLabel: period.label,
            periodLabelEn: periodLabelEn(input.frequency, input.year, input.period),
            pairingName: pairing.name,
            dueOn,
          },
        })),
      );
      await insertCycleEvent(tx, {
        cycleId: id,
        action: 'created',
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.username,
      });
      return { id, slots };
    });
    audit({
      action: 'cycle.create',
      result: 'success',
      objectType: 'reporting_cycle',
      objectId: id,
      details: {
        pairingId: pairing.id,
        frequency: input.frequency,
        periodLabel: period.label,
        dueOn,
        slots: slots.length,
      },
    });
    return id;
  });
}

/** One slot per task and unit; an organisation listed twice on a task (lead and co) reports once, as lead. */
function slotsFor(cycleId: string, units: Awaited<ReturnType<typeof unitsOwingProgress>>): SlotInsert[] {
  const slots = new Map<string, SlotInsert>();
  for (const u of units) {
    const key = `${u.taskId}|${unitKey(u)}`;
    if (slots.has(key) && !(u.role === 'lead' && slots.get(key)!.role === 'co')) continue;
    slots.set(key, {
      cycleId,
      taskId: u.taskId,
      organisationId: u.organisationId,
      unitName: u.name,
      unitKey: unitKey(u),
      side: u.side,
      role: u.role,
    });
  }
  return [...slots.values()];
}

/**
 * A unit assigned to one of the pairing's tasks after the period opened has no slot in it: the office adds the
 * missing slots (slots already there are left as they are). A locked period refuses; the office unlocks it first.
 * Returns how many were added.
 */
export async function addMissingSlots(ctx: AuthedContext, id: string): Promise<number> {
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const cycle = await findCycle(tx, ctx.actor, id, { forUpdate: true });
    if (!cycle) throw notFound();
    assertCycleOpen(cycle);
    const added = await insertSlots(tx, slotsFor(id, await unitsOwingProgress(work, cycle.pairingId)));
    const actor = { actorUserId: ctx.actor.userId, actorName: ctx.actor.username };
    await insertReportEvents(
      tx,
      added.map((slot) => ({ slotId: slot.id, action: 'opened' as const, ...actor })),
    );
    if (added.length) await insertCycleEvent(tx, { cycleId: id, action: 'slots_added', ...actor });
    audit({
      action: 'cycle.add_slots',
      result: 'success',
      objectType: 'reporting_cycle',
      objectId: id,
      details: { periodLabel: cycle.periodLabel, added: added.length, slotIds: added.map((s) => s.id) },
    });
    return added.length;
  });
}

/**
 * The office approves the period as a whole: every submitted report is approved, tasks take the progress
 * reported, and the period locks. Slots never submitted stop the approval unless the office closes them as
 * not reported; they stay on record as such.
 */
export async function approveCycle(ctx: AuthedContext, id: string, input: ApproveCycleInput) {
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const cycle = await findCycle(tx, ctx.actor, id, { forUpdate: true });
    if (!cycle) throw notFound();
    assertCycleOpen(cycle);
    assertVersion(cycle.version, input.version);
    const unreported = await slotsOfCycle(tx, ctx.actor, id, UNREPORTED_STATES);
    if (unreported.length && !input.closeUnreported) {
      const count = unreported.length;
      throw new AppError(
        409,
        'cycle_has_unreported',
        [fieldError('closeUnreported', 'cycle_has_unreported', { count })],
        { count },
      );
    }
    const now = new Date();
    const comment = input.comment ?? null;
    const submitted = await approveSubmittedSlots(tx, ctx.actor, id, {
      reviewedAt: now,
      reviewedBy: ctx.actor.userId,
      reviewComment: comment,
    });
    await insertReportEvents(
      tx,
      submitted.map((s) => ({
        slotId: s.id,
        action: 'approved' as const,
        comment,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.username,
      })),
    );
    const taskChanges = await applyApprovedProgress(work, ctx.actor, cycle, [
      ...new Set(submitted.map((s) => s.taskId)),
    ]);
    if (!(await updateCycleRow(tx, id, cycle.version, { status: 'locked', lockedAt: now }))) throw conflict();
    await insertCycleEvent(tx, {
      cycleId: id,
      action: 'approved',
      reason: comment,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.username,
    });
    audit({
      action: 'cycle.approve',
      result: 'success',
      objectType: 'reporting_cycle',
      objectId: id,
      details: {
        periodLabel: cycle.periodLabel,
        approved: submitted.length,
        notReported: unreported.map((s) => s.id),
        taskChanges,
      },
    });
  });
}

/** Unlocking reopens a locked period for corrections; only the office does it, and it says why. */
export async function unlockCycle(ctx: AuthedContext, id: string, input: UnlockCycleInput) {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const cycle = await findCycle(tx, ctx.actor, id, { forUpdate: true });
    if (!cycle) throw notFound();
    if (cycle.status !== 'locked')
      throw new AppError(
        409,
        'cycle_not_locked',
        [fieldError('status', 'cycle_not_locked', { period: cycle.periodLabel })],
        { period: cycle.periodLabel },
      );
    assertVersion(cycle.version, input.version);
    if (!(await updateCycleRow(tx, id, cycle.version, { status: 'open', lockedAt: null }))) throw conflict();
    await insertCycleEvent(tx, {
      cycleId: id,
      action: 'unlocked',
      reason: input.reason,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.username,
    });
    audit({
      action: 'cycle.unlock',
      result: 'success',
      objectType: 'reporting_cycle',
      objectId: id,
      details: { periodLabel: cycle.periodLabel, reason: input.reason },
    });
  });
}
