import type { ReactNode } from 'react';
import { Typography } from 'antd';
import type { PlanSectionNode } from '../../../common/api/plans.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { DeadlineText, LightDot, TaskStatusTag, unitNames } from '../tasks/task-display.tsx';

export type TaskFilter = (task: TaskSummary) => boolean;

/** A section's number as the document writes it: 一、 after a Chinese numeral, （一） and 1. as they stand. */
export function sectionNo(no: string): string {
  return /^[一二三四五六七八九十百]+$/.test(no) ? `${no}、` : no;
}

/** How many tasks of a section (with its subsections) pass the filter. */
export function countTasks(section: PlanSectionNode, keep: TaskFilter): number {
  return section.tasks.filter(keep).length + section.children.reduce((n, c) => n + countTasks(c, keep), 0);
}

function TaskRow({
  task,
  selected,
  onSelect,
}: {
  task: TaskSummary;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const lead = unitNames(task.units, 'lead', t);
  return (
    <button
      type="button"
      className={`duikou-tree-task${selected ? ' is-selected' : ''}`}
      onClick={() => onSelect(task.id)}
      data-testid="tree-task"
      data-id={task.id}
      data-code={task.code}
      data-light={task.light}
      aria-pressed={selected}
    >
      <LightDot light={task.light} />
      <span className="duikou-tree-task-code">{task.code}</span>
      <span className="duikou-tree-task-main">
        <span className="duikou-tree-task-title">{task.title}</span>
        <span className="duikou-tree-task-meta">
          {lead ? t('ui.tasks.leadShort', { units: lead }) : t('ui.tasks.unassigned')}
          {task.targetCount > 0 && ` · ${t('ui.tasks.targetCount', { count: task.targetCount })}`}
        </span>
      </span>
      <span className="duikou-tree-task-side">
        <TaskStatusTag status={task.status} />
        <DeadlineText deadline={task.deadline} light={task.light} />
      </span>
    </button>
  );
}

function SectionBlock({
  section,
  keep,
  selectedId,
  onSelect,
  depth,
}: {
  section: PlanSectionNode;
  keep: TaskFilter;
  selectedId?: string;
  onSelect: (id: string) => void;
  depth: number;
}) {
  const { t } = useI18n();
  const count = countTasks(section, keep);
  if (count === 0) return null;
  return (
    <div
      className="duikou-tree-section"
      data-testid="tree-section"
      data-level={depth}
      style={{ marginInlineStart: depth > 1 ? 12 : 0 }}
    >
      <div className={`duikou-tree-section-head level-${Math.min(depth, 3)}`}>
        <span>
          {section.no && <span className="duikou-tree-section-no">{sectionNo(section.no)}</span>}
          {section.title}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
          {t('ui.plans.sectionCount', { count })}
        </Typography.Text>
      </div>
      {section.tasks.filter(keep).map((task) => (
        <TaskRow key={task.id} task={task} selected={task.id === selectedId} onSelect={onSelect} />
      ))}
      {section.children.map((child) => (
        <SectionBlock
          key={child.id}
          section={child}
          keep={keep}
          selectedId={selectedId}
          onSelect={onSelect}
          depth={depth + 1}
        />
      ))}
    </div>
  );
}

/** A plan's sections with their tasks and lights; sections without a task that passes the filter are left out. */
export function TaskTree({
  sections,
  looseTasks,
  keep,
  selectedId,
  onSelect,
  empty,
}: {
  sections: PlanSectionNode[];
  /** Tasks outside any section (the items of an annual plan). */
  looseTasks: TaskSummary[];
  keep: TaskFilter;
  selectedId?: string;
  onSelect: (id: string) => void;
  empty: ReactNode;
}) {
  const loose = looseTasks.filter(keep);
  const total = loose.length + sections.reduce((n, s) => n + countTasks(s, keep), 0);
  if (total === 0) return <>{empty}</>;
  return (
    <div className="duikou-tree" data-testid="task-tree">
      {loose.map((task) => (
        <TaskRow key={task.id} task={task} selected={task.id === selectedId} onSelect={onSelect} />
      ))}
      {sections.map((section) => (
        <SectionBlock
          key={section.id}
          section={section}
          keep={keep}
          selectedId={selectedId}
          onSelect={onSelect}
          depth={1}
        />
      ))}
    </div>
  );
}
