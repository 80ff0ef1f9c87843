import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Space, Typography, type TableColumnsType } from 'antd';
import { isApiError } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useApi } from '../../app/use-api.ts';
import { FilterBar } from '../../app/list/FilterBar.tsx';
import { ListTable } from '../../app/list/ListTable.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { formatDateTime } from '../../shared/format.ts';
import type { Notification } from '../../../common/api/reporting.ts';
import { notificationsApi, notificationsChanged } from './notifications.api.ts';
import { NotificationKindTag, notificationLink } from './notification-display.tsx';

/** Every notice to the user's organisation, newest first, with who has read what (per user). */
export function NotificationsPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.reporting.notificationsTitle');
  const message = useMessage();
  const query = useUrlQuery();
  const unreadOnly = query.get('unread') === 'true';
  const { data, error, loading, reload } = useApi(
    (signal) =>
      notificationsApi.list(
        { unread: unreadOnly ? 'true' : undefined, page: query.page, pageSize: query.pageSize },
        signal,
      ),
    [query.key],
  );

  const act = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) message.success(done);
      reload();
      notificationsChanged();
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };

  const columns: TableColumnsType<Notification> = [
    {
      title: '',
      dataIndex: 'kind',
      width: 100,
      render: (kind: Notification['kind']) => <NotificationKindTag kind={kind} />,
    },
    {
      title: t('ui.reporting.notificationsTitle'),
      key: 'text',
      render: (_: unknown, n) => {
        const to = notificationLink(n);
        const text = <span style={{ fontWeight: n.read ? 'normal' : 600 }}>{pick(n)}</span>;
        return to ? (
          <Link to={to} onClick={() => !n.read && void notificationsApi.read(n.id).then(notificationsChanged)}>
            {text}
          </Link>
        ) : (
          text
        );
      },
    },
    {
      title: '',
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => <Typography.Text type="secondary">{formatDateTime(at)}</Typography.Text>,
    },
    {
      title: '',
      key: 'read',
      width: 120,
      render: (_: unknown, n) =>
        n.read ? null : (
          <Button
            size="small"
            type="link"
            onClick={() => void act(() => notificationsApi.read(n.id))}
            data-testid="notification-mark-read"
          >
            {t('ui.reporting.markRead')}
          </Button>
        ),
    },
  ];

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <Card
      title={t('ui.reporting.notificationsTitle')}
      extra={
        <Button
          disabled={!data?.unread}
          onClick={() => void act(() => notificationsApi.readAll(), t('ui.reporting.allRead'))}
          data-testid="notifications-read-all"
        >
          {t('ui.reporting.markAllRead')}
        </Button>
      }
    >
      <FilterBar>
        <Space>
          <Checkbox
            checked={unreadOnly}
            onChange={(e) => query.update({ unread: e.target.checked ? 'true' : undefined })}
            data-testid="notifications-unread-only"
          >
            {t('ui.reporting.onlyUnread')}
          </Checkbox>
          {data && (
            <Typography.Text type="secondary">{t('ui.reporting.bellUnread', { count: data.unread })}</Typography.Text>
          )}
        </Space>
      </FilterBar>
      <ListTable<Notification>
        query={query}
        columns={columns}
        data={data}
        loading={loading}
        emptyText={t('ui.reporting.notificationsEmpty')}
        rowData={(n) => ({ 'data-testid': 'notification-row', 'data-kind': n.kind, 'data-read': String(n.read) })}
      />
    </Card>
  );
}
