import { Link } from 'react-router-dom';
import { Button, Checkbox, Space, Typography, type TableColumnsType } from 'antd';
import type { NotificationKind } from '../../../common/api/enums.ts';
import type { Notification } from '../../../common/api/notifications.ts';
import { isApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useApi } from '../../app/use-api.ts';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage } from '../../shared/ListPage.tsx';
import { notificationsApi, notificationsChanged } from './notifications.api.ts';
import { NotificationKindTag, notificationLink } from './notification-display.tsx';

/** Every notice to the user's organisation, newest first, with who has read what (per user). */
export function NotificationsPage() {
  const { t, pick } = useI18n();
  const message = useMessage();
  const query = useUrlQuery();
  const unreadOnly = query.get('unread') === 'true';
  const list = useApi(
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
      list.reload();
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
      render: (kind: NotificationKind) => <NotificationKindTag kind={kind} />,
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

  return (
    <ListPage<Notification>
      title="ui.reporting.notificationsTitle"
      list={list}
      actions={
        <Button
          disabled={!list.data?.unread}
          onClick={() => void act(() => notificationsApi.readAll(), t('ui.reporting.allRead'))}
          data-testid="notifications-read-all"
        >
          {t('ui.reporting.markAllRead')}
        </Button>
      }
      filters={
        <Space>
          <Checkbox
            checked={unreadOnly}
            onChange={(e) => query.update({ unread: e.target.checked ? 'true' : undefined })}
            data-testid="notifications-unread-only"
          >
            {t('ui.reporting.onlyUnread')}
          </Checkbox>
          {list.data && (
            <Typography.Text type="secondary">
              {t('ui.reporting.bellUnread', { count: list.data.unread })}
            </Typography.Text>
          )}
        </Space>
      }
      query={query}
      columns={columns}
      emptyText={t('ui.reporting.notificationsEmpty')}
      rowData={(n) => ({ 'data-testid': 'notification-row', 'data-kind': n.kind, 'data-read': String(n.read) })}
    />
  );
}
