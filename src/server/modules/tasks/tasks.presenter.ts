import { dateString } from '../../kernel/dates.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import type { TaskDetail, TaskSummary } from '../../../common/api/tasks.ts';
import { sourceDocuments } from '../programmes/programmes.tables.ts';
import { eq } from 'drizzle-orm';
import {
  unitsOf,
  targetsOf,
  milestonesOf,
  historyOf,
  taskRefs,
  tracedBy,
  byId,
  type TaskSummaryRow,
  type findTask,
} from './tasks.repository.ts';

/** Numeric columns come back as strings; trailing zeros of the scale (1000.0000) are not part of the figure. */
export function decimalString(v: string | null): string | null {
  if (v === null) return null;
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}

/** Summaries with their units, in one more query whatever the page size. */
export async function presentTaskSummaries(db: DbOrTx, rows: TaskSummaryRow[]): Promise<TaskSummary[]> {
  const units = await unitsOf(
    db,
    rows.map((r) => r.id),
  );
  const byTask = new Map<string, TaskSummary['units']>();
  for (const u of units) {
    const list = byTask.get(u.taskId) ?? [];
    list.push({ id: u.id, organisationId: u.organisationId, name: u.name, side: u.side, role: u.role });
    byTask.set(u.taskId, list);
  }
  return rows.map((r) => ({
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
    units: byTask.get(r.id) ?? [],
    targetCount: Number(r.targetCount),
    tracedTaskId: r.tracedTaskId,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export function targetText(t: {
  min: string | null;
  max: string | null;
  unit: string;
  perYear: boolean;
  comparison: string;
}): string {
  const [min, max] = [decimalString(t.min), decimalString(t.max)];
  const figure =
    { atLeast: `≥${min}`, atMost: `≤${max}`, range: `${min}—${max}`, exactly: `${min}` }[t.comparison] ??
    `${min ?? ''}`;
  return `${figure} ${t.unit}${t.perYear ? '/年' : ''}`;
}

export async function presentTaskDetail(
  db: DbOrTx,
  actor: Actor,
  row: NonNullable<Awaited<ReturnType<typeof findTask>>>,
): Promise<TaskDetail> {
  const [[summary], targets, milestones, history, traced, servedBy, source] = await Promise.all([
    presentTaskSummaries(db, [row]),
    targetsOf(db, [row.id]),
    milestonesOf(db, [row.id]),
    historyOf(db, row.id),
    row.tracedTaskId ? taskRefs(db, actor, byId(row.tracedTaskId)) : Promise.resolve([]),
    taskRefs(db, actor, tracedBy(row.id)),
    row.sourceDocumentId
      ? db
          .select({ documentId: sourceDocuments.id, title: sourceDocuments.title, fileName: sourceDocuments.fileName })
          .from(sourceDocuments)
          .where(eq(sourceDocuments.id, row.sourceDocumentId))
      : Promise.resolve([]),
  ]);
  return {
    ...summary!,
    text: row.text,
    sourceLine: row.sourceLine,
    sourceEndLine: row.sourceEndLine,
    source: source[0] ?? null,
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
    tracedTask: traced[0] ?? null,
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
