import { lazy, Suspense } from 'react';
import { Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { LightTable, type LightColumn } from '../../shared/LightTable.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { MONEY_FIGURES } from '../../../common/api/enums.ts';
import type { ProjectOverviewStats } from '../../../common/api/projects.ts';
import { formatRate, StageTag, WanAmount } from './project-display.tsx';

const FunnelChart = lazy(() => import('./FunnelChart.tsx'));

type StageRow = ProjectOverviewStats['byStage'][number];

/** Counts of projects, parks and events, with the demo share named. */
export function ProjectCounts({ stats }: { stats: ProjectOverviewStats }) {
  const { t } = useI18n();
  const items = [
    { key: 'projects', value: stats.counts.projects },
    { key: 'landmark', value: stats.counts.landmark },
    { key: 'parks', value: stats.counts.parks },
    { key: 'events', value: stats.counts.events },
  ] as const;
  return (
    <>
      <Row gutter={[16, 16]}>
        {items.map((item) => (
          <Col key={item.key} xs={12} lg={6}>
            <Panel testId={`project-count-${item.key}`}>
              <Statistic title={t(`ui.projects.counts.${item.key}`)} value={item.value} />
            </Panel>
          </Col>
        ))}
      </Row>
      {stats.counts.demo > 0 && (
        <Typography.Text type="secondary" data-testid="project-count-demo">
          {t('ui.projects.counts.demoNote', { count: stats.counts.demo })}
        </Typography.Text>
      )}
    </>
  );
}

/** Projects and each money figure per current stage; stages without projects are left out. */
export function MoneyByStage({ stats }: { stats: ProjectOverviewStats }) {
  const { t } = useI18n();
  const columns: LightColumn<StageRow>[] = [
    { key: 'stage', title: t('ui.projects.dashboard.stage'), width: 80, render: (r) => <StageTag stage={r.stage} /> },
    {
      key: 'projects',
      title: t('ui.projects.dashboard.projects'),
      width: 70,
      align: 'right',
      render: (r) => r.projects,
    },
    ...MONEY_FIGURES.map((figure) => ({
      key: figure,
      title: t(`ui.projects.figures.${figure}`),
      align: 'right' as const,
      render: (r: StageRow) => <WanAmount value={r.figures[figure]} />,
    })),
  ];
  return (
    <div data-testid="money-by-stage">
      <LightTable<StageRow>
        columns={columns}
        rows={stats.byStage.filter((r) => r.projects > 0)}
        rowKey={(r) => r.stage}
        rowTestId="stage-money-row"
        empty={t('ui.projects.empty')}
      />
    </div>
  );
}

export function Funnel({ stats, height }: { stats: ProjectOverviewStats; height?: number }) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <FunnelChart funnel={stats.funnel} height={height} />
    </Suspense>
  );
}

/** The rates of all the projects in view: 到位率, 开工率, 投产率. */
export function OverallRates({ stats }: { stats: ProjectOverviewStats }) {
  const { t } = useI18n();
  const o = stats.overall;
  return (
    <Row gutter={16} data-testid="overall-rates">
      <Col span={8}>
        <Statistic title={t('ui.projects.rates.arrivalRate')} value={formatRate(o.arrivalRate)} />
      </Col>
      <Col span={8}>
        <Statistic title={t('ui.projects.rates.startRate')} value={formatRate(o.startRate)} />
      </Col>
      <Col span={8}>
        <Statistic title={t('ui.projects.rates.productionRate')} value={formatRate(o.productionRate)} />
      </Col>
    </Row>
  );
}

/** Everything the dashboard and a pairing page show about projects: counts, funnel, money by stage, rates. */
export default function ProjectOverview({ stats, extra }: { stats: ProjectOverviewStats; extra?: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="project-overview">
      <ProjectCounts stats={stats} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Panel title={t('ui.projects.funnelTitle')} extra={extra} style={{ height: '100%' }}>
            <Funnel stats={stats} height={260} />
            <OverallRates stats={stats} />
          </Panel>
        </Col>
        <Col xs={24} xl={14}>
          <Panel title={t('ui.projects.byStageTitle')} style={{ height: '100%' }}>
            <MoneyByStage stats={stats} />
          </Panel>
        </Col>
      </Row>
    </div>
  );
}
