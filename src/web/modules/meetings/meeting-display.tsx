import { Typography } from 'antd';
import type { MeetingSummary } from '../../../common/api/meetings.ts';
import { useI18n } from '../../app/i18n.tsx';

/** A meeting's day, or its first and last days. */
export function MeetingDates({ meeting }: { meeting: Pick<MeetingSummary, 'heldOn' | 'endsOn'> }) {
  const { t } = useI18n();
  return (
    <span data-testid="meeting-dates">
      {meeting.endsOn && meeting.endsOn !== meeting.heldOn
        ? t('ui.tracking.meetings.dateRange', { from: meeting.heldOn, to: meeting.endsOn })
        : meeting.heldOn}
    </span>
  );
}

/** Open decisions over all decisions ("2/3"), the open ones stressed while any remain. */
export function DecisionCount({ meeting }: { meeting: Pick<MeetingSummary, 'decisionCount' | 'openDecisionCount'> }) {
  return (
    <span data-testid="meeting-decisions" data-open={meeting.openDecisionCount} data-total={meeting.decisionCount}>
      <Typography.Text type={meeting.openDecisionCount ? 'warning' : 'secondary'}>
        {meeting.openDecisionCount}
      </Typography.Text>
      /{meeting.decisionCount}
    </span>
  );
}
