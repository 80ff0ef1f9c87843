import { dateString } from '../../kernel/dates.ts';
import { decimalString } from '../../kernel/decimal.ts';
import type { TaskDetail, TaskSummary } from '../../../common/api/tasks.ts';
import type { TaskDetailRows, TaskSummaryRow, WithUnits } from './tasks.repository.ts';

export function presentTaskSummary(r: WithUnits<TaskSummaryRow>): TaskSummary {
  return {
    id: r.id,
    planId: r.planId,
    planTitle: r.planTitle,
    planKind: r.planKind,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    sectionId: r.sectionId,
    sectionTitle: r.sectionTitle,
    code: r.code,
    no: r.no,
    title: r.title,
    status: r.status as TaskSummary['status'],
    light: r.light as TaskSummary['light'],
    deadline: dateString(r.deadline),
    warningDays: r.warningDays,
    units: r.units.map((u) => ({
      id: u.id,
      organisationId: u.organisationId,
      name: u.name,
      side: u.side,
      role: u.role,
    })),
    targetCount: Number(r.targetCount),
    tracedTaskId: r.tracedTaskId,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentTaskDetail({
  row,
  targets,
  milestones,
  history,
  tracedTask,
  servedBy,
  source,
}: TaskDetailRows): TaskDetail {
  return {
    ...presentTaskSummary(row),
    text: row.text,
    sourceLine: row.sourceLine,
    sourceEndLine: row.sourceEndLine,
    source: source ?? null,
    progressNote: row.progressNote,
    targets: targets.map((t) => ({
      id: t.id,
      min: decimalString(t.min),
      max: decimalString(t.max),
      unit: t.unit,
      perYear: t.perYear,
      comparison: t.comparison,
      source: t.source,
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: dateString(m.dueOn),
      doneOn: dateString(m.doneOn),
    })),
    tracedTask: tracedTask ?? null,
    servedBy,
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorName: h.actorName,
      action: h.action,
      changes: h.changes ?? null,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}
