import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Col, Row, Space, Statistic, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  MONEY_FIGURES,
  PROJECT_STAGES,
  PROJECT_TYPES,
  SIDES,
  type ProjectStage,
  type ProjectType,
  type Side,
} from '../../../common/api/enums.ts';
import type { ProjectListParams, ProjectSummary } from '../../../common/api/projects.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery, type UrlQuery } from '../../app/list/use-url-query.ts';
import { DemoFilter } from '../../shared/demo.tsx';
import { DownloadButton } from '../../shared/DownloadButton.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { useColumnChoice } from '../../shared/ColumnChooser.tsx';
import { ProjectMarks, StageTag, WanAmount } from './project-display.tsx';
import { IndustryCascader, PairingSelect } from './ProjectPickers.tsx';
import { projectsApi, type ProjectFilters } from './projects.api.ts';

const FIRST_YEAR = 2017;
const TITLE_WIDTH = 250;
const MONEY_WIDTH = 115;
/** Columns the user may hide; the title, the stage and the four money figures always show. */
const OPTIONAL_COLUMNS = ['pairing', 'hostRegion', 'industry', 'type', 'signedOn'];
/** Filters behind the filter bar's toggle (the address parameters they set). */
const MORE_FILTERS = ['side', 'type', 'industrySection', 'industryDivision', 'demo', 'landmark', 'greenChannel'];

/** The ledger's filters as the address holds them. */
export function ledgerFilters(query: UrlQuery): ProjectFilters {
  const year = Number(query.get('year'));
  return {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    withSubPairs: query.get('pairingId') && query.get('withSubPairs') === 'true' ? 'true' : undefined,
    side: query.get<Side>('side'),
    stage: query.get<ProjectStage>('stage'),
    type: query.get<ProjectType>('type'),
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
  const { t } = useI18n();
  const { can } = useSession();
  const query = useUrlQuery();

  const filters = ledgerFilters(query);
  const params: ProjectListParams = {
    ...filters,
    sort: query.get<NonNullable<ProjectListParams['sort']>>('sort'),
    order: query.get<'asc' | 'desc'>('order'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => projectsApi.list(params, signal), [query.key]);

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 2 }, (_, i) => String(thisYear + 1 - i));
  const industry = [filters.industrySection, filters.industryDivision].filter((v): v is string => !!v);

  const allColumns: TableColumnsType<ProjectSummary> = [
    {
      key: 'title',
      title: t('ui.projects.fields.title'),
      dataIndex: 'title',
      width: TITLE_WIDTH,
      fixed: 'left',
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
      render: (type: ProjectType) => t(`domain.projectTypes.${type}`),
    },
    {
      key: 'stage',
      title: t('ui.projects.fields.stage'),
      dataIndex: 'stage',
      width: 80,
      render: (stage: ProjectStage) => <StageTag stage={stage} />,
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
      width: MONEY_WIDTH,
      align: 'right' as const,
      render: (_: unknown, row: ProjectSummary) => <WanAmount value={row.figures[figure]} />,
    })),
  ];
  // The title stays at the left and the four money figures are always shown; the other columns are the user's
  // choice, so the ledger fits 1366 px without sideways scrolling.
  const { hidden, chooser } = useColumnChoice(
    'duikou.projectLedger.columns',
    OPTIONAL_COLUMNS.map((key) => ({ key, title: String(allColumns.find((c) => c.key === key)!.title) })),
    ['industry', 'type', 'signedOn'],
  );
  const columns = allColumns.filter((c) => !hidden.has(String(c.key)));
  const scrollX = columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);

  return (
    <ListPage<ProjectSummary>
      title="ui.projects.ledgerTitle"
      list={list}
      export={{
        file: () => projectsApi.exportLedger(filters),
        label: t('ui.projects.exportButton'),
        done: t('ui.projects.exported'),
        testId: 'ledger-export',
      }}
      actions={
        <>
          {chooser}
          <Link to={`/projects/stats${filters.pairingId ? `?pairingId=${filters.pairingId}` : ''}`}>
            <Button icon={<BarChartOutlined />}>{t('ui.projects.statsButton')}</Button>
          </Link>
          {can('project.import') && (
            <>
              <DownloadButton
                file={() => projectsApi.template(filters.pairingId)}
                fileName="template.xlsx"
                icon={<DownloadOutlined />}
                testId="ledger-template"
              >
                {t('ui.projects.templateButton')}
              </DownloadButton>
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
        </>
      }
      filterExtra={
        <Button
          onClick={() => query.update(Object.fromEntries([...query.params.keys()].map((k) => [k, undefined])))}
          data-testid="filter-reset"
        >
          {t('ui.projects.filters.reset')}
        </Button>
      }
      filters={
        <>
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
            name="stage"
            placeholder={t('ui.projects.filters.stage')}
            options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`domain.projectStages.${s}`) }))}
            width={100}
            testId="filter-stage"
          />
          <SelectFilter
            query={query}
            name="year"
            placeholder={t('ui.projects.filters.year')}
            options={years.map((y) => ({ value: y, label: y }))}
            width={110}
          />
        </>
      }
      moreFiltersActive={MORE_FILTERS.some((k) => query.get(k) !== undefined)}
      moreFilters={
        <>
          <SelectFilter
            query={query}
            name="side"
            placeholder={t('ui.projects.filters.side')}
            options={SIDES.map((s) => ({ value: s, label: t(`domain.sides.${s}`) }))}
            width={130}
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
        </>
      }
      summary={<Totals totals={list.data?.totals} count={list.data?.total} />}
      query={query}
      columns={columns}
      sortable={['title', 'signedOn', 'signed']}
      emptyText={t('ui.projects.empty')}
      rowLink={(row) => `/projects/${row.id}`}
      rowData={(row) => ({
        'data-testid': 'project-row',
        'data-id': row.id,
        'data-demo': row.isDemo ? 'true' : 'false',
        'data-stage': row.stage,
      })}
      scrollX={scrollX}
    />
  );
}
