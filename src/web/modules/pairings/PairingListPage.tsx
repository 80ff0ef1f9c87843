import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Checkbox, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PAIRING_LEVELS, PAIRING_STATUSES } from '../../shared/enums.ts';
import type { PairingSummary } from '../../app/api-types.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { FilterBar, SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { ListTable } from '../../app/list/ListTable.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { LevelText, RegionNames, StatusTag } from '../../shared/pairing-display.tsx';
import { pairingsApi, type PairingListParams } from './pairings.api.ts';
import { PairingFormDrawer } from './PairingFormDrawer.tsx';

const SORTABLE = ['name', 'level', 'startedOn'] as const;

export function PairingListPage() {
  const { t } = useI18n();
  usePageTitle('ui.pairings.title');
  const navigate = useNavigate();
  const { can } = useSession();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);

  const params: PairingListParams = {
    level: query.get<NonNullable<PairingListParams['level']>>('level'),
    status: query.get<NonNullable<PairingListParams['status']>>('status'),
    q: query.get('q'),
    parentId: query.get('top') === '1' ? 'root' : undefined,
    sort: query.get<NonNullable<PairingListParams['sort']>>('sort'),
    order: query.get<NonNullable<PairingListParams['order']>>('order'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const { data, error, loading, reload } = useApi((signal) => pairingsApi.list(params, signal), [query.key]);

  const columns: TableColumnsType<PairingSummary> = [
    {
      title: t('ui.pairings.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    {
      title: t('ui.pairings.sideA'),
      dataIndex: 'sideA',
      render: (r: PairingSummary['sideA']) => <RegionNames regions={r} />,
    },
    {
      title: t('ui.pairings.sideB'),
      dataIndex: 'sideB',
      render: (r: PairingSummary['sideB']) => <RegionNames regions={r} />,
    },
    {
      title: t('ui.pairings.level'),
      dataIndex: 'level',
      key: 'level',
      width: 100,
      render: (l: PairingSummary['level']) => <LevelText level={l} />,
    },
    {
      title: t('ui.pairings.theme'),
      dataIndex: 'theme',
      ellipsis: true,
      render: (theme: string | null) => theme ?? '—',
    },
    {
      title: t('ui.pairings.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: PairingSummary['status']) => <StatusTag status={s} />,
    },
    { title: t('ui.pairings.subPairCount'), dataIndex: 'subPairCount', width: 100, align: 'right' },
    {
      title: t('ui.pairings.startedOn'),
      dataIndex: 'startedOn',
      key: 'startedOn',
      width: 120,
      render: (d: string | null) => d ?? '—',
    },
  ];

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <Card
      title={t('ui.pairings.title')}
      extra={
        can('pairing.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="pairing-create">
            {t('ui.pairings.new')}
          </Button>
        )
      }
    >
      <FilterBar>
        <SearchFilter query={query} placeholder={t('ui.pairings.searchPlaceholder')} testId="pairing-search" />
        <SelectFilter
          query={query}
          name="level"
          placeholder={t('ui.pairings.filterLevel')}
          options={PAIRING_LEVELS.map((level) => ({ value: level, label: t(`domain.pairingLevels.${level}`) }))}
        />
        <SelectFilter
          query={query}
          name="status"
          placeholder={t('ui.pairings.filterStatus')}
          options={PAIRING_STATUSES.map((status) => ({ value: status, label: t(`domain.pairingStatuses.${status}`) }))}
        />
        <Checkbox
          checked={params.parentId === 'root'}
          onChange={(e) => query.update({ top: e.target.checked ? 1 : undefined })}
        >
          {t('ui.pairings.onlyTopLevel')}
        </Checkbox>
      </FilterBar>
      <ListTable<PairingSummary>
        query={query}
        columns={columns}
        data={data}
        loading={loading}
        sortable={SORTABLE}
        rowLink={(row) => `/pairings/${row.id}`}
        rowData={() => ({ 'data-testid': 'pairing-row' })}
      />
      {creating && (
        <PairingFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            navigate(`/pairings/${saved.id}`);
          }}
        />
      )}
    </Card>
  );
}
