import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Checkbox, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PAIRING_LEVELS, PAIRING_STATUSES } from '../../../common/api/enums.ts';
import type { PairingListParams, PairingSummary } from '../../../common/api/pairings.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { ListPage } from '../../shared/ListPage.tsx';
import { LevelText, RegionNames, StatusTag } from './pairing-display.tsx';
import { pairingsApi } from './pairings.api.ts';
import { PairingFormDrawer } from './PairingFormDrawer.tsx';

const SORTABLE = ['name', 'level', 'startedOn'] as const;

export function PairingListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { can } = useSession();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);

  const params: PairingListParams = {
    programmeId: query.programmeId,
    level: query.get<NonNullable<PairingListParams['level']>>('level'),
    status: query.get<NonNullable<PairingListParams['status']>>('status'),
    q: query.get('q'),
    parentId: query.get('top') === '1' ? 'root' : undefined,
    sort: query.get<NonNullable<PairingListParams['sort']>>('sort'),
    order: query.get<NonNullable<PairingListParams['order']>>('order'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => pairingsApi.list(params, signal), [query.key]);

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

  return (
    <ListPage<PairingSummary>
      title="ui.pairings.title"
      list={list}
      export={{ file: () => pairingsApi.exportList(params), testId: 'list-export' }}
      actions={
        can('pairing.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="pairing-create">
            {t('ui.pairings.new')}
          </Button>
        )
      }
      filters={
        <>
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
            options={PAIRING_STATUSES.map((status) => ({
              value: status,
              label: t(`domain.pairingStatuses.${status}`),
            }))}
          />
          <Checkbox
            checked={params.parentId === 'root'}
            onChange={(e) => query.update({ top: e.target.checked ? 1 : undefined })}
          >
            {t('ui.pairings.onlyTopLevel')}
          </Checkbox>
        </>
      }
      query={query}
      columns={columns}
      sortable={SORTABLE}
      rowLink={(row) => `/pairings/${row.id}`}
      rowData={() => ({ 'data-testid': 'pairing-row' })}
    >
      {creating && (
        <PairingFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            navigate(`/pairings/${saved.id}`);
          }}
        />
      )}
    </ListPage>
  );
}
