import { Card, Col, Progress, Row, Skeleton, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Indicator, IndicatorValues } from '../../../common/api/indicators.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { useValueText } from './indicator-display.tsx';
import { indicatorsApi } from './indicators.api.ts';

/** The indicators an official reads first, in this order (the library's codes); inactive ones are left out. */
const TILE_CODES = [
  'task_completion_rate',
  'reports_on_time_rate',
  'signed_wan',
  'arrival_rate',
  'trainees',
  'decisions_on_time_rate',
  'practices_replicated',
  'listing_deals',
] as const;
const YEARS = 5;

type Year = IndicatorValues['series'][number]['years'][number];

/** Good news by the indicator's direction: up is good when higher is better. */
const better = (indicator: Indicator, from: number, to: number) =>
  indicator.direction === 'higher' ? to > from : to < from;

/** The values over the years as a line, without axes: the tile shows the shape, the chart below the numbers. */
function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const [w, h] = [120, 32];
  const min = Math.min(...known);
  const span = Math.max(...known) - min || 1;
  const points = values
    .map((v, i) => (v === null ? null : `${(i / (values.length - 1)) * w},${h - 2 - ((v - min) / span) * (h - 4)}`))
    .filter(Boolean)
    .join(' ');
  return (
    <svg width={w} height={h} role="img" aria-label={label} data-testid="indicator-tile-sparkline">
      <polyline points={points} fill="none" stroke="#1677ff" strokeWidth={1.5} />
    </svg>
  );
}

function Tile({ indicator, years }: { indicator: Indicator; years: Year[] }) {
  const { t, pick } = useI18n();
  const valueText = useValueText();
  // The latest year with a value (this year's may not have any yet), and the one before it for the change.
  const latestAt = years.findLastIndex((y) => y.total.value !== null);
  const latest = latestAt >= 0 ? years[latestAt]! : years[years.length - 1];
  const previous = latestAt > 0 ? years[latestAt - 1]!.total.value : null;
  const value = latest?.total.value ?? null;
  const target = latest?.target === null || latest?.target === undefined ? null : Number(latest.target);
  const name = pick({ zh: indicator.nameZh, en: indicator.nameEn });
  const reached =
    value !== null && target !== null && (indicator.direction === 'higher' ? value >= target : value <= target);
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      data-testid="indicator-tile"
      data-code={indicator.code}
      data-value={value ?? ''}
      data-target={target ?? ''}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Tooltip title={pick({ zh: indicator.definitionZh, en: indicator.definitionEn })}>
          <Typography.Text type="secondary">{name}</Typography.Text>
        </Tooltip>
        <Space align="end" style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space orientation="vertical" size={0}>
            <Typography.Text strong style={{ fontSize: 22 }}>
              {valueText(indicator, value)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {latest ? t('ui.indicators.tileYear', { year: latest.year }) : ''}
              {value !== null && previous !== null && previous !== value && (
                <Typography.Text
                  type={better(indicator, previous, value) ? 'success' : 'danger'}
                  style={{ fontSize: 12 }}
                >
                  {' '}
                  {value > previous ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
                  {t('ui.indicators.tileChange', { value: valueText(indicator, previous) })}
                </Typography.Text>
              )}
            </Typography.Text>
          </Space>
          <Sparkline
            values={years.map((y) => y.total.value)}
            label={t('ui.indicators.tileTrend', { name, years: YEARS })}
          />
        </Space>
        {target === null ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ui.indicators.tileNoTarget')}
          </Typography.Text>
        ) : (
          <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid="indicator-tile-target">
            <Typography.Text style={{ fontSize: 12 }}>
              {t(reached ? 'ui.indicators.tileReached' : 'ui.indicators.tileTarget', {
                target: valueText(indicator, target),
              })}
            </Typography.Text>
            {indicator.direction === 'higher' && target > 0 && (
              <Progress
                size="small"
                percent={Math.min(100, Math.round(((value ?? 0) / target) * 100))}
                status={reached ? 'success' : 'active'}
              />
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}

/**
 * 主要指标: the key indicators of the programme (national dashboard) or of one pairing with its sub-pairs rolled in,
 * each with its latest value, the change from the year before, its trend over five years and the year's target.
 * Nothing for those who may not read indicators.
 */
export default function IndicatorTiles({ pairingId }: { pairingId?: string }) {
  const { can } = useSession();
  return can('indicator.read') ? <Tiles pairingId={pairingId} /> : null;
}

function Tiles({ pairingId }: { pairingId?: string }) {
  const { t } = useI18n();
  const library = useApi((signal) => indicatorsApi.list(signal), []);
  const byCode = new Map((library.data?.items ?? []).filter((i) => i.active).map((i) => [i.code, i]));
  const shown = TILE_CODES.map((code) => byCode.get(code)).filter((i): i is Indicator => Boolean(i));
  const toYear = new Date().getFullYear();
  const ids = shown.map((i) => i.id);
  const values = useApi(
    (signal) =>
      ids.length
        ? indicatorsApi.values({ pairingId, fromYear: toYear - YEARS + 1, toYear, indicatorIds: ids }, signal)
        : Promise.resolve(undefined),
    [ids.join(), pairingId],
  );
  const series = new Map((values.data?.series ?? []).map((s) => [s.indicatorId, s.years]));
  return (
    <Card title={t('ui.indicators.tilesTitle')} data-testid="indicator-tiles">
      {library.loading || values.loading ? (
        <Skeleton active />
      ) : (
        <Row gutter={[12, 12]}>
          {shown.map((i) => (
            <Col key={i.id} xs={24} sm={12} xl={6}>
              <Tile indicator={i} years={series.get(i.id) ?? []} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
