import { useEffect, useRef, type CSSProperties } from 'react';
import { Button, Tooltip } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useFirstScreenDone } from '../../app/first-screen.ts';
import { useI18n } from '../../app/i18n.tsx';
import { FONT_FAMILY } from '../../app/theme.ts';
import { echarts, type EChartsOption } from './echarts.ts';

export interface ChartEvent {
  seriesType?: string;
  data?: unknown;
  event?: { offsetX: number; offsetY: number };
}

/** The page's fonts on the canvas too (ECharts' default, 'sans-serif', has no Chinese on many systems: FONT_FAMILY). */
const CHART_THEME = { textStyle: { fontFamily: FONT_FAMILY } };

/**
 * Every chart of the app: follows its option and its container's size, is disposed with the component, and can be
 * saved as a PNG named after it and the day, in the user's language (the button does not print).
 */
export function EChart({
  option,
  fileTitle,
  onClick,
  onHover,
  onDrawn,
  style,
  ...rest
}: {
  option: EChartsOption;
  /** What the chart shows, for the saved image's file name ("项目推进漏斗-2026-12-06.png"). */
  fileTitle: string;
  onClick?: (params: ChartEvent) => void;
  /** The item under the pointer, or null when the pointer leaves it. */
  onHover?: (params: ChartEvent | null) => void;
  /** Called once, when the first option has been drawn on the canvas. */
  onDrawn?: () => void;
  style?: CSSProperties;
} & Record<`data-${string}`, string | number | undefined>) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const handlers = useRef({ onClick, onHover, onDrawn });
  handlers.current = { onClick, onHover, onDrawn };
  const drawn = useRef(false);

  useEffect(() => {
    const chart = echarts.init(ref.current!, CHART_THEME, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => handlers.current.onClick?.(params as ChartEvent));
    chart.on('mouseover', (params) => handlers.current.onHover?.(params as ChartEvent));
    chart.on('mouseout', () => handlers.current.onHover?.(null));
    chart.on('georoam', () => handlers.current.onHover?.(null));
    const el = ref.current!;
    // The observer's first call reports the size the chart was made with, in the frame of its first paint; a
    // resize is a whole update (the map laid out and drawn again), so it is made only when the size changed.
    const observer = new ResizeObserver(() => {
      if (el.clientWidth !== chart.getWidth() || el.clientHeight !== chart.getHeight()) chart.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    // setOption draws at once (ECharts flushes its renderer unless told to wait for the next frame).
    chart.setOption(option, { notMerge: true });
    if (!drawn.current) {
      drawn.current = true;
      handlers.current.onDrawn?.();
    }
  }, [option]);

  const { t } = useI18n();
  // The save button (antd's Button and Tooltip, their styles made at first use) comes after the first screen.
  const firstScreenDone = useFirstScreenDone();
  const save = () => {
    const chart = chartRef.current;
    if (!chart) return;
    const link = document.createElement('a');
    link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    link.download = `${t('ui.output.chartFile', { title: fileTitle, date: new Date().toLocaleDateString('sv-SE') })}.png`;
    link.click();
  };

  return (
    <div style={{ position: 'relative' }}>
      <div ref={ref} style={{ width: '100%', height: 480, ...style }} {...rest} />
      {firstScreenDone && (
        <Tooltip title={t('ui.output.saveImage')}>
          <Button
            className="no-print"
            size="small"
            type="text"
            icon={<CameraOutlined />}
            aria-label={t('ui.output.saveImage')}
            onClick={save}
            data-testid="chart-save"
            style={{ position: 'absolute', top: 4, right: 4, zIndex: 5 }}
          />
        </Tooltip>
      )}
    </div>
  );
}

/** Browser tests (navigator.webdriver) get a still map they can screenshot. */
export const animate = typeof navigator === 'undefined' || !navigator.webdriver;
