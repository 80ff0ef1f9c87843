import { Link } from 'react-router-dom';
import { Space, Typography, type TableColumnsType } from 'antd';
import { TASK_LIGHTS, TASK_STATUSES, type TaskLight, type TaskStatus } from '../../../common/api/enums.ts';
import type { TaskListParams, TaskSummary } from '../../../common/api/tasks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { ListPage } from '../../shared/ListPage.tsx';
import { tasksApi } from './tasks.api.ts';
import { DeadlineText, LightDot, LightLegend, TaskStatusTag, unitNames } from './task-display.tsx';

/** 我的任务: the tasks the user's own organisation leads or co-operates on, across plans, latest deadline last. */
export function MyTasksPage() {
  const { t } = useI18n();
  const me = useMe();
  const query = useUrlQuery();

  const params: TaskListParams = {
    programmeId: query.programmeId,
    mine: 'true',
    status: query.get<TaskStatus>('status'),
    light: query.get<TaskLight>('light'),
    q: query.get('q'),
    sort: query.get<NonNullable<TaskListParams['sort']>>('sort') ?? 'deadline',
    order: query.get<NonNullable<TaskListParams['order']>>('order') ?? 'asc',
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => tasksApi.list(params, signal), [query.key]);

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
      render: (deadline: string | null, row) => <DeadlineText deadline={deadline} light={row.light} />,
    },
    {
      title: t('ui.tasks.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: TaskStatus) => <TaskStatusTag status={s} />,
    },
  ];

  return (
    <ListPage<TaskSummary>
      title="ui.tasks.mineTitle"
      list={list}
      actions={<Typography.Text type="secondary">{me.user.organisationName}</Typography.Text>}
      filterExtra={
        <LightLegend counts={list.data?.lights} active={params.light} onToggle={(light) => query.update({ light })} />
      }
      filters={
        <>
          <SearchFilter query={query} placeholder={t('ui.tasks.searchPlaceholder')} width={240} testId="task-search" />
          <SelectFilter
            query={query}
            name="status"
            placeholder={t('ui.tasks.filterStatus')}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`domain.taskStatuses.${s}`) }))}
            width={130}
          />
          <SelectFilter
            query={query}
            name="light"
            placeholder={t('ui.tasks.filterLight')}
            options={TASK_LIGHTS.map((l) => ({ value: l, label: t(`domain.taskLights.${l}`) }))}
            width={130}
          />
        </>
      }
      query={query}
      columns={columns}
      sortable={['deadline']}
      emptyText={t('ui.tasks.mineEmpty')}
      rowLink={(row) => `/tasks/${row.id}`}
      rowData={(row) => ({ 'data-testid': 'my-task-row', 'data-light': row.light })}
      scrollX={900}
    />
  );
}
