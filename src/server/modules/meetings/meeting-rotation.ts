import type { MeetingHostProposal, Side } from '../../../common/api/enums.ts';

/**
 * The host the rotation proposes: the side after the last host in the rotation's order, or its first side when
 * no meeting of the kind has been held yet (or the last host is not in the order). No rotation, no proposal.
 */
export function proposeHost(
  order: readonly Side[],
  lastHost: Side | null,
): { side: Side | null; proposal: MeetingHostProposal } {
  if (!order.length) return { side: null, proposal: 'none' };
  if (!lastHost || !order.includes(lastHost)) return { side: order[0]!, proposal: 'first' };
  return { side: order[(order.indexOf(lastHost) + 1) % order.length]!, proposal: 'rotation' };
}
