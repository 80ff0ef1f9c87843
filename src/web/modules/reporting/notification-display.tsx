import { Tag } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import type { NotificationKind } from '../../../common/api/enums.ts';
import type { Notification } from '../../../common/api/notifications.ts';

const KIND_COLOURS: Record<NotificationKind, string> = {
  due_soon: 'warning',
  overdue: 'error',
  returned: 'volcano',
  period_opened: 'processing',
  report_submitted: 'blue',
  report_approved: 'success',
  item_assigned: 'purple',
  item_due_soon: 'warning',
  item_overdue: 'error',
};

export function NotificationKindTag({ kind }: { kind: NotificationKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLOURS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`ui.reporting.notificationKinds.${kind}`)}
    </Tag>
  );
}

/** Where a notice leads: the report it is about, else its period, else the tracked item. */
export const notificationLink = (n: Notification) =>
  n.slotId
    ? `/reporting/reports/${n.slotId}`
    : n.cycleId
      ? `/reporting/cycles/${n.cycleId}`
      : n.subjectId
        ? `/tracking/${n.subjectId}`
        : null;
