import { lazy, useDeferredValue, useEffect, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { ApartmentOutlined, BranchesOutlined, CompassOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { PAIRING_STATUSES } from '../../../common/api/enums.ts';
import type { PairingSummary } from '../../../common/api/pairings.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { releaseFirstScreen } from '../../app/first-screen.ts';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { useProgramme } from '../../app/programme.tsx';
import { loadChinaMap } from '../../shared/map/map-data.ts';
import { PairingMap } from '../../shared/map/PairingMap.tsx';
import { STATUS_COLOURS } from '../../shared/map/pairing-lines.ts';
import { LevelText, RegionNames, StatusTag } from '../pairings/pairing-display.tsx';
import { LightTable, type LightColumn } from '../../shared/LightTable.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { WhenVisible } from '../../shared/WhenVisible.tsx';
import { dashboardApi } from './dashboard.api.ts';

// The map of China is registered as soon as this chunk and the map's file are here, before the figures perhaps: the
// map is then drawn in the page's first render with them (a failure is the map's to show).
loadChinaMap().catch(() => undefined);

// The sections below the map load when they come into view: their tables and charts are not part of the first screen.
const ProjectOverview = lazy(() => import('../projects/ProjectOverview.tsx'));
const PeopleFiguresSection = lazy(() =>
  import('../people/people-display.tsx').then((m) => ({ default: m.PeopleFiguresSection })),
);
const OverdueItemsSection = lazy(() =>
  import('../tracking/OverdueItemsSection.tsx').then((m) => ({ default: m.OverdueItemsSection })),
);
const ListingCountsSection = lazy(() =>
  import('../listings/listing-counts.tsx').then((m) => ({ default: m.ListingCountsSection })),
);
const ReplicationFiguresSection = lazy(() =>
  import('../replication/replication-display.tsx').then((m) => ({ default: m.ReplicationFiguresSection })),
);
const IndicatorTrend = lazy(() => import('../indicators/IndicatorTrend.tsx'));
const IndicatorTiles = lazy(() => import('../indicators/IndicatorTiles.tsx'));
const WorkStatusSection = lazy(() => import('./WorkStatusSection.tsx').then((m) => ({ default: m.WorkStatusSection })));
const LatestRanking = lazy(() => import('../evaluations/LatestRanking.tsx'));

export function DashboardPage() {
  const { t } = useI18n();
  // Whose view it is: the whole country for the national office, else the user's organisation's pairings.
  const me = useMe();
  const national = me.user.roles.includes('national_office');
  const scope = national ? undefined : me.user.organisationName;
  usePageTitle(national ? 'ui.dashboard.title' : 'ui.dashboard.titleScoped', scope);
  const navigate = useNavigate();
  const { requested: programmeId } = useProgramme();
  const { data, error, loading, reload } = useApi((signal) => dashboardApi.get(programmeId, signal), [programmeId]);
  // The map first: the table and the sections below render in a second pass, after the map's first frame.
  const below = useDeferredValue(data);

  const tint = useMemo(() => {
    const provinceCodes = (side: 'sideA' | 'sideB') => [
      ...new Set((data?.pairings ?? []).flatMap((p) => p[side].map((r) => r.provinceCode ?? r.code))),
    ];
    return { a: provinceCodes('sideA'), b: provinceCodes('sideB') };
  }, [data]);

  const columns: LightColumn<PairingSummary>[] = [
    { key: 'name', title: t('ui.pairings.name'), render: (p) => <Typography.Link>{p.name}</Typography.Link> },
    { key: 'sideA', title: t('ui.pairings.sideA'), render: (p) => <RegionNames regions={p.sideA} /> },
    { key: 'sideB', title: t('ui.pairings.sideB'), render: (p) => <RegionNames regions={p.sideB} /> },
    { key: 'level', title: t('ui.pairings.level'), width: 90, render: (p) => <LevelText level={p.level} /> },
    { key: 'status', title: t('ui.pairings.status'), width: 100, render: (p) => <StatusTag status={p.status} /> },
    {
      key: 'subPairs',
      title: t('ui.pairings.subPairCount'),
      width: 110,
      align: 'right',
      render: (p) => p.subPairCount,
    },
    { key: 'startedOn', title: t('ui.pairings.startedOn'), width: 120, render: (p) => p.startedOn ?? '—' },
  ];

  // The frame waits for the map (app/first-screen.ts): an error will not draw it.
  useEffect(() => {
    if (error) releaseFirstScreen();
  }, [error]);

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  const stats = [
    { key: 'pairings', title: t('ui.dashboard.pairings'), value: data?.counts.pairings, icon: <ApartmentOutlined /> },
    { key: 'subPairs', title: t('ui.dashboard.subPairs'), value: data?.counts.subPairs, icon: <BranchesOutlined /> },
    { key: 'regions', title: t('ui.dashboard.regions'), value: data?.counts.regions, icon: <EnvironmentOutlined /> },
    {
      key: 'exploratory',
      title: t('ui.dashboard.exploratory'),
      value: data?.counts.exploratory,
      icon: <CompassOutlined />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="dashboard-title">
          {national ? t('ui.dashboard.title') : t('ui.dashboard.titleOf', { organisation: me.user.organisationName })}
        </Typography.Title>
        {data && (
          <Typography.Text type="secondary">
            {data.programme
              ? [data.programme.name, data.programme.docNo].filter(Boolean).join(' · ')
              : t('ui.dashboard.noProgramme')}
          </Typography.Text>
        )}
      </div>
      {/* Two a row, four from 992 px (as antd's Row and Col xs=12 lg=6, whose grid styles cost the first screen). */}
      <div className="duikou-stats">
        {stats.map((stat) => (
          <Panel key={stat.key} testId={`stat-${stat.key}`}>
            <Statistic title={stat.title} value={stat.value ?? 0} prefix={stat.icon} loading={loading && !data} />
          </Panel>
        ))}
      </div>
      <Panel
        title={t('ui.dashboard.mapTitle')}
        extra={
          <Space size={12} wrap>
            {PAIRING_STATUSES.map((status) => (
              <span key={status}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 18,
                    height: 3,
                    background: STATUS_COLOURS[status],
                    verticalAlign: 'middle',
                    marginRight: 4,
                  }}
                />
                {t(`domain.pairingStatuses.${status}`)}
              </span>
            ))}
            <Typography.Text type="secondary">{t('ui.dashboard.mapHint')}</Typography.Text>
          </Space>
        }
      >
        {data ? (
          <PairingMap
            pairings={data.pairings}
            tint={tint}
            testId="dashboard-map"
            title={t('ui.dashboard.mapTitle')}
            countAttribute="data-pairing-lines"
            height={500}
            onOpen={(id) => navigate(`/pairings/${id}`)}
            onDrawn={releaseFirstScreen}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )}
      </Panel>
      <Panel title={t('ui.dashboard.tableTitle')}>
        {below ? (
          <LightTable<PairingSummary>
            columns={columns}
            rows={below.pairings}
            rowKey={(p) => p.id}
            onRowClick={(p) => navigate(`/pairings/${p.id}`)}
            rowTestId="dashboard-pairing-row"
            empty={t('ui.common.empty')}
          />
        ) : (
          <Skeleton active />
        )}
      </Panel>
      {/* Below the map, each section loads when it comes near the viewport (not part of the first screen); only
          once the map and the table have their height, or their placeholders would all be in view at first. */}
      {below && (
        <>
          <WhenVisible>
            <WorkStatusSection />
          </WhenVisible>
          {below.projects && (
            <section data-testid="dashboard-projects">
              <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, marginBottom: 12 }}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('ui.projects.dashboard.projectsTitle')}
                </Typography.Title>
                <Link to="/projects">{t('ui.projects.openLedger')}</Link>
                <Link to="/projects/stats">{t('ui.projects.openStats')}</Link>
              </div>
              <WhenVisible minHeight={200}>
                <ProjectOverview stats={below.projects} />
              </WhenVisible>
            </section>
          )}
          <WhenVisible>
            <OverdueItemsSection />
          </WhenVisible>
          {/* Nothing while it loads: the section shows nothing at all to users who may not read cadres. */}
          <WhenVisible>
            <PeopleFiguresSection />
          </WhenVisible>
          <WhenVisible>
            <ReplicationFiguresSection />
          </WhenVisible>
          <WhenVisible>
            <ListingCountsSection />
          </WhenVisible>
          {/* The programme's indicators: an office reads its own on its pairings' pages (the values need a pairing). */}
          {national && (
            <WhenVisible>
              <IndicatorTiles />
            </WhenVisible>
          )}
          <Row gutter={[16, 16]}>
            {national && (
              <Col xs={24} xl={14}>
                <WhenVisible>
                  <IndicatorTrend />
                </WhenVisible>
              </Col>
            )}
            <Col xs={24} xl={10}>
              <WhenVisible>
                <LatestRanking />
              </WhenVisible>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
