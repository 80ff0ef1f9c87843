import { Progress, Space, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { I18n } from '../../app/i18n.tsx';
import { useI18n } from '../../app/i18n.tsx';
import type { CycleStatus, ReportFrequency, SlotState } from '../../../common/api/enums.ts';
import type { CycleSummary } from '../../../common/api/reporting.ts';

const STATE_COLOURS: Record<SlotState, string> = {
  pending: 'default',
  draft: 'gold',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
};

/** A report's state as a coloured tag; `data-state` carries the value for tests and styles. */
export function SlotStateTag({ state }: { state: SlotState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="slot-state" data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`ui.reporting.slotStates.${state}`)}
    </Tag>
  );
}

export function CycleStatusTag({ status }: { status: CycleStatus }) {
  const { t } = useI18n();
  return (
    <Tag
      color={status === 'locked' ? 'purple' : 'blue'}
      icon={status === 'locked' ? <LockOutlined /> : undefined}
      data-testid="cycle-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`ui.reporting.cycleStatuses.${status}`)}
    </Tag>
  );
}

/** The n-th period of a year at a frequency, as a select option names it: 3月, 第四季度, 下半年, 全年. */
export function periodName(frequency: ReportFrequency, n: number, t: I18n['t']): string {
  if (frequency === 'monthly') return t('ui.reporting.periodNames.month', { n });
  if (frequency === 'quarterly') return t(`ui.reporting.periodNames.quarter${n as 1 | 2 | 3 | 4}`);
  if (frequency === 'half_yearly') return t(`ui.reporting.periodNames.half${n as 1 | 2}`);
  return t('ui.reporting.periodNames.year');
}

/** A cycle's label in the user's language (the Chinese one is stored as officials write it). */
export function cycleLabel(cycle: { periodLabel: string; periodLabelEn: string }, locale: string): string {
  return locale === 'en' ? cycle.periodLabelEn : cycle.periodLabel;
}

/** A due date with how it stands (when `daysLeft` is given): days left, due today, or days overdue in red. */
export function DueText({ dueOn, daysLeft }: { dueOn: string; daysLeft: number | null }) {
  const { t } = useI18n();
  const late = daysLeft !== null && daysLeft < 0;
  const status =
    daysLeft === null ? null : late ? (
      <Tag color="error" data-testid="overdue" style={{ marginInlineEnd: 0 }}>
        {t('ui.reporting.daysOverdue', { days: -daysLeft })}
      </Tag>
    ) : daysLeft === 0 ? (
      <Tag color="warning" style={{ marginInlineEnd: 0 }}>
        {t('ui.reporting.dueToday')}
      </Tag>
    ) : (
      <Typography.Text type="secondary">{t('ui.reporting.daysLeft', { days: daysLeft })}</Typography.Text>
    );
  return (
    <span
      style={{ whiteSpace: 'nowrap', display: 'inline-flex', gap: 6, alignItems: 'center' }}
      data-testid="due"
      data-late={late}
    >
      <span style={{ color: late ? '#f5222d' : undefined }}>{dueOn}</span>
      {status}
    </span>
  );
}

/** The percentage a report gives, or a dash. */
export const percentText = (percent: number | null) => (percent === null ? '—' : `${percent}%`);

const reported = (c: CycleSummary) => c.counts.submitted + c.counts.approved;

/** How far a period's reports have come: reported of due, and how many are still owed. */
export function CycleProgress({ cycle }: { cycle: CycleSummary }) {
  const { t } = useI18n();
  const { total } = cycle.counts;
  const owed = total - reported(cycle);
  return (
    <Space size={8} data-testid="cycle-progress" data-owed={owed}>
      <Progress
        percent={total ? Math.round((reported(cycle) / total) * 100) : 0}
        size="small"
        showInfo={false}
        style={{ width: 80, margin: 0 }}
        strokeColor={owed && cycle.daysOverdue > 0 ? '#f5222d' : undefined}
      />
      <span style={{ whiteSpace: 'nowrap' }}>
        {t('ui.reporting.progressText', { reported: reported(cycle), total })}
      </span>
      {owed > 0 && cycle.status === 'open' && (
        <Tag color={cycle.daysOverdue > 0 ? 'error' : 'warning'}>
          {t('ui.reporting.notReportedShort', { count: owed })}
        </Tag>
      )}
    </Space>
  );
}
