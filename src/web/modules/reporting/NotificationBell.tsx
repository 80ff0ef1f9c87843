import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Button, Dropdown, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n.tsx';
import { NOTIFICATIONS_CHANGED, notificationsApi } from './notifications.api.ts';

// The list is its own chunk: the header carries only the bell and its count.
const NotificationList = lazy(() => import('./NotificationList.tsx').then((m) => ({ default: m.NotificationList })));

/**
 * The bell in the header with the count of unread notices (reminders, returned reports). The count is read again
 * when the user moves to another page or comes back to the tab, never on a timer: a poll would keep an idle
 * session alive past its timeout.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const count = useCallback(() => {
    notificationsApi.list({ unread: 'true', pageSize: 1 }).then(
      (res) => setUnread(res.unread),
      () => undefined,
    );
  }, []);

  useEffect(count, [count, location.pathname]);
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && count();
    window.addEventListener(NOTIFICATIONS_CHANGED, count);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener(NOTIFICATIONS_CHANGED, count);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [count]);

  // The header's Dropdown carries the panel (antd's Popover and Badge would add to the first screen).
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => (
        <div style={{ background: '#fff', borderRadius: 8, padding: 12, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}>
          {open && (
            <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
              <NotificationList onUnread={setUnread} onClose={() => setOpen(false)} />
            </Suspense>
          )}
        </div>
      )}
    >
      <Button
        type="text"
        aria-label={unread ? t('ui.reporting.bellUnread', { count: unread }) : t('ui.reporting.bell')}
        title={t('ui.reporting.bell')}
        style={{ color: '#fff', position: 'relative' }}
        data-testid="notification-bell"
        data-unread={unread}
      >
        <BellOutlined style={{ fontSize: 18 }} />
        {unread > 0 && (
          <span
            data-testid="notification-count"
            style={{
              position: 'absolute',
              top: 0,
              right: 0,
              minWidth: 16,
              height: 16,
              padding: '0 4px',
              borderRadius: 8,
              background: '#ff4d4f',
              color: '#fff',
              fontSize: 11,
              lineHeight: '16px',
              boxShadow: '0 0 0 1px #fff',
            }}
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Button>
    </Dropdown>
  );
}
