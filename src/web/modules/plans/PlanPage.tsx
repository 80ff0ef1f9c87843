import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Dropdown,
  Empty,
  Input,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import {
  CalendarOutlined,
  ClearOutlined,
  DownloadOutlined,
  FileTextOutlined,
  HistoryOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { SIDES, TASK_LIGHTS, TASK_STATUSES, type TaskLight } from '../../../common/api/enums.ts';
import type { PlanSectionNode } from '../../../common/api/plans.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { useUrlQuery, type QueryChanges } from '../../app/list/use-url-query.ts';
import { useSession } from '../../app/session.tsx';
import { DownloadButton } from '../../shared/DownloadButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { LightLegend } from '../tasks/task-display.tsx';
import { TaskPanel } from '../tasks/TaskPanel.tsx';
import { plansApi } from './plans.api.ts';
import { PlanDiffView } from './PlanDiffView.tsx';
import { PlanSourceDrawer } from './PlanSourceDrawer.tsx';
import { planTasks } from '../../../common/plan-tasks.ts';
import { TaskTree, sectionNo, type TaskFilter } from './TaskTree.tsx';
import { PrintButton } from '../../shared/PrintButton.tsx';

interface Filters {
  side?: 'a' | 'b';
  unit?: string;
  status?: TaskSummary['status'];
  light?: TaskLight;
  section?: string;
}

/** The sections as options, indented by depth, and each section's id with those of its subsections. */
function sectionIndex(sections: PlanSectionNode[]) {
  const options: { value: string; label: string }[] = [];
  const subtree = new Map<string, Set<string>>();
  const walk = (s: PlanSectionNode, depth: number): string[] => {
    options.push({ value: s.id, label: `${'\u3000'.repeat(depth)}${sectionNo(s.no)}${s.title}` });
    const ids = [s.id, ...s.children.flatMap((c) => walk(c, depth + 1))];
    subtree.set(s.id, new Set(ids));
    return ids;
  };
  sections.forEach((s) => walk(s, 0));
  return { options, subtree };
}

/**
 * A plan: its task tree with traffic lights, filters (side, unit, status, light, section), the selected task's
 * clause and details beside the tree, the 任务台账 download, and its versions.
 */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const query = useUrlQuery();
  const { data: plan, error, loading, reload } = useApi((signal) => plansApi.get(id, signal), [id]);
  usePageTitle('ui.plans.title', plan?.title);
  const [showSource, setShowSource] = useState(false);

  const filters: Filters = {
    side: query.get<NonNullable<Filters['side']>>('side'),
    unit: query.get('unit'),
    status: query.get<NonNullable<Filters['status']>>('status'),
    light: query.get<NonNullable<Filters['light']>>('light'),
    section: query.get('section'),
  };
  const selectedId = query.get('task');
  const filtered = Object.values(filters).some(Boolean);

  // The tree is not paged: a filter or the chosen task changes only its own parameters.
  const update = (changes: QueryChanges) => query.update(changes, false);

  const sections = useMemo(() => sectionIndex(plan?.sections ?? []), [plan]);
  const tasks = useMemo(() => (plan ? planTasks(plan) : []), [plan]);

  /** Every filter but the light: the legend counts what the other filters leave. */
  const keepExceptLight: TaskFilter = useMemo(() => {
    const unit = filters.unit?.trim().toLowerCase();
    const inSection = filters.section ? sections.subtree.get(filters.section) : undefined;
    return (task) =>
      (!filters.side || task.units.some((u) => u.side === filters.side)) &&
      (!unit || task.units.some((u) => u.name.toLowerCase().includes(unit))) &&
      (!filters.status || task.status === filters.status) &&
      (!inSection || (task.sectionId !== null && inSection.has(task.sectionId)));
  }, [filters.side, filters.unit, filters.status, filters.section, sections]);
  const keep: TaskFilter = (task) => keepExceptLight(task) && (!filters.light || task.light === filters.light);

  const counts = useMemo(() => {
    const c: Record<TaskLight, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
    for (const task of tasks) if (keepExceptLight(task)) c[task.light]++;
    return c;
  }, [tasks, keepExceptLight]);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !plan) return <Skeleton active paragraph={{ rows: 14 }} />;
  if (!plan) return null;

  const shownCount = tasks.filter(keep).length;
  const current = plan.versions.find((v) => v.current);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plan-page">
      <Breadcrumb items={[{ title: <Link to="/plans">{t('ui.plans.title')}</Link> }, { title: plan.title }]} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="plan-title">
          {plan.title}
        </Typography.Title>
        <Tag color="red">{t(`domain.planKinds.${plan.kind}`)}</Tag>
        <Tag color={plan.current ? 'blue' : 'default'} data-testid="plan-version">
          {t('ui.plans.versionNo', { version: plan.versionNo })}
          {plan.current ? '' : ` · ${t('ui.plans.superseded')}`}
        </Tag>
        <div style={{ flex: 1 }} />
        <Space wrap>
          <PrintButton />
          {plan.versions.length > 1 && (
            <Dropdown
              menu={{
                items: plan.versions.map((v) => ({
                  key: v.id,
                  label: (
                    <Link to={`/plans/${v.id}`}>
                      {t('ui.plans.versionNo', { version: v.versionNo })}
                      {v.current ? ` · ${t('ui.plans.currentVersion')}` : ''}
                      {` · ${formatDateTime(v.createdAt)}`}
                    </Link>
                  ),
                })),
                selectedKeys: [plan.id],
              }}
            >
              <Button icon={<HistoryOutlined />} data-testid="plan-versions">
                {t('ui.plans.versions', { count: plan.versions.length })}
              </Button>
            </Dropdown>
          )}
          {plan.kind === 'implementation' && plan.pairingId && plan.current && can('plan.import') && (
            <Link to={`/plans/${plan.id}/annual`}>
              <Button icon={<CalendarOutlined />} data-testid="annual-plan-open">
                {t('ui.plans.annualOpen')}
              </Button>
            </Link>
          )}
          {plan.current && can('task.update') && (
            <Link to={`/plans/${plan.id}/assign`}>
              <Button icon={<TeamOutlined />} data-testid="bulk-assign-open">
                {t('ui.tasks.bulk.open')}
              </Button>
            </Link>
          )}
          {plan.source && (
            <Button icon={<FileTextOutlined />} onClick={() => setShowSource(true)} data-testid="plan-source-open">
              {t('ui.plans.viewSource')}
            </Button>
          )}
          <DownloadButton
            file={() => plansApi.ledger(plan.id)}
            fileName={t('ui.plans.ledgerFileName', { title: plan.title })}
            done={t('ui.plans.ledgerDone')}
            type="primary"
            icon={<DownloadOutlined />}
            testId="ledger-download"
          >
            {t('ui.plans.ledger')}
          </DownloadButton>
        </Space>
      </div>

      {!plan.current && current && (
        <Alert
          type="warning"
          showIcon
          title={t('ui.plans.supersededNotice', { version: current.versionNo })}
          action={
            <Link to={`/plans/${current.id}`}>
              <Button size="small">{t('ui.plans.openCurrent')}</Button>
            </Link>
          }
        />
      )}

      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('ui.plans.pairing')}>
            {plan.pairingId ? (
              <Link to={`/pairings/${plan.pairingId}`}>{plan.pairingName}</Link>
            ) : (
              t('ui.plans.programmeLevel')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.plans.docNo')}>{plan.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ui.plans.sourceFile')}>
            {plan.source
              ? t('ui.plans.sourceFileLines', { file: plan.source.fileName, lines: plan.source.lineCount })
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.plans.importedAt')}>{formatDateTime(plan.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('ui.plans.taskCount')}>{plan.taskCount}</Descriptions.Item>
          {plan.year !== null && <Descriptions.Item label={t('ui.plans.year')}>{plan.year}</Descriptions.Item>}
        </Descriptions>
        {plan.changes && (
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'changes',
                label: t('ui.plans.changesAgainstPrevious', { version: plan.versionNo - 1 }),
                children: <PlanDiffView diff={plan.changes} />,
              },
            ]}
          />
        )}
      </Card>

      <Card size="small" styles={{ body: { padding: 12 } }}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }} data-testid="plan-filters">
          <Select
            allowClear
            placeholder={t('ui.plans.filterSide')}
            value={filters.side}
            onChange={(side) => update({ side })}
            options={SIDES.map((side) => ({ value: side, label: t(`domain.sides.${side}`) }))}
            style={{ width: 150 }}
            data-testid="filter-side"
          />
          <Input.Search
            key={filters.unit ?? ''}
            allowClear
            placeholder={t('ui.plans.filterUnit')}
            defaultValue={filters.unit}
            onSearch={(unit) => update({ unit })}
            style={{ width: 190 }}
            data-testid="filter-unit"
          />
          <Select
            allowClear
            placeholder={t('ui.plans.filterStatus')}
            value={filters.status}
            onChange={(status) => update({ status })}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`domain.taskStatuses.${s}`) }))}
            style={{ width: 120 }}
            data-testid="filter-status"
          />
          <Select
            allowClear
            placeholder={t('ui.plans.filterLight')}
            value={filters.light}
            onChange={(light) => update({ light })}
            options={TASK_LIGHTS.map((l) => ({ value: l, label: t(`domain.taskLights.${l}`) }))}
            style={{ width: 120 }}
            data-testid="filter-light"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('ui.plans.filterSection')}
            value={filters.section}
            onChange={(section) => update({ section })}
            options={sections.options}
            style={{ width: 240 }}
            popupMatchSelectWidth={320}
            data-testid="filter-section"
          />
          {filtered && (
            <Button
              icon={<ClearOutlined />}
              onClick={() => update({ side: null, unit: null, status: null, light: null, section: null })}
              data-testid="filter-reset"
            >
              {t('ui.common.reset')}
            </Button>
          )}
          <div style={{ flex: 1 }} />
          <LightLegend counts={counts} active={filters.light} onToggle={(light) => update({ light })} />
        </div>
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={selectedId ? 13 : 24}>
          <Card
            size="small"
            title={
              <span data-testid="tree-count" data-count={shownCount}>
                {filtered
                  ? t('ui.plans.tasksFiltered', { shown: shownCount, total: tasks.length })
                  : t('ui.plans.tasksTotal', { total: tasks.length })}
              </span>
            }
          >
            <TaskTree
              sections={plan.sections}
              looseTasks={plan.tasks}
              keep={keep}
              selectedId={selectedId}
              onSelect={(task) => update({ task: task === selectedId ? null : task })}
              empty={
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    filtered
                      ? t('ui.plans.noMatch')
                      : !plan.current && current
                        ? t('ui.plans.supersededNoTasks', { version: current.versionNo })
                        : t('ui.plans.noTasks')
                  }
                  data-testid="tree-empty"
                />
              }
            />
          </Card>
        </Col>
        {selectedId && (
          <Col xs={24} lg={11}>
            <Card size="small" className="duikou-sticky-panel" data-testid="task-panel">
              <TaskPanel taskId={selectedId} compact onChanged={reload} />
            </Card>
          </Col>
        )}
      </Row>

      {showSource && <PlanSourceDrawer planId={plan.id} taskId={selectedId} onClose={() => setShowSource(false)} />}

      {!selectedId && tasks.length > 0 && (
        <Typography.Text type="secondary" style={{ textAlign: 'center', display: 'block' }}>
          {t('ui.plans.selectHint')}
        </Typography.Text>
      )}

      {plan.measures.length > 0 && (
        <Card size="small" title={t('ui.plans.measures')} data-testid="plan-measures">
          <Collapse
            ghost
            size="small"
            items={plan.measures.map((m) => ({
              key: m.id,
              label: `${m.no}${m.title}`,
              children: <div style={{ whiteSpace: 'pre-wrap' }}>{m.text ?? t('ui.common.none')}</div>,
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
