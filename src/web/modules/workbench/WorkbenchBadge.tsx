import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useI18n } from '../../app/i18n.tsx';
import { NOTIFICATIONS_CHANGED } from '../reporting/notifications.api.ts';
import { workbenchApi } from './workbench.api.ts';

/**
 * The count of to-dos beside 工作台 in the menu. Read again when the user moves to another page or a notice
 * changes, never on a timer (a poll would keep an idle session alive), like the bell.
 */
export function WorkbenchBadge() {
  const { t } = useI18n();
  const location = useLocation();
  const [count, setCount] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => setTick((n) => n + 1);
    window.addEventListener(NOTIFICATIONS_CHANGED, again);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, again);
  }, []);
  // Read again on every page change and every change of the notices.
  useEffect(() => {
    const controller = new AbortController();
    workbenchApi.get(controller.signal).then(
      (w) => setCount(w.counts.total),
      () => undefined,
    );
    return () => controller.abort();
  }, [location.pathname, tick]);
  if (!count) return null;
  return (
    <span
      data-testid="workbench-badge"
      aria-label={t('ui.workbench.badge', { count })}
      style={{
        marginInlineStart: 8,
        padding: '0 6px',
        borderRadius: 10,
        background: '#cf1322',
        color: '#fff',
        fontSize: 12,
        lineHeight: '18px',
        display: 'inline-block',
      }}
    >
      {count}
    </span>
  );
}
