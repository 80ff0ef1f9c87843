import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { FunnelChart as EFunnel } from 'echarts/charts';
import { CanvasRenderer } from 'echarts/renderers';
import { useI18n } from '../../app/i18n.tsx';
import { EChart } from '../../shared/map/EChart.tsx';
import type { EChartsOption } from '../../shared/map/echarts.ts';
import type { ProjectStats } from '../../../common/api/projects.ts';

// Only the funnel: this module is loaded lazily, after the page's figures are on screen.
echarts.use([EFunnel, CanvasRenderer]);

const COLOURS = ['#d9d9d9', '#4096ff', '#36cfc9', '#fa8c16', '#52c41a'];

/** Projects that reached each stage of 谋划 → 签约 → 落位 → 开工 → 投产, as a funnel with its counts written on it. */
export default function FunnelChart({ funnel, height = 300 }: { funnel: ProjectStats['funnel']; height?: number }) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '10%',
          width: '80%',
          top: 10,
          bottom: 10,
          minSize: '12%',
          gap: 3,
          label: {
            show: true,
            position: 'inside',
            color: '#1f1f1f',
            formatter: (p: { name: string; value: number }) =>
              t('ui.projects.funnelReached', { stage: p.name, count: p.value }),
          },
          data: funnel.map((f, i) => ({
            name: t(`domain.projectStages.${f.stage}`),
            value: f.reached,
            itemStyle: { color: COLOURS[i] },
          })),
        },
      ],
    }),
    [funnel, t],
  );
  return (
    <EChart
      option={option}
      fileTitle={t('ui.projects.funnelTitle')}
      style={{ height }}
      data-testid="funnel-chart"
      data-funnel={funnel.map((f) => f.reached).join(',')}
    />
  );
}
