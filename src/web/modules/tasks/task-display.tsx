import type { CSSProperties, ReactNode } from 'react';
import { Tag, Tooltip } from 'antd';
import { TASK_LIGHTS, type TaskLight, type TaskStatus } from '../../../common/api/enums.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';
import { useI18n, type I18n } from '../../app/i18n.tsx';

/** The colours of the traffic lights, as officials read them: on track, due soon, overdue, suspended. */
export const LIGHT_COLOURS: Record<TaskLight, string> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#f5222d',
  grey: '#bfbfbf',
};

const STATUS_COLOURS: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  delayed: 'error',
  suspended: 'warning',
};

/** A round light; its meaning shows on hover and is read by screen readers. */
export function LightDot({ light, size = 12, style }: { light: TaskLight; size?: number; style?: CSSProperties }) {
  const { t } = useI18n();
  const label = t(`domain.taskLights.${light}`);
  return (
    <Tooltip title={label}>
      <span
        role="img"
        aria-label={label}
        data-light={light}
        className="duikou-light"
        style={{ width: size, height: size, background: LIGHT_COLOURS[light], ...style }}
      />
    </Tooltip>
  );
}

/**
 * What each colour means, with counts; when `onToggle` is given each entry filters by its colour (the active one
 * stays highlighted).
 */
export function LightLegend({
  counts,
  active,
  onToggle,
}: {
  counts?: Partial<Record<TaskLight, number>>;
  active?: TaskLight;
  onToggle?: (light: TaskLight | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="duikou-light-legend" data-testid="light-legend">
      {TASK_LIGHTS.map((light) => {
        const content: ReactNode = (
          <>
            <span className="duikou-light" style={{ width: 10, height: 10, background: LIGHT_COLOURS[light] }} />
            <span>{t(`domain.taskLights.${light}`)}</span>
            {counts && <span className="duikou-light-count">{counts[light] ?? 0}</span>}
          </>
        );
        if (!onToggle) {
          return (
            <span key={light} className="duikou-light-legend-item" title={t(`ui.tasks.lightHelp.${light}`)}>
              {content}
            </span>
          );
        }
        return (
          <button
            key={light}
            type="button"
            className={`duikou-light-legend-item duikou-light-legend-button${active === light ? ' is-active' : ''}`}
            title={t(`ui.tasks.lightHelp.${light}`)}
            aria-pressed={active === light}
            data-testid={`legend-${light}`}
            onClick={() => onToggle(active === light ? undefined : light)}
          >
            {content}
          </button>
        );
      })}
    </div>
  );
}

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`domain.taskStatuses.${status}`)}
    </Tag>
  );
}

interface TargetLike {
  min: string | number | null;
  max: string | number | null;
  unit: string;
  perYear: boolean;
  comparison: 'atLeast' | 'atMost' | 'range' | 'exactly';
}

/** A target as officials write it: ≥1000 人/年, 10—20 户, ≤5 次. */
export function formatTarget(target: TargetLike, t: I18n['t']): string {
  const { min, max } = target;
  const figure =
    target.comparison === 'atLeast'
      ? `≥${min ?? '?'}`
      : target.comparison === 'atMost'
        ? `≤${max ?? '?'}`
        : target.comparison === 'range'
          ? `${min ?? '?'}—${max ?? '?'}`
          : `${min ?? '?'}`;
  return `${figure} ${target.unit}${target.perYear ? t('ui.tasks.perYearSuffix') : ''}`;
}

type Unit = TaskSummary['units'][number];

/** The units of a task in one role, both sides, joined the Chinese way. */
export function unitNames(units: Unit[], role: Unit['role'], t: I18n['t']): string {
  return units
    .filter((u) => u.role === role)
    .map((u) => u.name)
    .join(t('ui.common.listSeparator'));
}

/** A deadline, red once it has passed for a task that is not done. */
export function DeadlineText({ deadline, light }: { deadline: string | null; light?: TaskLight }) {
  if (!deadline) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>—</span>;
  return (
    <span
      style={{
        color: light === 'red' ? LIGHT_COLOURS.red : light === 'yellow' ? '#d48806' : undefined,
        whiteSpace: 'nowrap',
      }}
    >
      {deadline}
    </span>
  );
}

const FIELD_KEYS = [
  'status',
  'deadline',
  'warningDays',
  'progressNote',
  'targets',
  'units',
  'milestones',
  'title',
  'text',
] as const;

/** The task fields an edit changed (the keys of its history entry), named in the user's language. */
export function taskFieldNames(keys: readonly string[], t: I18n['t']): string[] {
  return keys
    .filter((k): k is (typeof FIELD_KEYS)[number] => (FIELD_KEYS as readonly string[]).includes(k))
    .map((k) => t(`ui.tasks.fields.${k}`));
}
