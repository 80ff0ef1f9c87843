import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Skeleton, Space, Table, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { RankingRow } from '../../../common/api/evaluations.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { EChart } from '../../shared/map/EChart.tsx';
import type { EChartsOption } from '../../shared/map/echarts.ts';
import { SubjectName, useScoreText } from './evaluation-display.tsx';
import { evaluationsApi } from './evaluations.api.ts';

// Loaded lazily below the dashboard's first screen, with only the bar chart's parts of ECharts.
echarts.use([BarChart, GridComponent, CanvasRenderer]);

/** The scores as bars, best at the top, for an official to save as a PNG for a report. */
function RankingChart({ rows, title }: { rows: RankingRow[]; title: string }) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const scored = rows.filter((r) => r.finalScore !== null).reverse();
    const name = (r: RankingRow) =>
      r.side === 'both' ? r.pairingName : `${r.pairingName}（${t(`ui.evaluations.subjectSides.${r.side}`)}）`;
    return {
      animation: false,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: scored.map(name) },
      series: [{ type: 'bar', data: scored.map((r) => r.finalScore), label: { show: true, position: 'right' } }],
    };
  }, [rows, t]);
  return (
    <EChart
      option={option}
      fileTitle={title}
      style={{ height: Math.max(160, 28 * rows.length + 24) }}
      data-testid="latest-ranking-chart"
    />
  );
}

/**
 * The ranking of the last published round: on the national dashboard all of it, as a table and a chart; on a
 * pairing's page (pairingIds: the pairing and its sub-pairs) only their rows, with their rank among all.
 * Nothing for those who may not read rounds.
 */
export default function LatestRanking({ pairingIds }: { pairingIds?: readonly string[] }) {
  const { can } = useSession();
  return can('evaluation.read') ? <LatestRankingCard pairingIds={pairingIds} /> : null;
}

function LatestRankingCard({ pairingIds }: { pairingIds?: readonly string[] }) {
  const { t } = useI18n();
  const scoreText = useScoreText();
  const latest = useApi((signal) => evaluationsApi.latestRanking(signal), []);
  const round = latest.data?.round;
  const all = latest.data?.ranking ?? [];
  const rows = pairingIds ? all.filter((r) => pairingIds.includes(r.pairingId)) : all;
  return (
    <Card
      title={t('ui.evaluations.latestTitle')}
      data-testid="latest-ranking"
      extra={round && <Link to={`/evaluations/${round.id}`}>{round.title}</Link>}
    >
      {latest.loading ? (
        <Skeleton active />
      ) : !round ? (
        <Typography.Text type="secondary">{t('ui.evaluations.noPublished')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {!pairingIds && all.length > 0 && <RankingChart rows={all} title={round.title} />}
          {pairingIds && !rows.length && (
            <Typography.Text type="secondary">{t('ui.evaluations.notRanked')}</Typography.Text>
          )}
          {rows.length > 0 && (
            <Table<RankingRow>
              size="small"
              rowKey="subjectId"
              pagination={false}
              dataSource={rows}
              onRow={(r) => ({ 'data-testid': 'latest-ranking-row', 'data-rank': r.rank ?? '' }) as object}
              columns={[
                {
                  title: t('ui.evaluations.rank'),
                  key: 'rank',
                  width: pairingIds ? 110 : 70,
                  render: (_: unknown, r) =>
                    pairingIds && r.rank !== null
                      ? t('ui.evaluations.rankOf', { rank: r.rank, total: all.length })
                      : r.rank,
                },
                {
                  title: t('ui.indicators.pairing'),
                  key: 'name',
                  render: (_: unknown, r) => <SubjectName pairingName={r.pairingName} side={r.side} />,
                },
                {
                  title: t('ui.evaluations.finalScore'),
                  key: 'score',
                  width: 110,
                  render: (_: unknown, r) => scoreText(r.finalScore),
                },
                { title: t('ui.evaluations.grade'), dataIndex: 'grade', width: 80 },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
