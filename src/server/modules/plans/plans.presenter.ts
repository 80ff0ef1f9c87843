import type { PlanDetail, PlanSectionNode, PlanSource, PlanSummary, PlanDiff } from '../../../common/api/plans.ts';
import { TASK_LIGHTS, type TaskLight, type TaskSummary } from '../../../common/api/tasks.ts';
import type { PlanTaskCounts } from '../tasks/plan-tasks.service.ts';
import type { PlanDetailRows, PlanSummaryRow } from './plans.repository.ts';

const noLights = (): Record<TaskLight, number> =>
  Object.fromEntries(TASK_LIGHTS.map((l) => [l, 0])) as Record<TaskLight, number>;

export function presentPlanSummary(row: PlanSummaryRow, counts: PlanTaskCounts | undefined): PlanSummary {
  return {
    id: row.id,
    programmeId: row.programmeId,
    pairingId: row.pairingId,
    pairingName: row.pairingName,
    kind: row.kind,
    title: row.title,
    docNo: row.docNo,
    year: row.year,
    parentPlanId: row.parentPlanId,
    versionNo: row.versionNo,
    current: row.current,
    taskCount: counts?.taskCount ?? 0,
    lights: counts?.lights ?? noLights(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The counts of the plan's visible tasks, from the tasks themselves. */
function countsOf(tasks: TaskSummary[]): PlanTaskCounts {
  const lights = noLights();
  for (const t of tasks) lights[t.light] += 1;
  return { taskCount: tasks.length, lights };
}

/** The plan's section tree with its visible tasks in place; items outside any section (annual plans) listed apart. */
export function presentPlanDetail({
  row,
  sections,
  versions,
  tasks,
}: PlanDetailRows & { tasks: TaskSummary[] }): PlanDetail {
  const tasksBySection = new Map<string | null, TaskSummary[]>();
  for (const t of tasks) {
    const list = tasksBySection.get(t.sectionId);
    // Pushed, not copied: an annual plan's tasks all sit outside sections, thousands in one list.
    if (list) list.push(t);
    else tasksBySection.set(t.sectionId, [t]);
  }
  const nodes = new Map<string, PlanSectionNode>();
  const roots: PlanSectionNode[] = [];
  for (const s of sections.filter((x) => x.kind === 'section')) {
    const node: PlanSectionNode = {
      id: s.id,
      no: s.no,
      title: s.title,
      level: s.level,
      line: s.line,
      tasks: tasksBySection.get(s.id) ?? [],
      children: [],
    };
    nodes.set(s.id, node);
    (s.parentId ? nodes.get(s.parentId)?.children : roots)?.push(node);
  }
  return {
    ...presentPlanSummary(row, countsOf(tasks)),
    supersedesId: row.supersedesId,
    changes: (row.changes as PlanDiff | null) ?? null,
    source: row.sourceDocumentId
      ? {
          documentId: row.sourceDocumentId,
          title: row.sourceTitle ?? '',
          fileName: row.sourceFileName ?? '',
          lineCount: Number(row.sourceLineCount ?? 0),
        }
      : null,
    sections: roots,
    tasks: tasksBySection.get(null) ?? [],
    measures: sections
      .filter((x) => x.kind === 'measure')
      .map((m) => ({ id: m.id, no: m.no, title: m.title, text: m.text, line: m.line })),
    versions: versions.map((v) => ({
      id: v.id,
      versionNo: v.versionNo,
      current: v.current,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

export function presentPlanSource(doc: { title: string; fileName: string; sha256: string; body: string }): PlanSource {
  return {
    title: doc.title,
    fileName: doc.fileName,
    sha256: doc.sha256,
    lines: doc.body.split('\n').map((text, i) => ({ line: i + 1, text })),
  };
}
