import { useNavigate } from 'react-router-dom';
import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { TaskStatusTag } from '../tasks/task-display.tsx';
import type { ReportSummary } from '../../../common/api/reporting.ts';
import { reportingApi } from './reporting.api.ts';
import { SlotStateTag, cycleLabel, percentText } from './reporting-display.tsx';

/** The progress reports on a task, period by period and unit by unit (a lead unit sees its own), for the task page. */
export function TaskReports({ taskId }: { taskId: string }) {
  const { can } = useSession();
  return can('report.read') ? <TaskReportsCard taskId={taskId} /> : null;
}

function TaskReportsCard({ taskId }: { taskId: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApi(
    (signal) => reportingApi.reports({ taskId, pageSize: 200 }, signal),
    [taskId],
  );

  const columns: TableColumnsType<ReportSummary> = [
    {
      title: t('ui.reporting.periodLabel'),
      dataIndex: 'periodLabel',
      width: 150,
      render: (_: string, r) => cycleLabel(r, locale),
    },
    {
      title: t('ui.reporting.unit'),
      key: 'unit',
      render: (_: unknown, r) => (
        <span>
          {r.unitName}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
            {`${t(`domain.sides.${r.side}`)} · ${t(`domain.unitRoles.${r.role}`)}`}
          </Typography.Text>
        </span>
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
  ];

  return (
    <Card title={t('ui.reporting.taskReports')} data-testid="task-reports">
      {error ? (
        <ErrorResult error={error} onRetry={reload} />
      ) : (
        <Table<ReportSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          pagination={false}
          locale={{ emptyText: t('ui.reporting.taskReportsEmpty') }}
          rowClassName={() => 'duikou-clickable-row'}
          onRow={(r) =>
            ({
              onClick: () => navigate(`/reporting/reports/${r.id}`),
              'data-testid': 'task-report-row',
              'data-state': r.state,
            }) as React.HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 760 }}
        />
      )}
    </Card>
  );
}
