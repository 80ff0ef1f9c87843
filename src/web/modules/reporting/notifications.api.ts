/** In-app notices (reminders, returned reports): what the header's bell reads. Kept apart so the bell stays small. */
import type { Ok } from '../../../common/api/common.ts';
import type { NotificationList, NotificationListParams } from '../../../common/api/notifications.ts';
import { api } from '../../app/api-client.ts';

export const notificationsApi = {
  list: (params: NotificationListParams, signal?: AbortSignal) =>
    api.get<NotificationList>('/api/notifications', params, { signal }),
  read: (id: string) => api.post<Ok>(`/api/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<{ count: number }>('/api/notifications/read-all'),
};

/** Tells the bell to count again (after a notice was read elsewhere). */
export const NOTIFICATIONS_CHANGED = 'duikou:notifications-changed';
export const notificationsChanged = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
