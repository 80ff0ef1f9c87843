import { Link } from 'react-router-dom';
import { Button, Checkbox, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { PLAN_KINDS, type PlanKind, TASK_LIGHTS } from '../../../common/api/enums.ts';
import type { PlanListParams, PlanSummary } from '../../../common/api/plans.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage } from '../../shared/ListPage.tsx';
import { LIGHT_COLOURS } from '../tasks/task-display.tsx';
import { plansApi } from './plans.api.ts';

/** The four light counts of a plan in a row of dots. */
export function LightCounts({ lights }: { lights: PlanSummary['lights'] }) {
  const { t } = useI18n();
  return (
    <span className="duikou-light-counts" data-testid="plan-lights">
      {TASK_LIGHTS.map((light) => (
        <Tooltip key={light} title={t(`domain.taskLights.${light}`)}>
          <span
            className="duikou-light-count-item"
            data-light={light}
            data-count={lights[light]}
            style={{ opacity: lights[light] ? 1 : 0.35 }}
          >
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
  const { can } = useSession();
  const query = useUrlQuery();

  const params: PlanListParams = {
    programmeId: query.programmeId,
    kind: query.get<PlanKind>('kind'),
    q: query.get('q'),
    all: query.get('all') === 'true' ? 'true' : undefined,
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => plansApi.list(params, signal), [query.key]);

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t('ui.plans.planTitle'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/plans/${row.id}`} onClick={(e) => e.stopPropagation()}>
            {title}
          </Link>
          {row.docNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.docNo}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('ui.plans.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: PlanKind) => t(`domain.planKinds.${kind}`),
    },
    {
      title: t('ui.plans.pairing'),
      dataIndex: 'pairingName',
      width: 160,
      render: (name: string | null, row) =>
        row.pairingId ? name : <Typography.Text type="secondary">{t('ui.plans.programmeLevel')}</Typography.Text>,
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
    {
      title: t('ui.plans.lights'),
      dataIndex: 'lights',
      width: 200,
      render: (lights: PlanSummary['lights']) => <LightCounts lights={lights} />,
    },
    { title: t('ui.plans.importedAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
  ];

  return (
    <ListPage<PlanSummary>
      title="ui.plans.title"
      list={list}
      actions={
        can('plan.import') && (
          <Link to="/plans/import">
            <Button type="primary" icon={<UploadOutlined />} data-testid="plan-import-button">
              {t('ui.plans.importButton')}
            </Button>
          </Link>
        )
      }
      filters={
        <>
          <SearchFilter query={query} placeholder={t('ui.plans.searchPlaceholder')} testId="plan-search" />
          <SelectFilter
            query={query}
            name="kind"
            placeholder={t('ui.plans.kind')}
            options={PLAN_KINDS.map((kind) => ({ value: kind, label: t(`domain.planKinds.${kind}`) }))}
            width={170}
          />
          <Checkbox
            checked={params.all === 'true'}
            onChange={(e) => query.update({ all: e.target.checked ? 'true' : undefined })}
          >
            {t('ui.plans.includeSuperseded')}
          </Checkbox>
        </>
      }
      query={query}
      columns={columns}
      emptyText={t('ui.plans.empty')}
      rowLink={(row) => `/plans/${row.id}`}
      rowData={(row) => ({ 'data-testid': 'plan-row', 'data-id': row.id })}
    />
  );
}
