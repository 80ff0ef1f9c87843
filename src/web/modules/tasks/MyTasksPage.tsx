import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Card, Input, Select, Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { TaskSummary } from '../../app/api-types.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { TASK_LIGHTS, TASK_STATUSES } from '../../shared/enums.ts';
import { tasksApi, type TaskListParams } from './tasks.api.ts';
import { DeadlineText, LightDot, LightLegend, TaskStatusTag, unitNames } from './task-display.tsx';

/** 我的任务: the tasks the user's own organisation leads or co-operates on, across plans, latest deadline last. */
export function MyTasksPage() {
  const { t } = useI18n();
  usePageTitle('ui.tasks.mineTitle');
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  const query: TaskListParams = {
    mine: 'true',
    status: (params.get('status') as TaskListParams['status']) ?? undefined,
    light: (params.get('light') as TaskListParams['light']) ?? undefined,
    q: params.get('q') ?? undefined,
    sort: (params.get('sort') as TaskListParams['sort']) ?? 'deadline',
    order: (params.get('order') as TaskListParams['order']) ?? 'asc',
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const { data, error, loading, reload } = useApi((signal) => tasksApi.list(query, signal), [params.toString()]);

  const update = (changes: Record<string, string | number | undefined | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const myRole = (task: TaskSummary) => {
    const roles = new Set(task.units.filter((u) => u.organisationId === me.user.organisationId).map((u) => u.role));
    return roles.has('lead') ? t('domain.unitRoles.lead') : roles.has('co') ? t('domain.unitRoles.co') : '—';
  };

  const columns: TableColumnsType<TaskSummary> = [
    { title: '', dataIndex: 'light', width: 36, render: (light: TaskSummary['light']) => <LightDot light={light} /> },
    { title: t('ui.tasks.code'), dataIndex: 'code', width: 80 },
    {
      title: t('ui.tasks.taskTitle'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/tasks/${row.id}`} onClick={(e) => e.stopPropagation()}>
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.pairingName, row.planTitle].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('ui.tasks.myRole'), key: 'role', width: 110, render: (_: unknown, row) => myRole(row) },
    {
      title: t('ui.tasks.leadUnits'),
      key: 'lead',
      ellipsis: true,
      render: (_: unknown, row) => unitNames(row.units, 'lead', t) || '—',
    },
    {
      title: t('ui.tasks.deadline'),
      dataIndex: 'deadline',
      key: 'deadline',
      width: 120,
      sorter: true,
      sortOrder: query.sort === 'deadline' ? (query.order === 'desc' ? 'descend' : 'ascend') : null,
      render: (deadline: string | null, row) => <DeadlineText deadline={deadline} light={row.light} />,
    },
    { title: t('ui.tasks.status'), dataIndex: 'status', width: 100, render: (s: TaskSummary['status']) => <TaskStatusTag status={s} /> },
  ];

  const onChange: TableProps<TaskSummary>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    update(
      {
        page: pagination.current,
        pageSize: pagination.pageSize,
        sort: s?.order && s.columnKey === 'deadline' ? 'deadline' : 'plan',
        order: s?.order === 'descend' ? 'desc' : 'asc',
      },
      false,
    );
  };

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <Card title={t('ui.tasks.mineTitle')} extra={<Typography.Text type="secondary">{me.user.organisationName}</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('ui.tasks.searchPlaceholder')}
            defaultValue={query.q}
            onSearch={(q) => update({ q })}
            style={{ width: 240 }}
            data-testid="task-search"
          />
          <Select
            allowClear
            placeholder={t('ui.tasks.filterStatus')}
            value={query.status}
            onChange={(status) => update({ status })}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`domain.taskStatuses.${s}`) }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder={t('ui.tasks.filterLight')}
            value={query.light}
            onChange={(light) => update({ light })}
            options={TASK_LIGHTS.map((l) => ({ value: l, label: t(`domain.taskLights.${l}`) }))}
            style={{ width: 130 }}
          />
        </Space>
        <LightLegend counts={data?.lights} active={query.light} onToggle={(light) => update({ light })} />
      </Space>
      <Table<TaskSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        onChange={onChange}
        locale={{ emptyText: t('ui.tasks.mineEmpty') }}
        pagination={{
          current: data?.page ?? query.page,
          pageSize: data?.pageSize ?? query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('ui.common.total', { total }),
        }}
        rowClassName={() => 'duikou-clickable-row'}
        onRow={(record) => ({ onClick: () => navigate(`/tasks/${record.id}`), 'data-testid': 'my-task-row', 'data-light': record.light }) as React.HTMLAttributes<HTMLElement>}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}
