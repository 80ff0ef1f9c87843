import { Link, useNavigate } from 'react-router-dom';
import { Button, Empty, Skeleton, Space, Typography } from 'antd';
import { isApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useApi } from '../../app/use-api.ts';
import { formatDateTime } from '../../shared/format.ts';
import type { Notification } from '../../../common/api/notifications.ts';
import { notificationsApi } from './notifications.api.ts';
import { NotificationKindTag, notificationLink } from './notification-display.tsx';

/** The latest notices under the bell: a click opens what it is about and marks it read; all can be marked read at once. */
export function NotificationList({ onUnread, onClose }: { onUnread: (count: number) => void; onClose: () => void }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const navigate = useNavigate();
  const { data, reload } = useApi(async (signal) => {
    const list = await notificationsApi.list({ pageSize: 8 }, signal);
    onUnread(list.unread);
    return list;
  }, []);

  const fail = (err: unknown) => message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));

  const open = async (n: Notification) => {
    try {
      if (!n.read) await notificationsApi.read(n.id);
    } catch (err) {
      fail(err);
    }
    onClose();
    const to = notificationLink(n);
    if (to) navigate(to);
    if (!n.read) onUnread(Math.max(0, (data?.unread ?? 1) - 1));
  };

  const readAll = async () => {
    try {
      await notificationsApi.readAll();
      message.success(t('ui.reporting.allRead'));
      reload();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div style={{ width: 380 }} data-testid="notification-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('ui.reporting.notificationsTitle')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={!data?.unread}
          onClick={() => void readAll()}
          data-testid="notification-read-all"
        >
          {t('ui.reporting.markAllRead')}
        </Button>
      </Space>
      {!data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.reporting.notificationsEmpty')} />
      ) : (
        <div style={{ maxHeight: 420, overflow: 'auto' }}>
          {data.items.map((n) => (
            <button
              key={n.id}
              type="button"
              onClick={() => void open(n)}
              data-testid="notification-item"
              data-kind={n.kind}
              data-read={n.read}
              style={{
                display: 'block',
                width: '100%',
                textAlign: 'left',
                border: 'none',
                borderBottom: '1px solid #f0f0f0',
                background: n.read ? 'transparent' : '#fff7e6',
                padding: '8px 6px',
                cursor: 'pointer',
                font: 'inherit',
              }}
            >
              <Space size={6} style={{ marginBottom: 2 }}>
                <NotificationKindTag kind={n.kind} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </Space>
              <div style={{ fontWeight: n.read ? 'normal' : 600 }}>{pick(n)}</div>
            </button>
          ))}
        </div>
      )}
      <div style={{ textAlign: 'center', marginTop: 8 }}>
        <Link to="/notifications" onClick={onClose} data-testid="notification-all">
          {t('ui.reporting.viewAll')}
        </Link>
      </div>
    </div>
  );
}
