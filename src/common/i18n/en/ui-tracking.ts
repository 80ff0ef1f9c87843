import type { Shape } from '../shape.ts';
import type { trackingUi as zh } from '../zh-CN/ui-tracking.ts';

/** Tracked items and meetings: lists, pages, the tracking ledger. */
export const trackingUi: Shape<typeof zh> = {
  title: 'Tracked items',
  meetingsTitle: 'Meetings',
  statuses: { not_started: 'Not started', in_progress: 'In progress', closed: 'Closed', overdue: 'Overdue' },
  sources: { meeting_decision: 'Meeting decision', rectification: 'Rectification order' },
  noteKinds: { progress: 'Progress', closed: 'Closed', reopened: 'Reopened' },
  meetingKinds: {
    high_level_visit: 'High-level visit',
    joint_meeting: 'Joint meeting',
    department_docking: 'Department meeting',
    symposium: 'Symposium',
    video_conference: 'Video conference',
    other: 'Other',
  },
  proposals: { rotation: 'By rotation', first: 'First in rotation', none: 'No rotation' },
  ledgerSheet: 'Tracked items',
  ledgerTitle: 'Tracked items of paired cooperation',
  ledgerExported: 'Exported by {name} on {date}',
  columns: {
    seq: 'No.',
    pairing: 'Pairing',
    source: 'Source',
    text: 'Item',
    lead: 'Lead units',
    co: 'Co-responsible units',
    deadline: 'Deadline',
    status: 'Status',
    closedOn: 'Closed on',
  },
};
