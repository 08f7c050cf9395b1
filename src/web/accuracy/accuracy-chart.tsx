import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type AccuracyLine = { name: string; byWeek: readonly { week: number; accuracy01: number }[] };

/** Accuracy by week of the period (1 is exact), one line per person or group. */
export function AccuracyChart({ lines }: { lines: readonly AccuracyLine[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    const maxWeek = Math.max(1, ...lines.flatMap((l) => l.byWeek.map((w) => w.week)));
    const weeks = Array.from({ length: maxWeek }, (_, i) => i + 1);
    const colours = ['#1d5c3a', '#2f6fb5', '#e0a526', '#b4462f', '#6b4fa3'];
    const percent = (v: number) => `${Math.round(v * 100)} %`;
    chart.setOption({
      animationDuration: 300,
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        valueFormatter: (v: number | null) => (v === null ? '—' : percent(v)),
      },
      xAxis: {
        type: 'category',
        data: weeks.map((w) => `W${w}`),
        name: 'week of the period',
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: {
        type: 'value',
        max: 1,
        axisLabel: { formatter: percent, color: '#66748a' },
        splitLine: { lineStyle: { color: '#edf0f4' } },
      },
      series: lines.map((line, i) => ({
        name: line.name,
        type: 'line',
        connectNulls: true,
        lineStyle: { width: i === 0 ? 3 : 2, color: colours[i % colours.length] },
        itemStyle: { color: colours[i % colours.length] },
        data: weeks.map((w) => line.byWeek.find((x) => x.week === w)?.accuracy01 ?? null),
      })),
    });
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [lines]);
  return (
    <div
      ref={element}
      className="chart call-history-chart"
      role="img"
      aria-label={`Accuracy by week of the period for ${lines.map((l) => l.name).join(', ')}`}
    />
  );
}
