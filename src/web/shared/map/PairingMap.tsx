import { useEffect, useMemo, useState } from 'react';
import { Alert, Space, Spin, Typography } from 'antd';
import type { PairingSummary } from '../../../common/api/pairings.ts';
import { useI18n } from '../../app/i18n.tsx';
import { animate, EChart, type ChartEvent } from './EChart.tsx';
import type { EChartsOption } from './echarts.ts';
import { loadChinaMap, loadProvincesMap, registeredChinaMap, type LoadedMap } from './map-data.ts';
import { pairingGeometry, type LineDatum, type PointDatum } from './pairing-lines.ts';

export interface PairingMapProps {
  /** The map of China, or the merged city-level maps of some provinces. */
  provinces?: string[];
  pairings: PairingSummary[];
  /** Map features to tint, by code: side A (north-east) and side B (east). */
  tint?: { a: string[]; b: string[] };
  testId: string;
  /** What the map shows, for the saved image's file name. */
  title: string;
  /** Name of the data attribute carrying the number of pairings drawn (for browser tests). */
  countAttribute: `data-${string}`;
  height?: number;
  onOpen?: (pairingId: string) => void;
  /** Called once the map is first drawn. */
  onDrawn?: () => void;
}

const TINT_A = '#fbe3df';
const TINT_B = '#e1ebfa';

