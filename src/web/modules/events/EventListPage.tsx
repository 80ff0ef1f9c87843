import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { EVENT_KINDS, type EventKind } from '../../../common/api/enums.ts';
import type { EventListParams, EventSummary } from '../../../common/api/events.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { DemoFilter, demoTitleColumn } from '../../shared/demo.tsx';
import { wanText } from '../../shared/format.ts';
import { PairingFilter, YearFilter } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { eventsApi } from './events.api.ts';
import { EventFormDrawer } from './EventFormDrawer.tsx';

/** Investment-promotion events, expos, forums and visits of the user's pairings, latest first. */
export function EventListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const year = query.get('year');

  const params: EventListParams = {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    kind: query.get<EventKind>('kind'),
    year: year ? Number(year) : undefined,
    demo: query.get<'true' | 'false'>('demo'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => eventsApi.list(params, signal), [query.key]);

  const columns: TableColumnsType<EventSummary> = [
    demoTitleColumn(t('ui.events.eventTitle'), (row) => `/events/${row.id}`),
    {
      title: t('ui.events.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: EventKind) => t(`domain.eventKinds.${kind}`),
    },
    {
      title: t('ui.events.dates'),
      key: 'dates',
      width: 200,
      render: (_: unknown, row) =>
        row.startsOn === row.endsOn ? row.startsOn : t('ui.events.dateRange', { from: row.startsOn, to: row.endsOn }),
    },
    { title: t('ui.events.place'), dataIndex: 'place', width: 110, render: (p: string | null) => p ?? '—' },
    { title: t('ui.events.pairing'), dataIndex: 'pairingName', width: 150 },
    {
      title: t('ui.events.enterpriseCount'),
      dataIndex: 'enterpriseCount',
      width: 100,
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
    { title: t('ui.events.agreementCount'), dataIndex: 'agreementCount', width: 90, align: 'right' },
    {
      title: t('ui.events.agreedAmount'),
      dataIndex: 'agreedAmount',
      width: 150,
      align: 'right',
      render: (a: string) => wanText(a),
    },
  ];

  return (
    <ListPage<EventSummary>
      title="ui.events.title"
      list={list}
      export={{ file: () => eventsApi.exportList(params), testId: 'list-export' }}
      actions={
        can('event.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-create">
            {t('ui.events.create')}
          </Button>
        )
      }
      filters={
        <>
          <PairingFilter query={query} placeholder={t('ui.events.pairing')} />
          <SelectFilter
            query={query}
            name="kind"
            placeholder={t('ui.events.kind')}
            options={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`domain.eventKinds.${kind}`) }))}
            width={140}
          />
          <YearFilter query={query} placeholder={t('ui.events.year')} />
          <DemoFilter query={query} />
        </>
      }
      query={query}
      columns={columns}
      emptyText={t('ui.events.empty')}
      rowLink={(row) => `/events/${row.id}`}
      rowData={(row) => ({ 'data-testid': 'event-row', 'data-id': row.id, 'data-demo': String(row.isDemo) })}
    >
      {creating && (
        <EventFormDrawer onClose={() => setCreating(false)} onSaved={(ev) => navigate(`/events/${ev.id}`)} />
      )}
    </ListPage>
  );
}
