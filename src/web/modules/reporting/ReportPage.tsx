import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { TaskStatusTag } from '../tasks/task-display.tsx';
import type { ReportDetail } from '../../../common/api/reporting.ts';
import { reportingApi } from './reporting.api.ts';
import { DueText, SlotStateTag, cycleLabel, percentText } from './reporting-display.tsx';
import { ReportForm } from './ReportForm.tsx';
import { ReportAttachments } from './ReportAttachments.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { RecordTimeline } from './RecordTimeline.tsx';
import { notificationsChanged } from './notifications.api.ts';
import { PrintButton } from '../../shared/PrintButton.tsx';

/** What the unit reported, read-only (submitted, approved, locked, or seen by someone who does not fill it). */
function ReportContent({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  return (
    <div data-testid="report-view">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('ui.reporting.taskStatus')}>
          <span data-testid="report-view-status">
            {report.taskStatus ? <TaskStatusTag status={report.taskStatus} /> : '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('ui.reporting.percent')}>
          <span data-testid="report-view-percent">{percentText(report.percent)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('ui.reporting.narrative')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="report-view-narrative">
            {report.narrative || '—'}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <div className="duikou-task-subtitle" style={{ margin: '8px 0' }}>
        {t('ui.reporting.figures')}
      </div>
      {report.targets.length === 0 && report.figures.length === 0 ? (
        <Typography.Text type="secondary">{t('ui.reporting.noTargets')}</Typography.Text>
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={report.figures}
          locale={{ emptyText: '—' }}
          columns={[
            { title: t('ui.reporting.target'), dataIndex: 'targetText' },
            {
              title: t('ui.reporting.value'),
              key: 'value',
              width: 200,
              render: (_: unknown, f) => <span data-testid="report-view-figure">{`${f.value} ${f.unit}`}</span>,
            },
            { title: t('ui.reporting.figureNote'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
          ]}
        />
      )}
    </div>
  );
}

const REPORT_ACTIONS = ['opened', 'saved', 'submitted', 'returned', 'approved', 'attached', 'detached'] as const;

/**
 * One unit's report on one task for one period (/reporting/reports/:id): the form while it can change, otherwise
 * what was reported; the return comment when it was sent back; attachments; the office's review; its record.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  // A saved copy (attachments change without a new version) replaces the loaded one until the next load.
  const { data: report, error, reload, setData: setLocal } = useApi((signal) => reportingApi.report(id, signal), [id]);
  usePageTitle('ui.reporting.reportTitle', report ? `${report.taskCode} ${report.unitName}` : undefined);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!report) return <Skeleton active paragraph={{ rows: 12 }} />;

  const fills = report.editable && can('report.fill');
  const changed = (next: ReportDetail) => {
    setLocal(next);
    notificationsChanged();
  };
  const stale = async () => setLocal(await reportingApi.report(id));
  const daysLeft = dayjs(report.dueOn).diff(dayjs().startOf('day'), 'day');
  const period = cycleLabel(report, locale);

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
      data-testid="report-page"
      data-state={report.state}
      data-version={report.version}
      data-editable={report.editable}
    >
      <Breadcrumb
        items={[
          { title: <Link to="/reporting">{t('ui.reporting.cyclesTitle')}</Link> },
          { title: <Link to={`/reporting/cycles/${report.cycleId}`}>{period}</Link> },
          { title: `${report.taskCode} · ${report.unitName}` },
        ]}
      />
      <Card
        title={
          <Space size={8} wrap>
            <span data-testid="report-heading">
              {t('ui.reporting.reportHeading', { period, code: report.taskCode })}
            </span>
            <SlotStateTag state={report.state} />
          </Space>
        }
        extra={
          <Space wrap>
            <PrintButton />
            <ReviewActions report={report} onDone={changed} />
          </Space>
        }
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          <Link to={`/tasks/${report.taskId}`} data-testid="report-task">
            <span className="duikou-task-code">{report.taskCode}</span>
            {report.taskTitle}
          </Link>
        </Typography.Title>
        <Space size={[12, 4]} wrap style={{ marginBottom: 12 }}>
          <span data-testid="report-unit">{report.unitName}</span>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`domain.sides.${report.side}`)}</Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`domain.unitRoles.${report.role}`)}</Tag>
          <span>
            {t('ui.reporting.dueLabel')}
            <DueText dueOn={report.dueOn} daysLeft={report.editable ? daysLeft : null} />
          </span>
          {report.submittedAt && (
            <Typography.Text type="secondary">
              {t('ui.reporting.submittedAtLabel', { at: formatDateTime(report.submittedAt) })}
            </Typography.Text>
          )}
        </Space>

        {report.state === 'returned' && report.reviewComment && (
          <Alert
            type="warning"
            showIcon
            title={t('ui.reporting.returnedTitle')}
            description={
              <span data-testid="return-comment">
                {t('ui.reporting.returnedBy', { comment: report.reviewComment })}
              </span>
            }
            style={{ marginBottom: 16 }}
            data-testid="report-returned"
          />
        )}
        {report.cycleStatus === 'locked' ? (
          <Alert
            type="info"
            showIcon
            title={t('ui.reporting.reportLockedNotice')}
            style={{ marginBottom: 16 }}
            data-testid="report-locked"
          />
        ) : report.state === 'submitted' ? (
          <Alert
            type="info"
            showIcon
            title={t('ui.reporting.submittedNotice')}
            style={{ marginBottom: 16 }}
            data-testid="report-submitted"
          />
        ) : report.state === 'approved' ? (
          <Alert
            type="success"
            showIcon
            title={t('ui.reporting.approvedNotice')}
            style={{ marginBottom: 16 }}
            data-testid="report-approved"
          />
        ) : null}

        {fills ? (
          <ReportForm key={`${report.id}:${report.version}`} report={report} onSaved={changed} onStale={stale} />
        ) : (
          <ReportContent report={report} />
        )}
      </Card>

      <Card title={t('ui.attachments.title')}>
        <ReportAttachments report={report} editable={fills} onChanged={setLocal} />
      </Card>

      <RecordTimeline
        title={t('ui.reporting.reportHistory')}
        testId="report-history"
        itemTestId="report-event"
        entries={report.events.map((e) => ({
          ...e,
          label: (REPORT_ACTIONS as readonly string[]).includes(e.action)
            ? t(`ui.reporting.reportActions.${e.action as (typeof REPORT_ACTIONS)[number]}`)
            : e.action,
          note: e.comment,
        }))}
      />
    </div>
  );
}
