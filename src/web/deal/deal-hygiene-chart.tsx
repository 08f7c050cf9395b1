import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DealHygieneResponse } from '../../api/hygiene.js';

// Only the parts this chart uses (see the pipeline chart for why the import is modular).
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const dayMs = 86_400_000;

/**
 * The deal's close date and amount over time: each push or pull-in is a step of the close-date
 * line, each amount change a step of the amount line.
 */
export function DealHygieneChart({ hygiene }: { hygiene: DealHygieneResponse }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = element.current;
    if (!node || hygiene.points.length === 0) return;
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    const end = hygiene.asOf;
    const withEnd = <T,>(points: [string, T][]): [string, T][] => {
      const last = points.at(-1);
      return last ? [...points, [end, last[1]]] : points;
    };
    const close = withEnd(
      hygiene.points
        .filter((p) => p.closeDate !== null)
        .map((p) => [p.at, Date.parse(`${p.closeDate}T00:00:00Z`)] as [string, number]),
    );
    const amount = withEnd(
      hygiene.points.map((p) => [p.at, p.amount === null ? 0 : Number(p.amount)] as [string, number]),
    );
    chart.setOption({
      animationDuration: 300,
      legend: { top: 0, textStyle: { color: '#3b4a5e' } },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'time', axisLabel: { color: '#66748a', fontSize: 11 } },
      yAxis: [
        {
          type: 'time',
          name: 'Close date',
          min: (range: { min: number }) => range.min - 7 * dayMs,
          axisLabel: { color: '#66748a', fontSize: 11, formatter: '{yyyy}-{MM}-{dd}' },
          splitLine: { lineStyle: { color: '#edf0f4' } },
        },
        {
          type: 'value',
          name: `Amount (${hygiene.currency})`,
          axisLabel: { color: '#66748a', fontSize: 11 },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: 'Close date',
          type: 'line',
          step: 'end',
          data: close,
          yAxisIndex: 0,
          color: '#c2410c',
          symbolSize: 7,
        },
        {
          name: 'Amount',
          type: 'line',
          step: 'end',
          data: amount,
          yAxisIndex: 1,
          color: '#2f6fb3',
          symbolSize: 7,
        },
      ],
    });
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [hygiene]);
  return (
    <div ref={element} className="hygiene-chart" role="img" aria-label="Close date and amount over time" />
  );
}
