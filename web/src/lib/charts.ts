// ECharts with only the charts and components the dashboard uses (tree-shaken).

import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

export const palette = {
  current: '#1e4e8c',
  target: '#9aa8bd',
  gap: '#c4392b',
  series: ['#1e4e8c', '#2f8f83', '#c98a1b', '#7a4e9c', '#c4392b', '#56657d'],
  ink: '#1b2333',
  muted: '#5b6577',
  grid: '#e3e7ee',
};
