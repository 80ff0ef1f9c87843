import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Space, type TableColumnsType } from 'antd';
import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { MEETING_KINDS, type MeetingKind, type Side } from '../../../common/api/enums.ts';
import type { MeetingListParams, MeetingSummary } from '../../../common/api/meetings.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { demoTitleColumn } from '../../shared/demo.tsx';
import { PairingListFilters } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { DecisionCount, MeetingDates } from './meeting-display.tsx';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';
import { meetingsApi } from './meetings.api.ts';
import { RotationModal } from './RotationModal.tsx';

/** 会商会议 of the user's pairings, latest first, with their decisions still open. */
export function MeetingListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState(false);
  const year = query.get('year');
  const pairingId = query.get('pairingId');

  const params: MeetingListParams = {
    programmeId: query.programmeId,
    pairingId,
    kind: query.get<MeetingKind>('kind'),
    year: year ? Number(year) : undefined,
    demo: query.get<'true' | 'false'>('demo'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => meetingsApi.list(params, signal), [query.key]);
  const manage = can('meeting.manage');

  const columns: TableColumnsType<MeetingSummary> = [
    demoTitleColumn(t('ui.tracking.meetings.meetingTitle'), (row) => `/meetings/${row.id}`),
    {
      title: t('ui.tracking.meetings.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: MeetingKind) => t(`ui.tracking.meetingKinds.${kind}`),
    },
    {
      title: t('ui.tracking.meetings.heldOn'),
      key: 'dates',
      width: 200,
      render: (_: unknown, row) => <MeetingDates meeting={row} />,
    },
    { title: t('ui.tracking.meetings.place'), dataIndex: 'place', width: 120, render: (p: string | null) => p ?? '—' },
    {
      title: t('ui.tracking.meetings.host'),
      dataIndex: 'hostSide',
      width: 130,
      render: (side: Side) => t(`domain.sides.${side}`),
    },
    { title: t('ui.tracking.meetings.pairing'), dataIndex: 'pairingName', width: 150 },
    {
      title: t('ui.tracking.meetings.decisionCount'),
      key: 'decisions',
      width: 150,
      align: 'right',
      render: (_: unknown, row) => <DecisionCount meeting={row} />,
    },
  ];

  return (
    <ListPage<MeetingSummary>
      title="ui.tracking.meetingsTitle"
      list={list}
      actions={
        manage && (
          <Space wrap>
            {pairingId && (
              <Button icon={<SyncOutlined />} onClick={() => setRotating(true)} data-testid="rotation-open">
                {t('ui.tracking.meetings.rotation')}
              </Button>
            )}
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="meeting-create"
            >
              {t('ui.tracking.meetings.create')}
            </Button>
          </Space>
        )
      }
      filters={
        <PairingListFilters
          query={query}
          pairing={{ placeholder: t('ui.tracking.meetings.pairing'), testId: 'meeting-filter-pairing' }}
          choices={[
            {
              name: 'kind',
              placeholder: t('ui.tracking.meetings.kind'),
              values: MEETING_KINDS,
              label: (k) => t(`ui.tracking.meetingKinds.${k as MeetingKind}`),
            },
          ]}
          year={{ placeholder: t('ui.tracking.meetings.year') }}
        />
      }
      query={query}
      columns={columns}
      emptyText={t('ui.tracking.meetings.empty')}
      rowLink={(row) => `/meetings/${row.id}`}
      rowData={(row) => ({ 'data-testid': 'meeting-row', 'data-id': row.id, 'data-demo': String(row.isDemo) })}
    >
      {creating && (
        <MeetingFormDrawer onClose={() => setCreating(false)} onSaved={(m) => navigate(`/meetings/${m.id}`)} />
      )}
      {rotating && pairingId && <RotationModal pairingId={pairingId} onClose={() => setRotating(false)} />}
    </ListPage>
  );
}
