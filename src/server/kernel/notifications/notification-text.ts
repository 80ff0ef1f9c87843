import type { NotificationKind } from '../../../common/api/enums.ts';
import { bilingual } from '../../http/app-error.ts';

/**
 * The words of a notice in both languages (domain.notifications), made when it is read (not stored), so a wording
 * change reaches old notices too; the facts are stored with the notice.
 */
export function notificationText(kind: NotificationKind, params: Record<string, string | number>) {
  const { zh, en } = bilingual(`domain.notifications.${kind}`, params);
  return { zh, en };
}
