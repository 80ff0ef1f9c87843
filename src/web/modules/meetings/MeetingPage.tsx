import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { SIDES } from '../../../common/api/enums.ts';
import type { MeetingDetail } from '../../../common/api/meetings.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../../shared/demo.tsx';
import { ItemTable } from '../tracking/item-display.tsx';
import { DecisionsDrawer } from './DecisionsDrawer.tsx';
import { DecisionCount, MeetingDates } from './meeting-display.tsx';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';
import { meetingsApi } from './meetings.api.ts';
import { PrintButton } from '../../shared/PrintButton.tsx';

function MeetingFacts({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="meeting-facts">
      <Descriptions.Item label={t('ui.tracking.meetings.pairing')}>
        <Link to={`/pairings/${meeting.pairingId}`}>{meeting.pairingName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.meetings.heldOn')}>
        <MeetingDates meeting={meeting} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.meetings.place')}>{meeting.place ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.meetings.host')}>
        <span data-testid="meeting-host-side" data-side={meeting.hostSide}>
          {t(`domain.sides.${meeting.hostSide}`)}
        </span>
        {meeting.hostOverrideReason && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }} data-testid="meeting-override-reason">
            {t('ui.tracking.meetings.overrideShown', { reason: meeting.hostOverrideReason })}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.meetings.chair')}>{meeting.chair ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.meetings.decisionCount')}>
        <DecisionCount meeting={meeting} />
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Who came, side by side. */
function Attendees({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  if (!meeting.attendees.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.tracking.meetings.noAttendees')} />;
  return (
    <Row gutter={16}>
      {SIDES.map((side) => (
        <Col xs={24} md={12} key={side}>
          <List
            size="small"
            header={<Typography.Text strong>{t(`domain.sides.${side}`)}</Typography.Text>}
            dataSource={meeting.attendees.filter((a) => a.side === side)}
            data-testid="meeting-attendees"
            data-side={side}
            renderItem={(a) => (
              <List.Item data-testid="meeting-attendee">
                <Space size={6} wrap>
                  <Typography.Text>{a.name}</Typography.Text>
                  {a.post && <Typography.Text type="secondary">{a.post}</Typography.Text>}
                  {a.organisation && <Tag>{a.organisation}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Col>
      ))}
    </Row>
  );
}

/** A meeting: when, where, who hosted and came, agenda and minutes, and its decisions as tracked items. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const { data: meeting, error, loading, reload, setData } = useApi((signal) => meetingsApi.get(id, signal), [id]);
  usePageTitle('ui.tracking.meetingsTitle', meeting?.title);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !meeting) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!meeting) return null;
  const manage = can('meeting.manage');

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="meeting-page" data-id={meeting.id}>
      <Breadcrumb
        items={[{ title: <Link to="/meetings">{t('ui.tracking.meetingsTitle')}</Link> }, { title: meeting.title }]}
      />
      <Card
        title={
          <Space wrap>
            <span data-testid="meeting-title">{meeting.title}</span>
            <Tag>{t(`ui.tracking.meetingKinds.${meeting.kind}`)}</Tag>
            <DemoTag isDemo={meeting.isDemo} />
          </Space>
        }
        extra={
          <Space>
            <PrintButton />
            {manage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="meeting-edit">
                {t('ui.common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <MeetingFacts meeting={meeting} />
      </Card>
      <Card size="small" title={t('ui.tracking.meetings.attendees')}>
        <Attendees meeting={meeting} />
      </Card>
      {(meeting.agenda || meeting.minutes) && (
        <Row gutter={[16, 16]}>
          {meeting.agenda && (
            <Col xs={24} xl={meeting.minutes ? 10 : 24}>
              <Card size="small" title={t('ui.tracking.meetings.agenda')} style={{ height: '100%' }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-agenda">
                  {meeting.agenda}
                </Typography.Paragraph>
              </Card>
            </Col>
          )}
          {meeting.minutes && (
            <Col xs={24} xl={meeting.agenda ? 14 : 24}>
              <Card size="small" title={t('ui.tracking.meetings.minutes')} style={{ height: '100%' }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-minutes">
                  {meeting.minutes}
                </Typography.Paragraph>
              </Card>
            </Col>
          )}
        </Row>
      )}
      <Card
        size="small"
        title={t('ui.tracking.meetings.decisions')}
        extra={
          manage && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="decisions-add">
              {t('ui.tracking.meetings.addDecisions')}
            </Button>
          )
        }
      >
        <ItemTable
          items={meeting.decisions}
          emptyText={t('ui.tracking.meetings.noDecisions')}
          testId="meeting-decisions-table"
        />
      </Card>
      {editing && (
        <MeetingFormDrawer
          meeting={meeting}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setData(saved);
          }}
        />
      )}
      {adding && (
        <DecisionsDrawer
          meeting={meeting}
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            setAdding(false);
            setData(saved);
          }}
        />
      )}
    </div>
  );
}
