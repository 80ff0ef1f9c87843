import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../../shared/demo.tsx';
import { ItemTable } from '../tracking/item-display.tsx';
import { trackingApi } from '../tracking/tracking.api.ts';
import { DecisionCount, MeetingDates } from './meeting-display.tsx';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';
import { meetingsApi } from './meetings.api.ts';
import { RotationModal } from './RotationModal.tsx';

const SHOWN = 5;

/**
 * On a pairing's page: its tracked items by status with the overdue ones in red, and its latest meetings, its
 * sub-pairs included; the office records a meeting or sets the hosting rotation from here.
 */
export function PairingMeetings({ pairingId }: { pairingId: string }) {
  const { can } = useSession();
  if (!can('item.read') && !can('meeting.read')) return null;
  return <PairingMeetingsCard pairingId={pairingId} />;
}

function PairingMeetingsCard({ pairingId }: { pairingId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState(false);
  const readItems = can('item.read');
  const readMeetings = can('meeting.read');
  const items = useApi(
    (signal) =>
      readItems
        ? trackingApi.list({ pairingId, withSubPairs: 'true', status: 'overdue', pageSize: SHOWN }, signal)
        : Promise.resolve(undefined),
    [pairingId, readItems],
  );
  const meetings = useApi(
    (signal) => (readMeetings ? meetingsApi.list({ pairingId, pageSize: SHOWN }, signal) : Promise.resolve(undefined)),
    [pairingId, readMeetings],
  );
  const counts = items.data?.counts;
  const manage = can('meeting.manage');

  return (
    <Card
      size="small"
      title={t('ui.tracking.items.pairingCardTitle')}
      data-testid="pairing-tracking"
      extra={
        manage && (
          <Space wrap>
            <Button size="small" icon={<SyncOutlined />} onClick={() => setRotating(true)} data-testid="rotation-open">
              {t('ui.tracking.meetings.rotation')}
            </Button>
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="pairing-meeting-create"
            >
              {t('ui.tracking.meetings.create')}
            </Button>
          </Space>
        )
      }
    >
      <Row gutter={[16, 16]}>
        {readItems && (
          <Col xs={24} xl={14}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
              <Space size={32}>
                <Statistic
                  title={t('ui.tracking.items.openItems')}
                  value={counts ? counts.not_started + counts.in_progress + counts.overdue : '—'}
                  data-testid="pairing-items-open"
                />
                <Statistic
                  title={t('ui.tracking.items.overdueItems')}
                  value={counts?.overdue ?? '—'}
                  styles={{ content: { color: counts?.overdue ? '#cf1322' : undefined } }}
                  data-testid="pairing-items-overdue"
                />
                <Statistic title={t('ui.tracking.items.closedItems')} value={counts?.closed ?? '—'} />
              </Space>
              <Link to={`/tracking?pairingId=${pairingId}`} data-testid="pairing-items-all">
                {t('ui.tracking.items.viewAll')}
              </Link>
            </Space>
            {!!items.data?.items.length && (
              <ItemTable items={items.data.items} source emptyText="" testId="pairing-overdue-items" />
            )}
          </Col>
        )}
        {readMeetings && (
          <Col xs={24} xl={readItems ? 10 : 24}>
            <List
              size="small"
              header={
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Typography.Text strong>{t('ui.tracking.items.latestMeetings')}</Typography.Text>
                  <Link to={`/meetings?pairingId=${pairingId}`}>{t('ui.tracking.items.viewAll')}</Link>
                </Space>
              }
              loading={meetings.loading}
              locale={{ emptyText: t('ui.tracking.meetings.empty') }}
              dataSource={meetings.data?.items ?? []}
              data-testid="pairing-meetings"
              renderItem={(m) => (
                <List.Item data-testid="pairing-meeting" extra={<DecisionCount meeting={m} />}>
                  <Space size={6} wrap>
                    <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                    <DemoTag isDemo={m.isDemo} />
                    <Typography.Text type="secondary">
                      <MeetingDates meeting={m} />
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Col>
        )}
      </Row>
      {creating && (
        <MeetingFormDrawer
          pairingId={pairingId}
          onClose={() => setCreating(false)}
          onSaved={(m) => navigate(`/meetings/${m.id}`)}
        />
      )}
      {rotating && <RotationModal pairingId={pairingId} onClose={() => setRotating(false)} />}
    </Card>
  );
}
