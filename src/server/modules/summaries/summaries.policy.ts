import type { Recipient } from '../../../common/api/summaries.ts';
import type { Actor } from '../../http/context.ts';

/** A receipt is handled by its recipient: the national office's by the national office, 组织部's by 组织部. */
export function mayHandleReceipt(actor: Actor, recipient: Recipient): boolean {
  return actor.roles.includes(recipient);
}

/** Who a document goes to: the plan to the national office; the summary also to 组织部 for its cadre part. */
export function recipientsOf(kind: 'plan' | 'summary'): Recipient[] {
  return kind === 'summary' ? ['national_office', 'org_dept'] : ['national_office'];
}

/** Only the national office's acceptance of a summary locks the year's figures. */
export const locksYear = (kind: 'plan' | 'summary', recipient: Recipient) =>
  kind === 'summary' && recipient === 'national_office';
