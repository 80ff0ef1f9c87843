import { Link, useNavigate } from 'react-router-dom';
import { Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import type { InboxItem } from '../../../common/api/reporting.ts';
import { reportingApi } from './reporting.api.ts';
import { DueText, SlotStateTag, cycleLabel } from './reporting-display.tsx';

/** 待填报: what the user's organisation still owes in open periods, soonest due first, overdue marked. */
export function InboxPage() {
  const { t, locale } = useI18n();
  usePageTitle('ui.reporting.inboxTitle');
  const me = useMe();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApi((signal) => reportingApi.inbox(signal), []);
  const items = [...(data?.items ?? [])].sort(
    (a, b) => a.daysLeft - b.daysLeft || a.taskCode.localeCompare(b.taskCode, 'zh-CN', { numeric: true }),
  );

  const columns: TableColumnsType<InboxItem> = [
    {
      title: t('ui.reporting.task'),
      key: 'task',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/reporting/reports/${r.slotId}`} onClick={(e) => e.stopPropagation()}>
            <span className="duikou-task-code">{r.taskCode}</span>
            {r.taskTitle}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.unitName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('ui.reporting.periodLabel'),
      dataIndex: 'periodLabel',
      width: 150,
      render: (_: string, r) => cycleLabel(r, locale),
    },
    {
      title: t('ui.reporting.dueOn'),
      dataIndex: 'dueOn',
      width: 210,
      render: (dueOn: string, r) => <DueText dueOn={dueOn} daysLeft={r.daysLeft} />,
    },
    {
      title: t('ui.reporting.state'),
      dataIndex: 'state',
      width: 130,
      render: (s: InboxItem['state']) => <SlotStateTag state={s} />,
    },
    {
      title: t('ui.reporting.reviewComment'),
      dataIndex: 'reviewComment',
      ellipsis: true,
      render: (c: string | null) => (c ? <Typography.Text type="danger">{c}</Typography.Text> : ''),
    },
    {
      title: '',
      key: 'go',
      width: 90,
      render: (_: unknown, r) => <Link to={`/reporting/reports/${r.slotId}`}>{t('ui.reporting.openReport')}</Link>,
    },
  ];

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <Card
      title={
        <Space size={8}>
          <span>{t('ui.reporting.inboxTitle')}</span>
          {data && data.overdue > 0 && (
            <Tag color="error" data-testid="inbox-overdue">
              {t('ui.reporting.inboxOverdue', { count: data.overdue })}
            </Tag>
          )}
        </Space>
      }
      extra={<Typography.Text type="secondary">{me.user.organisationName}</Typography.Text>}
    >
      <Typography.Paragraph type="secondary">{t('ui.reporting.inboxIntro')}</Typography.Paragraph>
      <Table<InboxItem>
        rowKey="slotId"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('ui.reporting.inboxEmpty') }}
        rowClassName={() => 'duikou-clickable-row'}
        onRow={(r) =>
          ({
            onClick: () => navigate(`/reporting/reports/${r.slotId}`),
            'data-testid': 'inbox-row',
            'data-state': r.state,
            'data-task': r.taskCode,
            'data-late': r.daysLeft < 0,
          }) as React.HTMLAttributes<HTMLElement>
        }
        scroll={{ x: 900 }}
      />
    </Card>
  );
}
