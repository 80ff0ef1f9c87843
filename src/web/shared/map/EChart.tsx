import { useEffect, useRef, type CSSProperties } from 'react';
import { echarts, type EChartsOption } from './echarts.ts';

export interface ChartEvent {
  seriesType?: string;
  data?: unknown;
  event?: { offsetX: number; offsetY: number };
}

/** A chart that follows its option and its container's size; disposed with the component. */
export function EChart({
  option,
  onClick,
  onHover,
  style,
  ...rest
}: {
  option: EChartsOption;
  onClick?: (params: ChartEvent) => void;
  /** The item under the pointer, or null when the pointer leaves it. */
  onHover?: (params: ChartEvent | null) => void;
  style?: CSSProperties;
} & Record<`data-${string}`, string | number | undefined>) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const handlers = useRef({ onClick, onHover });
  handlers.current = { onClick, onHover };

  useEffect(() => {
    const chart = echarts.init(ref.current!, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => handlers.current.onClick?.(params as ChartEvent));
    chart.on('mouseover', (params) => handlers.current.onHover?.(params as ChartEvent));
    chart.on('mouseout', () => handlers.current.onHover?.(null));
    chart.on('georoam', () => handlers.current.onHover?.(null));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current!);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height: 480, ...style }} {...rest} />;
}

/** Browser tests (navigator.webdriver) get a still map they can screenshot. */
export const animate = typeof navigator === 'undefined' || !navigator.webdriver;
