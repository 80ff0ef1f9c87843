import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { notify } from '../../kernel/notifications/notifications.service.ts';

/** An item's text as a notice quotes it: its opening words, enough to recognise it. */
const QUOTED_CHARS = 60;

export interface NoticeItem {
  id: string;
  sourceTitle: string | null;
  seq: number;
  text: string;
  deadline: string;
}

/** The facts every notice about an item carries (domain.notifications words them). */
export function itemNoticeParams(item: NoticeItem) {
  const chars = [...item.text];
  return {
    sourceTitle: item.sourceTitle ?? '',
    seq: item.seq,
    itemText: chars.length > QUOTED_CHARS ? `${chars.slice(0, QUOTED_CHARS).join('')}…` : item.text,
    deadline: item.deadline,
  };
}

/** Tells units newly made owners of an item (lead or co-operating), inside the change that made them owners. */
export async function notifyAssigned(work: Pick<UnitOfWork, 'tx'>, item: NoticeItem, organisationIds: string[]) {
  await notify(
    work,
    organisationIds.map((organisationId) => ({
      organisationId,
      kind: 'item_assigned' as const,
      subjectId: item.id,
      params: itemNoticeParams(item),
    })),
  );
}
