import { useMemo, useState } from 'react';
import { Card, Select, Skeleton, Space, Table, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Indicator, IndicatorValues } from '../../../common/api/indicators.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useProgrammeFilter } from '../../app/programme.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { EChart } from '../../shared/map/EChart.tsx';
import type { EChartsOption } from '../../shared/map/echarts.ts';
import { useValueText } from './indicator-display.tsx';
import { indicatorsApi } from './indicators.api.ts';

// Loaded lazily after the page's first screen, with only the line chart's parts of ECharts.
echarts.use([LineChart, GridComponent, LegendComponent, CanvasRenderer]);

const YEARS = 5;
/** The indicator shown first: the one officials ask about most (到位率), else the first of the library. */
const FIRST = 'arrival_rate';

type Year = IndicatorValues['series'][number]['years'][number];

function TrendChart({ indicator, years }: { indicator: Indicator; years: Year[] }) {
  const { t, pick } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const line = (name: string, data: (number | null)[], dashed = false) => ({
      type: 'line' as const,
      name,
      data,
      connectNulls: false,
      lineStyle: dashed ? { type: 'dashed' as const } : undefined,
    });
    const series = [
      line(
        t('ui.indicators.total'),
        years.map((y) => y.total.value),
      ),
    ];
    if (years.some((y) => y.a))
      series.push(
        line(
          t('domain.sides.a'),
          years.map((y) => y.a?.value ?? null),
        ),
      );
    if (years.some((y) => y.b))
      series.push(
        line(
          t('domain.sides.b'),
          years.map((y) => y.b?.value ?? null),
        ),
      );
    if (years.some((y) => y.target !== null))
      series.push(
        line(
          t('ui.indicators.targetLine'),
          years.map((y) => (y.target === null ? null : Number(y.target))),
          true,
        ),
      );
    return {
      animation: false,
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: t(`ui.indicators.units.${indicator.unit}`) },
      series,
    };
  }, [indicator, years, t]);
  return (
    <EChart
      option={option}
      fileTitle={`${t('ui.indicators.chartFile')}-${pick({ zh: indicator.nameZh, en: indicator.nameEn })}`}
      style={{ height: 260 }}
      data-testid="indicator-trend-chart"
    />
  );
}

/**
 * An indicator's values over the last five years with its target, for a pairing (its sub-pairs rolled in) or, on the
 * national dashboard, the programme. Hidden from those who may not read indicators.
 */
export default function IndicatorTrend({ pairingId }: { pairingId?: string }) {
  const { can } = useSession();
  return can('indicator.read') ? <IndicatorTrendCard pairingId={pairingId} /> : null;
}

function IndicatorTrendCard({ pairingId }: { pairingId?: string }) {
  const { t, pick } = useI18n();
  const valueText = useValueText();
  // Without a pairing: the whole of the programme shown (the server's first when the user works in one).
  const shown = useProgrammeFilter();
  const programmeId = pairingId ? undefined : shown;
  const library = useApi((signal) => indicatorsApi.list(signal), []);
  const active = (library.data?.items ?? []).filter((i) => i.active);
  const [chosen, setChosen] = useState<string | null>(null);
  const indicator = active.find((i) => i.id === chosen) ?? active.find((i) => i.code === FIRST) ?? active[0];
  const toYear = new Date().getFullYear();
  const values = useApi(
    (signal) =>
      indicator
        ? indicatorsApi.values(
            { pairingId, programmeId, fromYear: toYear - YEARS + 1, toYear, indicatorIds: [indicator.id] },
            signal,
          )
        : Promise.resolve(undefined),
    [indicator?.id, pairingId, programmeId],
  );
  const years = values.data?.series[0]?.years ?? [];
  return (
    <Card
      title={t('ui.indicators.trendTitle')}
      data-testid="indicator-trend"
      extra={
        <Select
          style={{ width: 240 }}
          value={indicator?.id}
          placeholder={t('ui.indicators.chooseIndicator')}
          options={active.map((i) => ({ value: i.id, label: pick({ zh: i.nameZh, en: i.nameEn }) }))}
          onChange={setChosen}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="indicator-trend-select"
        />
      }
    >
      {!indicator || values.loading ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {pick({ zh: indicator.definitionZh, en: indicator.definitionEn })}
          </Typography.Text>
          <TrendChart indicator={indicator} years={years} />
          <Table<Year>
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={years}
            columns={[
              { title: t('ui.indicators.year'), dataIndex: 'year', width: 80 },
              {
                title: t('ui.indicators.total'),
                key: 'total',
                render: (_: unknown, y) => valueText(indicator, y.total.value),
              },
              { title: t('domain.sides.a'), key: 'a', render: (_: unknown, y) => valueText(indicator, y.a?.value) },
              { title: t('domain.sides.b'), key: 'b', render: (_: unknown, y) => valueText(indicator, y.b?.value) },
              {
                title: t('ui.indicators.target'),
                key: 'target',
                render: (_: unknown, y) =>
                  y.target === null ? t('ui.indicators.noValue') : valueText(indicator, Number(y.target)),
              },
            ]}
            onRow={(y) => ({ 'data-testid': 'indicator-trend-year', 'data-year': y.year }) as object}
          />
        </Space>
      )}
    </Card>
  );
}
