import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  Breadcrumb,
  Card,
  Descriptions,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { reportingUi } from '../../../common/i18n/zh-CN/ui-reporting.ts';
import { TaskStatusTag } from '../tasks/task-display.tsx';
import { SLOT_STATES } from '../../../common/api/enums.ts';
import type {
  AddSlotsResponse,
  CycleDetail,
  NotReportedResponse,
  ReportSummary,
} from '../../../common/api/reporting.ts';
import { FileExcelOutlined } from '@ant-design/icons';
import { reportingApi } from './reporting.api.ts';
import { CycleStatusTag, DueText, SlotStateTag, cycleLabel, percentText } from './reporting-display.tsx';
import { CycleActions } from './CycleActions.tsx';
import { DownloadButton } from '../../shared/DownloadButton.tsx';
import { PrintButton } from '../../shared/PrintButton.tsx';
import { RecordTimeline } from './RecordTimeline.tsx';
import { ReviewActions } from './ReviewActions.tsx';

/** Who has not reported, at a glance: the count, then each unit with its side, days overdue and the tasks it owes. */
function NotReportedCard({ data }: { data: NotReportedResponse | undefined }) {
  const { t } = useI18n();
  if (!data)
    return (
      <Card title={t('ui.reporting.notReportedTitle')}>
        <Skeleton active />
      </Card>
    );
  return (
    <Card
      title={t('ui.reporting.notReportedTitle')}
      data-testid="not-reported"
      data-total={data.total}
      extra={
        data.total > 0 ? (
          <Typography.Text type={data.daysOverdue > 0 ? 'danger' : 'warning'} data-testid="not-reported-summary">
            {t('ui.reporting.notReportedSummary', { count: data.total, units: data.units.length })}
          </Typography.Text>
        ) : null
      }
    >
      {data.total === 0 ? (
        <Typography.Text type="success" data-testid="all-reported">
          {t('ui.reporting.allReported')}
        </Typography.Text>
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 12 }}>
          {data.units.map((u) => (
            <div
              key={u.organisationId ?? u.unitName}
              style={{ padding: '8px 12px', background: '#fff7f6', border: '1px solid #ffd8d2', borderRadius: 6 }}
              data-testid="not-reported-unit"
              data-unit={u.unitName}
            >
              <Space size={6} wrap>
                <Typography.Text strong>{u.unitName}</Typography.Text>
                <Tag style={{ marginInlineEnd: 0 }}>{t(`domain.sides.${u.side}`)}</Tag>
                {u.daysOverdue > 0 && (
                  <Tag color="error" style={{ marginInlineEnd: 0 }}>
                    {t('ui.reporting.notReportedOverdue', { days: u.daysOverdue })}
                  </Tag>
                )}
              </Space>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {u.slots.map((s) => (
                  <li key={s.slotId}>
                    <Link to={`/reporting/reports/${s.slotId}`}>{`${s.taskCode} ${s.taskTitle}`}</Link>{' '}
                    <Typography.Text type="secondary">{t(`domain.unitRoles.${s.role}`)}</Typography.Text>{' '}
                    <SlotStateTag state={s.state} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

/** The counts of a period's reports by state, as a row of tags. */
function StateCounts({ cycle }: { cycle: CycleDetail }) {
  const { t } = useI18n();
  return (
    <Space size={[8, 4]} wrap data-testid="cycle-counts">
      <span>{`${t('ui.reporting.countTotal')} ${cycle.counts.total}`}</span>
      {SLOT_STATES.map((s) => (
        <span key={s} data-testid={`count-${s}`} data-count={cycle.counts[s]}>
          <SlotStateTag state={s} /> {cycle.counts[s]}
        </span>
      ))}
    </Space>
  );
}

/** One reporting period: its figures, who has not reported, every unit's report, the office's actions and the record. */
export function CyclePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [tick, setTick] = useState(0);
  const cycleState = useApi((signal) => reportingApi.cycle(id, signal), [id, tick]);
  const notReported = useApi((signal) => reportingApi.notReported(id, signal), [id, tick]);
  const slots = useApi((signal) => reportingApi.reports({ cycleId: id, pageSize: 500 }, signal), [id, tick]);
  /** How many slots the office's last "add missing slots" added, shown until the notice is closed. */
  const [slotsAdded, setSlotsAdded] = useState<{ cycleId: string; added: number } | null>(null);
  const cycle = cycleState.data;
  const setLocal = cycleState.setData;
  usePageTitle('ui.reporting.cyclesTitle', cycle ? cycleLabel(cycle, locale) : undefined);
  const refresh = () => setTick((n) => n + 1);

  if (cycleState.error) return <ErrorResult error={cycleState.error} onRetry={cycleState.reload} />;
  if (!cycle) return <Skeleton active paragraph={{ rows: 12 }} />;
  const period = cycleLabel(cycle, locale);

  const columns: TableColumnsType<ReportSummary> = [
    {
      title: t('ui.reporting.task'),
      key: 'task',
      width: 300,
      render: (_: unknown, r) => (
        <Link to={`/tasks/${r.taskId}`} onClick={(e) => e.stopPropagation()}>
          <span className="duikou-task-code">{r.taskCode}</span>
          {r.taskTitle}
        </Link>
      ),
    },
    {
      title: t('ui.reporting.unit'),
      key: 'unit',
      width: 220,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {`${t(`domain.sides.${r.side}`)} · ${t(`domain.unitRoles.${r.role}`)}`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('ui.reporting.state'),
      dataIndex: 'state',
      width: 130,
      render: (s: ReportSummary['state']) => <SlotStateTag state={s} />,
    },
    {
      title: t('ui.reporting.taskStatus'),
      dataIndex: 'taskStatus',
      width: 100,
      render: (s: ReportSummary['taskStatus']) => (s ? <TaskStatusTag status={s} /> : '—'),
    },
    { title: t('ui.reporting.percent'), dataIndex: 'percent', width: 90, align: 'right', render: percentText },
    {
      title: t('ui.reporting.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      render: (at: string | null) => formatDateTime(at),
    },
    {
      title: t('ui.common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, r) => (
        <Space size={6}>
          <Link to={`/reporting/reports/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="slot-open">
            {can('report.fill') && r.cycleStatus === 'open' && ['pending', 'draft', 'returned'].includes(r.state)
              ? t('ui.reporting.fill')
              : t('ui.reporting.open')}
          </Link>
          <ReviewActions report={r} size="small" onDone={refresh} />
        </Space>
      ),
    },
  ];

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
      data-testid="cycle-page"
      data-status={cycle.status}
      data-version={cycle.version}
    >
      <Breadcrumb
        items={[{ title: <Link to="/reporting">{t('ui.reporting.cyclesTitle')}</Link> }, { title: period }]}
      />
      <Card
        title={
          <Space size={8} wrap>
            <span data-testid="cycle-title">{t('ui.reporting.cycleTitle', { period })}</span>
            <CycleStatusTag status={cycle.status} />
          </Space>
        }
        extra={
          <Space wrap className="no-print">
            <DownloadButton
              file={() => reportingApi.periodSummary(cycle.id)}
              fileName="summary.xlsx"
              done={t('ui.output.exported')}
              icon={<FileExcelOutlined />}
              testId="period-summary-export"
            >
              {t('ui.output.periodSummaryButton')}
            </DownloadButton>
            <PrintButton />
            <CycleActions
              cycle={cycle}
              unreported={notReported.data?.total ?? 0}
              onChanged={(c) => {
                setLocal(c);
                refresh();
              }}
              onSlotsAdded={({ added, cycle: c }: AddSlotsResponse) => {
                setLocal(c);
                setSlotsAdded({ cycleId: c.id, added });
                refresh();
              }}
            />
          </Space>
        }
      >
        {slotsAdded?.cycleId === cycle.id && (
          <Alert
            type={slotsAdded.added > 0 ? 'success' : 'info'}
            showIcon
            closable={{ onClose: () => setSlotsAdded(null) }}
            title={
              slotsAdded.added > 0
                ? t('ui.reporting.slotsAdded', { count: slotsAdded.added })
                : t('ui.reporting.noSlotsMissing')
            }
            style={{ marginBottom: 16 }}
            data-testid="slots-added"
            data-added={slotsAdded.added}
          />
        )}
        {cycle.status === 'open' && cycle.unassignedTasks.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('ui.reporting.unassignedTitle', { count: cycle.unassignedTasks.length })}
            description={
              <span data-testid="cycle-unassigned-list">
                {cycle.unassignedTasks.map((task) => (
                  <Link key={task.id} to={`/tasks/${task.id}`} style={{ marginInlineEnd: 12 }}>
                    <span className="duikou-task-code">{task.code}</span>
                    {task.title}
                  </Link>
                ))}
              </span>
            }
            style={{ marginBottom: 16 }}
            data-testid="cycle-unassigned"
          />
        )}
        {cycle.status === 'locked' && (
          <Alert
            type="info"
            showIcon
            title={t('ui.reporting.lockedNotice', { at: formatDateTime(cycle.lockedAt) })}
            style={{ marginBottom: 16 }}
            data-testid="cycle-locked"
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('ui.reporting.pairing')}>
            <Link to={`/pairings/${cycle.pairingId}`}>{cycle.pairingName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.reporting.frequency')}>
            {t(`ui.reporting.frequencies.${cycle.frequency}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.reporting.periodLabel')}>
            {t('ui.reporting.periodRange', { start: cycle.periodStart, end: cycle.periodEnd })}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.reporting.dueOn')}>
            <DueText
              dueOn={cycle.dueOn}
              daysLeft={cycle.status === 'open' && cycle.daysOverdue > 0 ? -cycle.daysOverdue : null}
            />
          </Descriptions.Item>
          <Descriptions.Item
            label={t('ui.reporting.reminderDays')}
          >{`${cycle.reminderDays} ${t('ui.reporting.daysUnit')}`}</Descriptions.Item>
          {cycle.lockedAt && (
            <Descriptions.Item label={t('ui.reporting.lockedAt')}>{formatDateTime(cycle.lockedAt)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('ui.reporting.counts')} span={3}>
            <StateCounts cycle={cycle} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <NotReportedCard data={notReported.data} />

      <Card title={t('ui.reporting.slotsTitle')}>
        <Table<ReportSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={slots.data?.items ?? []}
          loading={slots.loading}
          pagination={false}
          scroll={{ x: 1250 }}
          onRow={(r) =>
            ({
              'data-testid': 'slot-row',
              'data-id': r.id,
              'data-state': r.state,
              'data-task': r.taskCode,
              'data-unit': r.unitName,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Card>

      <RecordTimeline
        title={t('ui.reporting.history')}
        testId="cycle-history"
        itemTestId="cycle-history-item"
        entries={cycle.history.map((h) => ({
          ...h,
          label: cycleAction(h.action, t),
          note:
            h.reason &&
            (h.action === 'unlocked'
              ? t('ui.reporting.historyReason', { reason: h.reason })
              : t('ui.reporting.historyComment', { comment: h.reason })),
        }))}
      />
    </div>
  );
}

/** The period record's actions are the catalogue's keys, so an action the catalogue names is never shown as its code. */
type CycleAction = keyof typeof reportingUi.cycleActions;

function cycleAction(action: string, t: ReturnType<typeof useI18n>['t']): string {
  return Object.hasOwn(reportingUi.cycleActions, action)
    ? t(`ui.reporting.cycleActions.${action as CycleAction}`)
    : action;
}
