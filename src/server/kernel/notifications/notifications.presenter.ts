import type { Notification } from '../../../common/api/notifications.ts';
import { notificationText } from './notification-text.ts';
import type { listNotifications } from './notifications.repository.ts';

export function presentNotification(row: Awaited<ReturnType<typeof listNotifications>>['items'][number]): Notification {
  const n = row.n;
  const params = (n.params ?? {}) as Record<string, string | number>;
  return {
    id: n.id,
    kind: n.kind,
    ...notificationText(n.kind, params),
    params,
    slotId: n.slotId,
    cycleId: n.cycleId,
    subjectId: n.subjectId,
    read: row.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  };
}
