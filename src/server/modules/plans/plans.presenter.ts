import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import type { PlanDetail, PlanSectionNode, PlanSummary, PlanDiff } from '../../../common/api/plans.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';
import { presentTaskSummary } from '../tasks/tasks.presenter.ts';
import { tasksOfPlan } from '../tasks/tasks.repository.ts';
import { sectionsOf, versionsOf, type PlanRow } from './plans.repository.ts';

type SummaryRow = Pick<
  PlanRow,
  | 'id'
  | 'programmeId'
  | 'pairingId'
  | 'pairingName'
  | 'kind'
  | 'title'
  | 'docNo'
  | 'year'
  | 'parentPlanId'
  | 'versionNo'
  | 'current'
  | 'createdAt'
  | 'taskCount'
  | 'green'
  | 'yellow'
  | 'red'
  | 'grey'
>;

export function presentPlanSummary(r: SummaryRow): PlanSummary {
  return {
    id: r.id,
    programmeId: r.programmeId,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    kind: r.kind,
    title: r.title,
    docNo: r.docNo,
    year: r.year,
    parentPlanId: r.parentPlanId,
    versionNo: r.versionNo,
    current: r.current,
    taskCount: Number(r.taskCount),
    lights: { green: Number(r.green), yellow: Number(r.yellow), red: Number(r.red), grey: Number(r.grey) },
    createdAt: r.createdAt.toISOString(),
  };
}

/** The plan's section tree with its visible tasks in place; items outside any section (annual plans) listed apart. */
export async function presentPlanDetail(db: DbOrTx, actor: Actor, row: PlanRow, today: string): Promise<PlanDetail> {
  const [sections, taskRows, versions] = await Promise.all([
    sectionsOf(db, row.id),
    tasksOfPlan(db, actor, row.id, today),
    versionsOf(db, row.lineageKey),
  ]);
  const tasks = taskRows.map(presentTaskSummary);
  const tasksBySection = new Map<string | null, TaskSummary[]>();
  for (const t of tasks) tasksBySection.set(t.sectionId, [...(tasksBySection.get(t.sectionId) ?? []), t]);
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
    ...presentPlanSummary(row),
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
