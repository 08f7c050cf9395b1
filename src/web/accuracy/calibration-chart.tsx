import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type CalibrationSeries = {
  name: string;
  bins: readonly { meanPredicted: number | null; observedRate: number | null; deals: number }[];
};

/**
 * The reliability diagram: for each tenth of predicted win probability, the mean prediction
 * against the share of those deals that really won in the period. A calibrated model sits on the
 * diagonal; points below it promised more than happened. Point size grows with the deals behind it.
 */
export function CalibrationChart({ series }: { series: readonly CalibrationSeries[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    const colours = ['#1d5c3a', '#e0a526'];
    const percent = (v: number) => `${Math.round(v * 100)} %`;
    const most = Math.max(1, ...series.flatMap((s) => s.bins.map((b) => b.deals)));
    chart.setOption({
      animationDuration: 300,
      legend: { bottom: 0 },
      grid: { left: 28, right: 24, top: 16, bottom: 48, containLabel: true },
      tooltip: {
        trigger: 'item',
        renderMode: 'richText',
        formatter: (p: { seriesName: string; value: [number, number, number] }) =>
          `${p.seriesName}: predicted ${percent(p.value[0])}, won ${percent(p.value[1])} of ${p.value[2]} deals`,
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: 'predicted win probability',
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: percent },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: 'observed win rate',
        nameLocation: 'middle',
        nameGap: 44,
        axisLabel: { formatter: percent, color: '#66748a' },
        splitLine: { lineStyle: { color: '#edf0f4' } },
      },
      series: [
        {
          name: 'Perfectly calibrated',
          type: 'line',
          data: [
            [0, 0],
            [1, 1],
          ],
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#9aa5b5', width: 1 },
          itemStyle: { color: '#9aa5b5' },
          tooltip: { show: false },
        },
        ...series.map((s, i) => ({
          name: s.name,
          type: 'line',
          data: s.bins
            .filter((b) => b.meanPredicted !== null && b.observedRate !== null)
            .map((b) => [b.meanPredicted, b.observedRate, b.deals]),
          symbolSize: (value: [number, number, number]) => 6 + 14 * Math.sqrt(value[2] / most),
          lineStyle: { width: 2, color: colours[i % colours.length] },
          itemStyle: { color: colours[i % colours.length] },
        })),
      ],
    });
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [series]);
  return (
    <div
      ref={element}
      className="chart call-history-chart"
      role="img"
      aria-label={`Calibration of win probabilities: ${series.map((s) => s.name).join(', ')} against observed win rates`}
    />
  );
}
