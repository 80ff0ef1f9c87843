import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Col, Row, Space, Statistic, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { isApiError, saveBlob } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { FilterBar, SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { ListTable } from '../../app/list/ListTable.tsx';
import { useUrlQuery, type UrlQuery } from '../../app/list/use-url-query.ts';
import { SIDES } from '../../shared/enums.ts';
import { MONEY_FIGURES, PROJECT_STAGES, PROJECT_TYPES } from './project-enums.ts';
import { ProjectMarks, StageTag, WanAmount } from './project-display.tsx';
import { DemoFilter } from '../../shared/demo.tsx';
import { IndustryCascader, PairingSelect } from './ProjectPickers.tsx';
import { projectsApi, type ProjectFilters, type ProjectListParams } from './projects.api.ts';
import type { ProjectSummary } from './project-types.ts';

const FIRST_YEAR = 2017;

/** The ledger's filters as the address holds them. */
export function ledgerFilters(query: UrlQuery): ProjectFilters {
  const year = Number(query.get('year'));
  return {
    pairingId: query.get('pairingId'),
    withSubPairs: query.get('pairingId') && query.get('withSubPairs') === 'true' ? 'true' : undefined,
    side: query.get<'a' | 'b'>('side'),
    stage: query.get('stage'),
    type: query.get('type'),
    industrySection: query.get('industrySection'),
    industryDivision: query.get('industryDivision'),
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    landmark: query.get('landmark') === 'true' ? 'true' : undefined,
    greenChannel: query.get('greenChannel') === 'true' ? 'true' : undefined,
    demo: query.get<'true' | 'false'>('demo'),
    q: query.get('q'),
  };
}

/** The four money figures of the filtered ledger, each on its own. */
function Totals({ totals, count }: { totals: ProjectSummary['figures'] | undefined; count: number | undefined }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 16 }} data-testid="ledger-totals">
      <Typography.Text type="secondary">
        {t('ui.projects.totalsTitle')}
        {count !== undefined && ` · ${t('ui.projects.totalsHint', { count })}`}
      </Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        {MONEY_FIGURES.map((figure) => (
          <Col key={figure} xs={12} md={6}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic
                title={t(`ui.projects.figures.${figure}`)}
                valueRender={() => <WanAmount value={totals?.[figure] ?? '0'} testId={`total-${figure}`} />}
                loading={!totals}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}

/** 项目台账: every project the user may see, filtered, with the totals of the filtered set, export and import. */
export function ProjectLedgerPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.projects.ledgerTitle');
  const { can } = useSession();
  const message = useMessage();
  const query = useUrlQuery();
  const [downloading, setDownloading] = useState<'export' | 'template' | null>(null);

  const filters = ledgerFilters(query);
  const params: ProjectListParams = {
    ...filters,
    sort: query.get<NonNullable<ProjectListParams['sort']>>('sort'),
    order: query.get<'asc' | 'desc'>('order'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const { data, error, loading, reload } = useApi((signal) => projectsApi.list(params, signal), [query.key]);

  const download = async (kind: 'export' | 'template') => {
    setDownloading(kind);
    try {
      const file =
        kind === 'export' ? await projectsApi.exportLedger(filters) : await projectsApi.template(filters.pairingId);
      saveBlob(file.blob, file.fileName ?? `${kind}.xlsx`);
      if (kind === 'export') message.success(t('ui.projects.exported'));
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setDownloading(null);
    }
  };

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 2 }, (_, i) => String(thisYear + 1 - i));
  const industry = [filters.industrySection, filters.industryDivision].filter((v): v is string => !!v);

  const columns: TableColumnsType<ProjectSummary> = [
    {
      key: 'title',
      title: t('ui.projects.fields.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/${row.id}`} onClick={(e) => e.stopPropagation()} data-testid="project-link">
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.investor}
          </Typography.Text>
          <ProjectMarks project={row} />
        </Space>
      ),
    },
    {
      key: 'pairing',
      title: t('ui.projects.fields.pairing'),
      width: 150,
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.pairingName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`domain.sides.${row.side}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'hostRegion',
      title: t('ui.projects.fields.hostRegion'),
      width: 110,
      render: (_: unknown, row) => row.hostRegion.name,
    },
    {
      key: 'industry',
      title: t('ui.projects.fields.industryShort'),
      width: 130,
      render: (_: unknown, row) => row.industryName ?? '—',
    },
    {
      key: 'type',
      title: t('ui.projects.fields.type'),
      dataIndex: 'type',
      width: 90,
      render: (type: ProjectSummary['type']) => t(`domain.projectTypes.${type}`),
    },
    {
      key: 'stage',
      title: t('ui.projects.fields.stage'),
      dataIndex: 'stage',
      width: 80,
      render: (stage: ProjectSummary['stage']) => <StageTag stage={stage} />,
    },
    {
      key: 'signedOn',
      title: t('ui.projects.fields.signedOn'),
      dataIndex: 'signedOn',
      width: 110,
      render: (d: string | null) => d ?? '—',
    },
    ...MONEY_FIGURES.map((figure) => ({
      key: figure === 'signed' ? 'signed' : `figure-${figure}`,
      title: t(`ui.projects.figures.${figure}`),
      width: 120,
      align: 'right' as const,
      render: (_: unknown, row: ProjectSummary) => <WanAmount value={row.figures[figure]} />,
    })),
  ];

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <Card
      title={t('ui.projects.ledgerTitle')}
      extra={
        <Space wrap>
          <Link to={`/projects/stats${filters.pairingId ? `?pairingId=${filters.pairingId}` : ''}`}>
            <Button icon={<BarChartOutlined />}>{t('ui.projects.statsButton')}</Button>
          </Link>
          <Button
            icon={<FileExcelOutlined />}
            loading={downloading === 'export'}
            onClick={() => download('export')}
            data-testid="ledger-export"
          >
            {t('ui.projects.exportButton')}
          </Button>
          {can('project.import') && (
            <>
              <Button
                icon={<DownloadOutlined />}
                loading={downloading === 'template'}
                onClick={() => download('template')}
                data-testid="ledger-template"
              >
                {t('ui.projects.templateButton')}
              </Button>
              <Link to={`/projects/import${filters.pairingId ? `?pairingId=${filters.pairingId}` : ''}`}>
                <Button icon={<UploadOutlined />} data-testid="ledger-import">
                  {t('ui.projects.importButton')}
                </Button>
              </Link>
            </>
          )}
          {can('project.manage') && (
            <Link to={`/projects/new${filters.pairingId ? `?pairingId=${filters.pairingId}` : ''}`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="project-new">
                {t('ui.projects.newButton')}
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <FilterBar
        extra={
          <Button
            onClick={() => query.update(Object.fromEntries([...query.params.keys()].map((k) => [k, undefined])))}
            data-testid="filter-reset"
          >
            {t('ui.projects.filters.reset')}
          </Button>
        }
      >
        <SearchFilter query={query} placeholder={t('ui.projects.searchPlaceholder')} testId="project-search" />
        <PairingSelect
          value={filters.pairingId}
          onChange={(pairingId) =>
            query.update({ pairingId, withSubPairs: pairingId ? query.get('withSubPairs') : undefined })
          }
          placeholder={t('ui.projects.filters.pairing')}
          width={190}
          testId="filter-pairing"
        />
        {filters.pairingId && (
          <Checkbox
            checked={filters.withSubPairs === 'true'}
            onChange={(e) => query.update({ withSubPairs: e.target.checked ? 'true' : undefined })}
          >
            {t('ui.projects.filters.withSubPairs')}
          </Checkbox>
        )}
        <SelectFilter
          query={query}
          name="side"
          placeholder={t('ui.projects.filters.side')}
          options={SIDES.map((s) => ({ value: s, label: t(`domain.sides.${s}`) }))}
          width={130}
        />
        <SelectFilter
          query={query}
          name="stage"
          placeholder={t('ui.projects.filters.stage')}
          options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`domain.projectStages.${s}`) }))}
          width={100}
          testId="filter-stage"
        />
        <SelectFilter
          query={query}
          name="type"
          placeholder={t('ui.projects.fields.type')}
          options={PROJECT_TYPES.map((s) => ({ value: s, label: t(`domain.projectTypes.${s}`) }))}
          width={110}
        />
        <IndustryCascader
          value={industry}
          onChange={(v) => query.update({ industrySection: v[0], industryDivision: v[1] })}
          placeholder={t('ui.projects.filters.industry')}
          width={200}
          testId="filter-industry"
        />
        <SelectFilter
          query={query}
          name="year"
          placeholder={t('ui.projects.filters.year')}
          options={years.map((y) => ({ value: y, label: y }))}
          width={110}
        />
        <DemoFilter query={query} />
        <Checkbox
          checked={filters.landmark === 'true'}
          onChange={(e) => query.update({ landmark: e.target.checked ? 'true' : undefined })}
          data-testid="filter-landmark"
        >
          {t('ui.projects.filters.landmark')}
        </Checkbox>
        <Checkbox
          checked={filters.greenChannel === 'true'}
          onChange={(e) => query.update({ greenChannel: e.target.checked ? 'true' : undefined })}
          data-testid="filter-green"
        >
          {t('ui.projects.filters.greenChannel')}
        </Checkbox>
      </FilterBar>
      <Totals totals={data?.totals} count={data?.total} />
      <ListTable<ProjectSummary>
        query={query}
        columns={columns}
        data={data}
        loading={loading}
        sortable={['title', 'signedOn', 'signed']}
        emptyText={t('ui.projects.empty')}
        rowLink={(row) => `/projects/${row.id}`}
        rowData={(row) => ({
          'data-testid': 'project-row',
          'data-id': row.id,
          'data-demo': row.isDemo ? 'true' : 'false',
          'data-stage': row.stage,
        })}
        scrollX={1400}
      />
    </Card>
  );
}
