import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PARK_TYPES, type ParkType } from '../../../common/api/enums.ts';
import type { ParkListParams, ParkSummary } from '../../../common/api/parks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { DemoFilter, DemoTag } from '../../shared/demo.tsx';
import { PairingFilter } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { parksApi } from './parks.api.ts';
import { ParkFormDrawer } from './ParkFormDrawer.tsx';

/** The co-built parks of the user's pairings, main parks before their branches. */
export function ParkListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);

  const params: ParkListParams = {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    type: query.get<ParkType>('type'),
    demo: query.get<'true' | 'false'>('demo'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => parksApi.list(params, signal), [query.key]);

  const columns: TableColumnsType<ParkSummary> = [
    {
      title: t('ui.parks.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <Link to={`/parks/${row.id}`} onClick={(e) => e.stopPropagation()}>
              {name}
            </Link>
            <DemoTag isDemo={row.isDemo} />
          </Space>
          {row.mainPark && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ui.parks.branchOf', { name: row.mainPark.name })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('ui.parks.type'),
      dataIndex: 'type',
      width: 130,
      render: (type: ParkType) => t(`domain.parkTypes.${type}`),
    },
    { title: t('ui.parks.pairing'), dataIndex: 'pairingName', width: 160 },
    {
      title: t('ui.parks.hostRegion'),
      dataIndex: 'hostRegion',
      width: 120,
      render: (r: ParkSummary['hostRegion']) => r.name,
    },
    {
      title: t('ui.parks.partnerRegion'),
      dataIndex: 'partnerRegion',
      width: 120,
      render: (r: ParkSummary['partnerRegion']) => r?.name ?? '—',
    },
    { title: t('ui.parks.branchCount'), dataIndex: 'branchCount', width: 90, align: 'right' },
    { title: t('ui.parks.enterpriseCount'), dataIndex: 'enterpriseCount', width: 100, align: 'right' },
    {
      title: t('ui.parks.area'),
      dataIndex: 'areaKm2',
      width: 110,
      align: 'right',
      render: (a: string | null) => a ?? '—',
    },
  ];

  return (
    <ListPage<ParkSummary>
      title="ui.parks.title"
      list={list}
      export={{ file: () => parksApi.exportList(params), testId: 'list-export' }}
      actions={
        can('park.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="park-create">
            {t('ui.parks.create')}
          </Button>
        )
      }
      filters={
        <>
          <PairingFilter query={query} placeholder={t('ui.parks.pairing')} />
          <SelectFilter
            query={query}
            name="type"
            placeholder={t('ui.parks.type')}
            options={PARK_TYPES.map((type) => ({ value: type, label: t(`domain.parkTypes.${type}`) }))}
            width={160}
          />
          <DemoFilter query={query} />
        </>
      }
      query={query}
      columns={columns}
      emptyText={t('ui.parks.empty')}
      rowLink={(row) => `/parks/${row.id}`}
      rowData={(row) => ({ 'data-testid': 'park-row', 'data-id': row.id, 'data-demo': String(row.isDemo) })}
    >
      {creating && (
        <ParkFormDrawer onClose={() => setCreating(false)} onSaved={(park) => navigate(`/parks/${park.id}`)} />
      )}
    </ListPage>
  );
}
