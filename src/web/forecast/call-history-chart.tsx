import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { CallHistoryResponse } from '../../api/calls.js';
import { formatMoney } from '../format/format-money.js';

// Only the parts this chart uses (see pipeline/category-chart.tsx); the canvas renderer keeps the
// content security policy free of inline styles.
echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type CandorWeek = { p10: number; p50: number; p90: number } | null;

type ChartProps = {
  history: CallHistoryResponse;
  /** Candor's range as of each week's due time, in week order; empty when the server has no forecast. */
  candor: readonly CandorWeek[];
};

/**
 * A person's calls week by week against the roll-up at each due time and, when available, Candor's
 * P10–P90 range (a fan drawn as a band stacked on P10) with its P50; the actual as a line.
 */
export function CallHistoryChart({ history, candor }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    const money = (value: number) => formatMoney(String(value), history.currency, { compact: true });
    const weeks = history.weeks.map((w) => `W${w.week}`);
    const value = (text: string | null | undefined) =>
      text === null || text === undefined ? null : Number(text);
    const hasCandor = candor.some((c) => c !== null);
    const series: object[] = [
      {
        name: 'Commit call',
        type: 'line',
        data: history.weeks.map((w) => value(w.call?.commit)),
        lineStyle: { width: 3, color: '#1d5c3a' },
        itemStyle: { color: '#1d5c3a' },
        connectNulls: false,
        markLine: {
          symbol: 'none',
          label: { formatter: `Actual ${money(Number(history.actual))}`, color: '#1f2d3d' },
          lineStyle: { color: '#b4462f', type: 'dashed' },
          data: [{ yAxis: Number(history.actual) }],
        },
      },
      {
        name: 'Best case call',
        type: 'line',
        data: history.weeks.map((w) => value(w.call?.bestCase)),
        lineStyle: { type: 'dashed', color: '#e0a526' },
        itemStyle: { color: '#e0a526' },
      },
      {
        name: 'Roll-up (Closed + Commit)',
        type: 'line',
        data: history.weeks.map((w) => value(w.rollupCommit)),
        lineStyle: { color: '#8da6c8' },
        itemStyle: { color: '#8da6c8' },
      },
    ];
    if (hasCandor) {
      series.unshift(
        {
          name: 'Candor P10',
          type: 'line',
          stack: 'candor',
          data: candor.map((c) => c?.p10 ?? null),
          lineStyle: { opacity: 0 },
          symbol: 'none',
          tooltip: { show: false },
        },
        {
          name: 'Candor P10–P90',
          type: 'line',
          stack: 'candor',
          data: candor.map((c) => (c ? c.p90 - c.p10 : null)),
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(47, 111, 181, 0.18)' },
          itemStyle: { color: 'rgba(47, 111, 181, 0.5)' },
          symbol: 'none',
        },
        {
          name: 'Candor P50',
          type: 'line',
          data: candor.map((c) => c?.p50 ?? null),
          lineStyle: { color: '#2f6fb5', type: 'dotted', width: 2 },
          itemStyle: { color: '#2f6fb5' },
        },
      );
    }
    chart.setOption({
      animationDuration: 300,
      legend: {
        bottom: 0,
        data: series.map((s) => (s as { name: string }).name).filter((n) => n !== 'Candor P10'),
      },
      grid: { left: 8, right: 96, top: 24, bottom: 40, containLabel: true },
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        valueFormatter: (v: number | null) => (v === null ? '—' : money(v)),
      },
      xAxis: { type: 'category', data: weeks, axisLabel: { color: '#3b4a5e' } },
      yAxis: {
        type: 'value',
        axisLabel: { color: '#66748a', fontSize: 11, formatter: money },
        splitLine: { lineStyle: { color: '#edf0f4' } },
      },
      series,
    });
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [history, candor]);

  return (
    <div
      ref={element}
      className="chart call-history-chart"
      role="img"
      aria-label={`Weekly calls of ${history.name} for ${history.period} against the roll-up${
        candor.some((c) => c !== null) ? " and Candor's range" : ''
      }`}
    />
  );
}
