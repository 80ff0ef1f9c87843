import type {
  CycleDetail,
  CycleSummary,
  InboxResponse,
  NotReportedResponse,
  ReportDetail,
  ReportSummary,
} from '../../../common/api/reporting.ts';
import { SLOT_STATES } from '../../../common/api/reporting.ts';
import { decimalString } from '../../kernel/decimal.ts';
import type { CycleDetailRows, CycleRow, CycleWithCounts } from './cycles.repository.ts';
import type { ReportDetailRows, SlotRow } from './reports.repository.ts';
import { daysOverdue, periodLabelEn } from './cycle-period.ts';
import { isEditable, unitKey, type TargetForFigure } from './report-rules.ts';
import { presentAttachment } from '../../kernel/attachments/attachments.presenter.ts';
import { chinaToday, dateString, daysBetween } from '../../kernel/dates.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCycle(r: CycleWithCounts, today: string): CycleSummary {
  const counts = Object.fromEntries(['total', ...SLOT_STATES].map((k) => [k, 0])) as CycleSummary['counts'];
  for (const c of r.slotCounts) {
    counts[c.state] = c.n;
    counts.total += c.n;
  }
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    frequency: r.frequency,
    year: r.year,
    period: r.period,
    periodLabel: r.periodLabel,
    periodLabelEn: periodLabelEn(r.frequency, r.year, r.period),
    periodStart: dateString(r.periodStart)!,
    periodEnd: dateString(r.periodEnd)!,
    dueOn: dateString(r.dueOn)!,
    reminderDays: r.reminderDays,
    status: r.status,
    lockedAt: iso(r.lockedAt),
    counts,
    daysOverdue: r.status === 'locked' ? 0 : daysOverdue(dateString(r.dueOn)!, today),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentCycleDetail({
  cycle,
  events,
  unassigned,
  today,
}: CycleDetailRows & { unassigned: CycleDetail['unassignedTasks']; today: string }): CycleDetail {
  return {
    ...presentCycle(cycle, today),
    unassignedTasks: unassigned,
    history: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      reason: e.reason,
      actorName: e.actorName,
    })),
  };
}

export function presentReportSummary(r: SlotRow): ReportSummary {
  return {
    id: r.id,
    cycleId: r.cycleId,
    pairingId: r.pairingId,
    periodLabel: r.periodLabel,
    periodLabelEn: periodLabelEn(r.frequency, r.year, r.period),
    cycleStatus: r.cycleStatus,
    dueOn: dateString(r.dueOn)!,
    taskId: r.taskId,
    taskCode: r.taskCode,
    taskTitle: r.taskTitle,
    organisationId: r.organisationId,
    unitName: r.unitName,
    side: r.side,
    role: r.role,
    state: r.state,
    taskStatus: r.taskStatus,
    percent: r.percent,
    submittedAt: iso(r.submittedAt),
    reviewedAt: iso(r.reviewedAt),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A report with its figures, files and history, and the task's targets a figure may be reported against. */
export function presentReportDetail({
  slot: r,
  figures,
  attachments,
  events,
  targets,
}: Omit<ReportDetailRows, 'targets'> & { targets: TargetForFigure[] }): ReportDetail {
  return {
    ...presentReportSummary(r),
    narrative: r.narrative,
    figures: figures.map((f) => ({
      id: f.id,
      targetId: f.targetId,
      targetText: f.targetText,
      unit: f.unit,
      value: decimalString(f.value)!,
      note: f.note,
    })),
    targets,
    attachments: attachments.map(presentAttachment),
    reviewComment: r.reviewComment,
    editable: r.cycleStatus === 'open' && isEditable(r.state),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      comment: e.comment,
      actorName: e.actorName,
    })),
  };
}

/** The slots not yet submitted, grouped by unit (units in the order the plan's sides list them). */
export function presentNotReported({
  cycle,
  slots,
  today,
}: {
  cycle: CycleRow;
  slots: SlotRow[];
  today: string;
}): NotReportedResponse {
  // A locked period stopped counting the day it locked.
  const asOf = cycle.status === 'locked' && cycle.lockedAt ? chinaToday(cycle.lockedAt) : today;
  const late = daysOverdue(dateString(cycle.dueOn)!, asOf);
  const units = new Map<string, NotReportedResponse['units'][number]>();
  for (const s of slots) {
    const key = unitKey({ organisationId: s.organisationId, name: s.unitName });
    const unit = units.get(key) ?? {
      organisationId: s.organisationId,
      unitName: s.unitName,
      side: s.side,
      daysOverdue: late,
      slots: [],
    };
    unit.slots.push({
      slotId: s.id,
      taskId: s.taskId,
      taskCode: s.taskCode,
      taskTitle: s.taskTitle,
      role: s.role,
      state: s.state,
    });
    units.set(key, unit);
  }
  return {
    cycleId: cycle.id,
    periodLabel: cycle.periodLabel,
    periodLabelEn: periodLabelEn(cycle.frequency, cycle.year, cycle.period),
    dueOn: dateString(cycle.dueOn)!,
    daysOverdue: late,
    total: slots.length,
    units: [...units.values()],
  };
}

export function presentInbox({ slots, today }: { slots: SlotRow[]; today: string }): InboxResponse {
  const items = slots.map((s) => ({
    slotId: s.id,
    cycleId: s.cycleId,
    periodLabel: s.periodLabel,
    periodLabelEn: periodLabelEn(s.frequency, s.year, s.period),
    dueOn: dateString(s.dueOn)!,
    daysLeft: daysBetween(today, dateString(s.dueOn)!),
    state: s.state,
    taskId: s.taskId,
    taskCode: s.taskCode,
    taskTitle: s.taskTitle,
    unitName: s.unitName,
    reviewComment: s.state === 'returned' ? s.reviewComment : null,
  }));
  return { items, overdue: items.filter((i) => i.daysLeft < 0).length };
}
