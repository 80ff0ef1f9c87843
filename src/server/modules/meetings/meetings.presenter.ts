import type { MeetingDetail, MeetingSummary } from '../../../common/api/meetings.ts';
import { dateString } from '../../kernel/dates.ts';
import { presentItemPage } from '../tracking/tracking.presenter.ts';
import type { MeetingDetailRows, MeetingSummaryRow } from './meetings.repository.ts';

export function presentMeetingSummary(r: MeetingSummaryRow): MeetingSummary {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    kind: r.kind,
    title: r.title,
    heldOn: dateString(r.heldOn)!,
    endsOn: dateString(r.endsOn),
    place: r.place,
    hostSide: r.hostSide,
    decisionCount: r.decisionCount,
    openDecisionCount: r.openDecisionCount,
    isDemo: r.isDemo,
  };
}

export function presentMeetingDetail(
  d: MeetingDetailRows & { decisions: Parameters<typeof presentItemPage>[0] },
): MeetingDetail {
  return {
    ...presentMeetingSummary(d.summary),
    hostOverrideReason: d.row.hostOverrideReason,
    chair: d.row.chair,
    attendees: d.row.attendees,
    agenda: d.row.agenda,
    minutes: d.row.minutes,
    decisions: presentItemPage(d.decisions).items,
    version: d.row.version,
  };
}
