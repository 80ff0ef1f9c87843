import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType, type TableProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { PlanSummary } from '../../app/api-types.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { PLAN_KINDS, TASK_LIGHTS } from '../../shared/enums.ts';
import { formatDateTime } from '../../shared/format.ts';
import { LIGHT_COLOURS } from '../tasks/task-display.tsx';
import { plansApi, type PlanListParams } from './plans.api.ts';

/** The four light counts of a plan in a row of dots. */
export function LightCounts({ lights }: { lights: PlanSummary['lights'] }) {
  const { t } = useI18n();
  return (
    <span className="duikou-light-counts" data-testid="plan-lights">
      {TASK_LIGHTS.map((light) => (
        <Tooltip key={light} title={t(`domain.taskLights.${light}`)}>
          <span className="duikou-light-count-item" data-light={light} data-count={lights[light]} style={{ opacity: lights[light] ? 1 : 0.35 }}>
            <span className="duikou-light" style={{ width: 10, height: 10, background: LIGHT_COLOURS[light] }} />
            {lights[light]}
          </span>
        </Tooltip>
      ))}
    </span>
  );
}

/** The plans the user may see: implementation plans of their pairings, the national plan, annual plans. */
export function PlanListPage() {
  const { t } = useI18n();
  usePageTitle('ui.plans.title');
  const navigate = useNavigate();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();

  const query: PlanListParams = {
    kind: (params.get('kind') as PlanListParams['kind']) ?? undefined,
    q: params.get('q') ?? undefined,
    all: params.get('all') === 'true' ? 'true' : undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const { data, error, loading, reload } = useApi((signal) => plansApi.list(query, signal), [params.toString()]);

  const update = (changes: Record<string, string | number | undefined | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t('ui.plans.planTitle'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/plans/${row.id}`} onClick={(e) => e.stopPropagation()}>
            {title}
          </Link>
          {row.docNo && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.docNo}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('ui.plans.kind'), dataIndex: 'kind', width: 130, render: (kind: PlanSummary['kind']) => t(`domain.planKinds.${kind}`) },
    {
      title: t('ui.plans.pairing'),
      dataIndex: 'pairingName',
      width: 160,
      render: (name: string | null, row) => (row.pairingId ? name : <Typography.Text type="secondary">{t('ui.plans.programmeLevel')}</Typography.Text>),
    },
    {
      title: t('ui.plans.version'),
      dataIndex: 'versionNo',
      width: 170,
      render: (versionNo: number, row) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <span>{t('ui.plans.versionNo', { version: versionNo })}</span>
          {!row.current && <Tag>{t('ui.plans.superseded')}</Tag>}
        </Space>
      ),
    },
    { title: t('ui.plans.taskCount'), dataIndex: 'taskCount', width: 80, align: 'right' },
    { title: t('ui.plans.lights'), dataIndex: 'lights', width: 200, render: (lights: PlanSummary['lights']) => <LightCounts lights={lights} /> },
    { title: t('ui.plans.importedAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
  ];

  const onChange: TableProps<PlanSummary>['onChange'] = (pagination) => update({ page: pagination.current, pageSize: pagination.pageSize }, false);

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <Card
      title={t('ui.plans.title')}
      extra={
        can('plan.import') && (
          <Link to="/plans/import">
            <Button type="primary" icon={<UploadOutlined />} data-testid="plan-import-button">
              {t('ui.plans.importButton')}
            </Button>
          </Link>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('ui.plans.searchPlaceholder')}
          defaultValue={query.q}
          onSearch={(q) => update({ q })}
          style={{ width: 260 }}
          data-testid="plan-search"
        />
        <Select
          allowClear
          placeholder={t('ui.plans.kind')}
          value={query.kind}
          onChange={(kind) => update({ kind })}
          options={PLAN_KINDS.map((kind) => ({ value: kind, label: t(`domain.planKinds.${kind}`) }))}
          style={{ width: 170 }}
        />
        <Checkbox checked={query.all === 'true'} onChange={(e) => update({ all: e.target.checked ? 'true' : undefined })}>
          {t('ui.plans.includeSuperseded')}
        </Checkbox>
      </Space>
      <Table<PlanSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        onChange={onChange}
        locale={{ emptyText: t('ui.plans.empty') }}
        pagination={{
          current: data?.page ?? query.page,
          pageSize: data?.pageSize ?? query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('ui.common.total', { total }),
        }}
        rowClassName={() => 'duikou-clickable-row'}
        onRow={(record) => ({ onClick: () => navigate(`/plans/${record.id}`), 'data-testid': 'plan-row', 'data-id': record.id }) as React.HTMLAttributes<HTMLElement>}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
