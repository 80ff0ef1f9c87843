// Only the parts of ECharts the maps use, so the dashboard chunk stays small (the full build is ~1 MB). The hover
// tooltip is drawn by PairingMap itself: ECharts' TooltipComponent brings the axis-pointer machinery (~15 kB).
import * as echarts from 'echarts/core';
import { LinesChart, EffectScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

// LabelLayout (about 5 kB) hides the labels of crowded points, such as the cities of one province, until hovered.
// No ScatterChart: it brings the cartesian grid and its axes (the charts with axes add GridComponent themselves); the
// points are effect scatters, whose ripple is off for a still map.
echarts.use([LinesChart, EffectScatterChart, GeoComponent, LabelLayout, CanvasRenderer]);

export { echarts };
export type EChartsOption = Parameters<echarts.ECharts['setOption']>[0];