export function PairingMap({
  provinces,
  pairings,
  tint,
  testId,
  title,
  countAttribute,
  height = 480,
  onOpen,
  onDrawn,
}: PairingMapProps) {
  const { t } = useI18n();
  const provinceKey = provinces?.join(',') ?? '';
  // The map of China is often registered before the map is shown (the dashboard registers it as soon as its file
  // is here): drawn in the first render then, without a spinner and a render more.
  const [map, setMap] = useState<LoadedMap | null>(() => (provinceKey ? null : registeredChinaMap()));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    (provinceKey ? loadProvincesMap(provinceKey.split(',')) : loadChinaMap()).then(
      (loaded) => !cancelled && setMap(loaded),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [provinceKey]);

  const separator = t('ui.common.listSeparator');
  const geometry = useMemo(() => pairingGeometry(pairings, separator), [pairings, separator]);

  const option = useMemo<EChartsOption | null>(() => {
    if (!map) return null;
    const regions = [
      ...(tint?.a ?? []).map((code) => ({ code, color: TINT_A })),
      ...(tint?.b ?? []).map((code) => ({ code, color: TINT_B })),
    ]
      .filter(({ code }) => map.featureNames[code])
      .map(({ code, color }) => ({ name: map.featureNames[code], itemStyle: { areaColor: color } }));
    return {
      animation: animate,
      geo: {
        map: map.mapName,
        roam: true,
        layoutCenter: ['50%', '50%'],
        layoutSize: provinceKey ? '100%' : '115%',
        itemStyle: { areaColor: '#f4f1ec', borderColor: '#c9c2b8', borderWidth: 0.8 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ece4d8' } },
        label: { show: false },
        regions,
      },
      series: [
        {
          type: 'lines',
          coordinateSystem: 'geo',
          zlevel: 1,
          data: geometry.lines,
          lineStyle: { width: provinceKey ? 1.8 : 2.5, opacity: 0.9, curveness: 0.18 },
          emphasis: { lineStyle: { width: 4 } },
          effect: { show: animate, period: 5, symbol: 'arrow', symbolSize: 6, trailLength: 0 },
          cursor: 'pointer',
        },
        {
          type: 'effectScatter',
          // A still map (browser tests) has no ripple until a point is hovered.
          showEffectOn: animate ? 'render' : 'emphasis',
          coordinateSystem: 'geo',
          zlevel: 2,
          data: geometry.points,
          symbolSize: provinceKey ? 6 : 8,
          label: {
            show: true,
            formatter: '{b}',
            position: 'right',
            fontSize: 11,
            color: '#333',
            textBorderColor: '#fff',
            textBorderWidth: 2,
          },
          // Colliding labels (天津 and 大连, a province and its capital's neighbours) first move apart vertically,
          // tied to their point by a leader line; those that would still collide (the cities of one province)
          // are hidden and show on hover.
          labelLayout: { moveOverlap: 'shiftY', hideOverlap: true },
          labelLine: { show: true, length2: 4, lineStyle: { color: '#8c8c8c', width: 0.8 } },
          emphasis: { label: { show: true, fontWeight: 'bold' } },
          cursor: 'pointer',
        },
      ],
    } as EChartsOption;
    // Not on `t`: the option holds no text, and `t` changes when the programme's side names arrive, which would
    // lay out and draw the whole map a second time.
  }, [map, geometry, tint, provinceKey]);

  const [hover, setHover] = useState<{ x: number; y: number; lines: string[] } | null>(null);
  const handleHover = (params: ChartEvent | null) => {
    const datum = params?.data as Partial<LineDatum & PointDatum> | undefined;
    if (!params?.event || !datum) return setHover(null);
    const lines =
      params.seriesType === 'lines' && datum.pairingId
        ? [
            t('ui.dashboard.lineTooltip', {
              name: datum.name ?? '',
              status: t(`domain.pairingStatuses.${datum.status!}`),
            }),
            `${datum.fromName} — ${datum.toName}`,
          ]
        : [datum.name ?? '', datum.code ?? ''];
    setHover({ x: params.event.offsetX, y: params.event.offsetY, lines });
  };

  const handleClick = (params: ChartEvent) => {
    const datum = params.data as Partial<LineDatum & PointDatum> | undefined;
    if (!onOpen || !datum) return;
    if (datum.pairingId) onOpen(datum.pairingId);
    else if (datum.pairingIds?.length === 1) onOpen(datum.pairingIds[0]!);
  };

  if (failed) return <Alert type="warning" showIcon title={t('ui.dashboard.mapError')} />;
  if (!option) {
    return (
      <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Spin description={t('ui.dashboard.mapLoading')} />
      </div>
    );
  }
  const attributes = {
    [countAttribute]: geometry.drawnPairings,
    'data-line-segments': geometry.lines.length,
    'data-testid': testId,
  };
  return (
    <div style={{ position: 'relative' }}>
      <EChart
        option={option}
        fileTitle={title}
        onClick={handleClick}
        onHover={handleHover}
        onDrawn={onDrawn}
        style={{ height }}
        {...attributes}
      />
      {hover && (
        <div
          role="tooltip"
          style={{
            position: 'absolute',
            left: hover.x + 14,
            top: hover.y + 14,
            pointerEvents: 'none',
            background: 'rgba(255,255,255,0.96)',
            border: '1px solid #e5e5e5',
            borderRadius: 4,
            boxShadow: '0 2px 8px rgba(0,0,0,0.12)',
            padding: '6px 10px',
            fontSize: 12,
            lineHeight: 1.6,
            whiteSpace: 'nowrap',
            zIndex: 2,
          }}
        >
          {hover.lines.map((line, i) => (
            <div key={i} style={i === 0 ? { fontWeight: 600 } : { color: '#666' }}>
              {line}
            </div>
          ))}
        </div>
      )}
      {tint && (
        // The two tints named as the programme names its sides (东北地区一方/东部地区一方, 东部一方/西部一方 …).
        <Space size={12} style={{ fontSize: 12, marginInlineEnd: 12 }} data-testid="map-legend">
          {(['a', 'b'] as const).map((side) => (
            <span key={side} data-side={side}>
              <span
                style={{
                  display: 'inline-block',
                  width: 12,
                  height: 12,
                  marginInlineEnd: 4,
                  verticalAlign: 'middle',
                  background: side === 'a' ? TINT_A : TINT_B,
                }}
              />
              {t(`domain.sides.${side}`)}
            </span>
          ))}
        </Space>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="map-source">
        {t('ui.output.mapSource')}
      </Typography.Text>
    </div>
  );
}
