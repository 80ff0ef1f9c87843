import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Input, Select, Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PAIRING_LEVELS, PAIRING_STATUSES } from '../../shared/enums.ts';
import type { PairingSummary } from '../../app/api-types.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { LevelText, RegionNames, StatusTag } from '../../shared/pairing-display.tsx';
import { pairingsApi, type PairingListParams } from './pairings.api.ts';
import { PairingFormDrawer } from './PairingFormDrawer.tsx';

const SORTABLE = ['name', 'level', 'startedOn'] as const;

export function PairingListPage() {
  const { t } = useI18n();
  usePageTitle('ui.pairings.title');
  const navigate = useNavigate();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);

  const query: PairingListParams = {
    level: (params.get('level') as PairingListParams['level']) ?? undefined,
    status: (params.get('status') as PairingListParams['status']) ?? undefined,
    q: params.get('q') ?? undefined,
    parentId: params.get('top') === '1' ? 'root' : undefined,
    sort: (params.get('sort') as PairingListParams['sort']) ?? undefined,
    order: (params.get('order') as PairingListParams['order']) ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const key = params.toString();
  const { data, error, loading, reload } = useApi((signal) => pairingsApi.list(query, signal), [key]);

  const update = (changes: Record<string, string | number | undefined | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const sortOrder = (column: string) =>
    query.sort === column ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const columns: TableColumnsType<PairingSummary> = [
    { title: t('ui.pairings.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrder('name'), render: (name: string) => <Typography.Link>{name}</Typography.Link> },
    { title: t('ui.pairings.sideA'), dataIndex: 'sideA', render: (r: PairingSummary['sideA']) => <RegionNames regions={r} /> },
    { title: t('ui.pairings.sideB'), dataIndex: 'sideB', render: (r: PairingSummary['sideB']) => <RegionNames regions={r} /> },
    { title: t('ui.pairings.level'), dataIndex: 'level', key: 'level', width: 100, sorter: true, sortOrder: sortOrder('level'), render: (l: PairingSummary['level']) => <LevelText level={l} /> },
    { title: t('ui.pairings.theme'), dataIndex: 'theme', ellipsis: true, render: (theme: string | null) => theme ?? '—' },
    { title: t('ui.pairings.status'), dataIndex: 'status', width: 100, render: (s: PairingSummary['status']) => <StatusTag status={s} /> },
    { title: t('ui.pairings.subPairCount'), dataIndex: 'subPairCount', width: 100, align: 'right' },
    { title: t('ui.pairings.startedOn'), dataIndex: 'startedOn', key: 'startedOn', width: 120, sorter: true, sortOrder: sortOrder('startedOn'), render: (d: string | null) => d ?? '—' },
  ];

  const onChange: TableProps<PairingSummary>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = typeof s?.columnKey === 'string' && (SORTABLE as readonly string[]).includes(s.columnKey) ? s.columnKey : undefined;
    update(
      {
        page: pagination.current,
        pageSize: pagination.pageSize,
        sort: s?.order && column ? column : undefined,
        order: s?.order && column ? (s.order === 'descend' ? 'desc' : 'asc') : undefined,
      },
      false,
    );
  };

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
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('ui.pairings.searchPlaceholder')}
          defaultValue={query.q}
          onSearch={(q) => update({ q })}
          style={{ width: 260 }}
          data-testid="pairing-search"
        />
        <Select
          allowClear
          placeholder={t('ui.pairings.filterLevel')}
          value={query.level}
          onChange={(level) => update({ level })}
          options={PAIRING_LEVELS.map((level) => ({ value: level, label: t(`domain.pairingLevels.${level}`) }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('ui.pairings.filterStatus')}
          value={query.status}
          onChange={(status) => update({ status })}
          options={PAIRING_STATUSES.map((status) => ({ value: status, label: t(`domain.pairingStatuses.${status}`) }))}
          style={{ width: 140 }}
        />
        <Checkbox checked={query.parentId === 'root'} onChange={(e) => update({ top: e.target.checked ? 1 : undefined })}>
          {t('ui.pairings.onlyTopLevel')}
        </Checkbox>
      </Space>
      <Table<PairingSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        onChange={onChange}
        locale={{ emptyText: t('ui.common.empty') }}
        pagination={{
          current: data?.page ?? query.page,
          pageSize: data?.pageSize ?? query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('ui.common.total', { total }),
        }}
        rowClassName={() => 'duikou-clickable-row'}
        onRow={(record) => ({ onClick: () => navigate(`/pairings/${record.id}`), 'data-testid': 'pairing-row' }) as React.HTMLAttributes<HTMLElement>}
        scroll={{ x: 1000 }}
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
