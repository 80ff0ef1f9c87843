import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TaskSummary } from '../../../common/api/tasks.ts';
import type { UnitInput } from '../../../common/api/tasks.ts';
import { isApiError } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { OrganisationSelect } from '../admin/users/OrganisationSelect.tsx';
import { LightDot } from './task-display.tsx';
import { tasksApi } from './tasks.api.ts';

/** The most tasks one page lists (the list's page size limit); a plan has at most a few hundred. */
const PLAN_TASKS = 500;

/**
 * 批量分工: the office gives units to many of a plan's tasks at once — selected one by one, a whole section, or as
 * the clauses name them (suggestions, confirmed per task) — instead of editing each task.
 */
export function BulkAssignPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.tasks.bulk.title');
  const message = useMessage();
  const { id: planId = '' } = useParams();
  const tasks = useApi((signal) => tasksApi.list({ planId, pageSize: PLAN_TASKS }, signal), [planId]);
  const suggestions = useApi((signal) => tasksApi.unitSuggestions(planId, signal), [planId]);
  const [selected, setSelected] = useState<string[]>([]);
  const [section, setSection] = useState<string | undefined>();
  const [unit, setUnit] = useState<{ organisationId?: string; side: 'a' | 'b'; role: 'lead' | 'co' }>({
    side: 'a',
    role: 'lead',
  });
  const [busy, setBusy] = useState(false);
  const items = tasks.data?.items ?? [];
  const suggested = useMemo(
    () => new Map((suggestions.data?.items ?? []).map((i) => [i.taskId, i.units])),
    [suggestions.data],
  );
  const sections = [
    ...new Map(items.flatMap((i) => (i.sectionId ? [[i.sectionId, i.sectionTitle ?? '']] : []))).entries(),
  ];

  const reload = () => {
    tasks.reload();
    suggestions.reload();
  };
  const run = async (work: () => Promise<number>) => {
    setBusy(true);
    try {
      const updated = await work();
      message.success(t('ui.tasks.bulk.done', { count: updated }));
      setSelected([]);
      reload();
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setBusy(false);
    }
  };
  const addUnit = () =>
    run(async () => {
      const input: UnitInput = { organisationId: unit.organisationId, side: unit.side, role: unit.role };
      return (await tasksApi.addUnits({ taskIds: selected, units: [input] })).updated;
    });
  // Each task takes the units its own clause names, so one request per task.
  const applySuggestions = () =>
    run(async () => {
      let updated = 0;
      for (const taskId of selected) {
        const units = suggested.get(taskId);
        if (!units?.length) continue;
        updated += (
          await tasksApi.addUnits({
            taskIds: [taskId],
            units: units.map((u) => ({ organisationId: u.organisationId, side: u.side, role: u.role })),
          })
        ).updated;
      }
      return updated;
    });

  const columns: TableColumnsType<TaskSummary> = [
    {
      title: t('ui.tasks.code'),
      dataIndex: 'code',
      width: 70,
      render: (c: string, r) => (
        <Space size={6}>
          <LightDot light={r.light} />
          {c}
        </Space>
      ),
    },
    {
      title: t('ui.tasks.bulk.task'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/tasks/${r.id}`}>{title}</Link>
          {r.sectionTitle && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.sectionTitle}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('ui.tasks.bulk.units'),
      key: 'units',
      width: 260,
      render: (_: unknown, r) =>
        r.units.length ? (
          r.units.map((u) => <Tag key={`${u.side}${u.name}`}>{u.name}</Tag>)
        ) : (
          <Typography.Text type="secondary">{t('ui.tasks.bulk.none')}</Typography.Text>
        ),
    },
    {
      title: t('ui.tasks.bulk.suggested'),
      key: 'suggested',
      width: 280,
      render: (_: unknown, r) =>
        (suggested.get(r.id) ?? []).map((u) => (
          <Tag
            key={u.organisationId}
            color="blue"
            data-testid="bulk-suggestion"
            title={t('ui.tasks.bulk.matched', { words: u.matched })}
          >
            {u.name} · {t(`domain.unitRoles.${u.role}`)}
          </Tag>
        )),
    },
  ];

  if (tasks.error) return <ErrorResult error={tasks.error} onRetry={reload} />;
  return (
    <Card title={t('ui.tasks.bulk.title')} extra={<Link to={`/plans/${planId}`}>{t('ui.tasks.bulk.back')}</Link>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 260 }}
          placeholder={t('ui.tasks.bulk.section')}
          value={section}
          onChange={setSection}
          allowClear
          options={sections.map(([value, label]) => ({ value, label }))}
          data-testid="bulk-section"
        />
        <Button
          disabled={!section}
          onClick={() => setSelected(items.filter((i) => i.sectionId === section).map((i) => i.id))}
          data-testid="bulk-select-section"
        >
          {t('ui.tasks.bulk.selectSection')}
        </Button>
        <Button
          onClick={() => setSelected(items.filter((i) => !i.units.length).map((i) => i.id))}
          data-testid="bulk-select-unassigned"
        >
          {t('ui.tasks.bulk.selectUnassigned')}
        </Button>
        <Typography.Text data-testid="bulk-selected" data-count={selected.length}>
          {t('ui.tasks.bulk.selected', { count: selected.length })}
        </Typography.Text>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrganisationSelect
          style={{ width: 280 }}
          placeholder={t('ui.tasks.bulk.organisation')}
          value={unit.organisationId}
          onChange={(organisationId) => setUnit({ ...unit, organisationId })}
        />
        <Select
          style={{ width: 120 }}
          value={unit.side}
          onChange={(side) => setUnit({ ...unit, side })}
          options={(['a', 'b'] as const).map((s) => ({ value: s, label: t(`domain.sides.${s}`) }))}
          data-testid="bulk-side"
        />
        <Select
          style={{ width: 120 }}
          value={unit.role}
          onChange={(role) => setUnit({ ...unit, role })}
          options={(['lead', 'co'] as const).map((r) => ({ value: r, label: t(`domain.unitRoles.${r}`) }))}
          data-testid="bulk-role"
        />
        <Button
          type="primary"
          disabled={!selected.length || !unit.organisationId}
          loading={busy}
          onClick={() => void addUnit()}
          data-testid="bulk-add"
        >
          {t('ui.tasks.bulk.add', { count: selected.length })}
        </Button>
        <Button
          disabled={!selected.some((id) => suggested.has(id))}
          loading={busy}
          onClick={() => void applySuggestions()}
          data-testid="bulk-apply-suggestions"
        >
          {t('ui.tasks.bulk.applySuggestions')}
        </Button>
      </Space>
      <Table<TaskSummary>
        rowKey="id"
        size="small"
        loading={tasks.loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        onRow={(r) => ({ 'data-testid': 'bulk-row', 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
