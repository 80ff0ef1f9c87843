import { z } from 'zod';
import { pageQuery, paged, type QueryParams } from './common.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './enums.ts';

export { NOTIFICATION_KINDS, type NotificationKind };

export const notificationListQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;
export type NotificationListParams = QueryParams<typeof notificationListQuery>;
export const notification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** Ready-made text in both languages; `params` carries the same facts for a client that words it itself. */
  zh: z.string(),
  en: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The report (reporting slot) it is about, if any. */
  slotId: z.uuid().nullable(),
  /** The reporting period it is about, if any. */
  cycleId: z.uuid().nullable(),
  /** Another record it is about (a tracked item), if any; the kind says which. */
  subjectId: z.uuid().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notification>;
export const notificationListResponse = paged(notification).extend({ unread: z.number().int() });
/** How many notices marking all read marked. */
export const readAllResponse = z.object({ count: z.number().int() });
export type NotificationList = z.infer<typeof notificationListResponse>;
