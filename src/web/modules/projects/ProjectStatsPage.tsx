import { Link } from 'react-router-dom';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Row,
  Segmented,
  Skeleton,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { FileExcelOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { DownloadButton } from '../../shared/DownloadButton.tsx';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { FilterBar } from '../../app/list/FilterBar.tsx';
import { DemoFilter } from '../../shared/demo.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { Funnel, MoneyByStage, ProjectCounts } from './ProjectOverview.tsx';
import { PairingSelect } from './ProjectPickers.tsx';
import { useIndustries } from '../../shared/use-industries.ts';
import { wanText } from '../../shared/format.ts';
import { projectsApi } from './projects.api.ts';
import { STATS_GROUPS, type StatsGroup } from '../../../common/api/enums.ts';
import type { ProjectStatsParams, RateRow } from '../../../common/api/projects.ts';
import { formatRate } from './project-display.tsx';

/** 项目统计: the funnel, money by stage, and 到位率/开工率/投产率 by pairing, side, industry or signing year. */
export function ProjectStatsPage() {
  const { t, locale } = useI18n();
  usePageTitle('ui.projects.statsTitle');
  const query = useUrlQuery();
  const industries = useIndustries();
  const groupBy: StatsGroup = (STATS_GROUPS as readonly string[]).includes(query.get('groupBy') ?? '')
    ? (query.get('groupBy') as StatsGroup)
    : 'pairing';
  const pairingId = query.get('pairingId');
  const params: ProjectStatsParams = {
    programmeId: query.programmeId,
    pairingId,
    withSubPairs: pairingId && query.get('withSubPairs') === 'true' ? ('true' as const) : undefined,
    groupBy,
    demo: query.get<'true' | 'false'>('demo'),
  };
  const { data, error, loading, reload } = useApi((signal) => projectsApi.stats(params, signal), [query.key]);

  // The server names groups in Chinese; the English interface names sides, industries and years itself.
  const label = (row: RateRow) => {
    if (groupBy === 'side' && (row.key === 'a' || row.key === 'b')) return t(`domain.sides.${row.key}`);
    if (groupBy === 'industry') {
      if (!row.key) return t('ui.projects.noIndustry');
      const section = industries?.sections.find((s) => s.code === row.key);
      return section ? `${section.code} ${locale === 'en' ? section.nameEn : section.name}` : row.label;
    }
    if (groupBy === 'year') return row.key || t('ui.projects.unsigned');
    return row.label;
  };

  const columns: TableColumnsType<RateRow> = [
    {
      key: 'label',
      title: t(`ui.projects.groupBy.${groupBy}`),
      render: (_: unknown, row) => (row.key === 'all' ? <strong>{t('ui.projects.rates.overall')}</strong> : label(row)),
    },
    { key: 'projects', title: t('ui.projects.rates.projects'), dataIndex: 'projects', align: 'right', width: 80 },
    {
      key: 'signedProjects',
      title: t('ui.projects.rates.signedProjects'),
      dataIndex: 'signedProjects',
      align: 'right',
      width: 80,
    },
    {
      key: 'startedProjects',
      title: t('ui.projects.rates.startedProjects'),
      dataIndex: 'startedProjects',
      align: 'right',
      width: 80,
    },
    {
      key: 'producingProjects',
      title: t('ui.projects.rates.producingProjects'),
      dataIndex: 'producingProjects',
      align: 'right',
      width: 80,
    },
    {
      key: 'signedAmount',
      title: t('ui.projects.rates.signedAmount'),
      dataIndex: 'signedAmount',
      align: 'right',
      width: 130,
      render: (v: string) => wanText(v),
    },
    {
      key: 'arrivedFunds',
      title: t('ui.projects.rates.arrivedFunds'),
      dataIndex: 'arrivedFunds',
      align: 'right',
      width: 130,
      render: (v: string) => wanText(v),
    },
    {
      key: 'arrivalRate',
      title: t('ui.projects.rates.arrivalRate'),
      dataIndex: 'arrivalRate',
      align: 'right',
      width: 90,
      render: (v: string | null) => formatRate(v),
    },
    {
      key: 'startRate',
      title: t('ui.projects.rates.startRate'),
      dataIndex: 'startRate',
      align: 'right',
      width: 90,
      render: (v: string | null) => formatRate(v),
    },
    {
      key: 'productionRate',
      title: t('ui.projects.rates.productionRate'),
      dataIndex: 'productionRate',
      align: 'right',
      width: 90,
      render: (v: string | null) => formatRate(v),
    },
  ];

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="project-stats">
      <Card
        title={t('ui.projects.statsTitle')}
        extra={
          <Space wrap className="no-print">
            <DownloadButton
              file={() => projectsApi.exportStats(params)}
              fileName="stats.xlsx"
              done={t('ui.output.exported')}
              icon={<FileExcelOutlined />}
              testId="list-export"
            >
              {t('ui.output.export')}
            </DownloadButton>
            <Link to={`/projects${pairingId ? `?pairingId=${pairingId}` : ''}`}>
              <Button icon={<UnorderedListOutlined />}>{t('ui.projects.openLedger')}</Button>
            </Link>
          </Space>
        }
      >
        <FilterBar>
          <PairingSelect
            value={pairingId}
            onChange={(id) => query.update({ pairingId: id })}
            placeholder={t('ui.projects.filters.pairing')}
            width={220}
            testId="stats-pairing"
          />
          {pairingId && (
            <Checkbox
              checked={params.withSubPairs === 'true'}
              onChange={(e) => query.update({ withSubPairs: e.target.checked ? 'true' : undefined })}
            >
              {t('ui.projects.filters.withSubPairs')}
            </Checkbox>
          )}
          <DemoFilter query={query} />
        </FilterBar>
        {data ? <ProjectCounts stats={data} /> : <Skeleton active />}
      </Card>
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Card title={t('ui.projects.funnelTitle')} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">{t('ui.projects.funnelHint')}</Typography.Paragraph>
              <Funnel stats={data} height={300} />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card title={t('ui.projects.byStageTitle')} style={{ height: '100%' }}>
              <MoneyByStage stats={data} />
            </Card>
          </Col>
        </Row>
      )}
      <Card
        title={t('ui.projects.ratesTitle')}
        extra={
          <Segmented<StatsGroup>
            value={groupBy}
            onChange={(v) => query.update({ groupBy: v === 'pairing' ? undefined : v })}
            options={STATS_GROUPS.map((g) => ({ value: g, label: t(`ui.projects.groupBy.${g}`) }))}
            data-testid="stats-group"
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('ui.projects.rates.definition')}</Typography.Paragraph>
        <Table<RateRow>
          rowKey="key"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data ? [...data.groups, data.overall] : []}
          pagination={false}
          onRow={(row) => ({ 'data-testid': 'rate-row', 'data-key': row.key }) as React.HTMLAttributes<HTMLElement>}
          scroll={{ x: 1000 }}
        />
      </Card>
    </Space>
  );
}
