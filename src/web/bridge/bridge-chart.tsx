import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { BridgeResponse } from '../../api/bridge.js';
import { formatMoney } from '../format/format-money.js';
import { layoutAxisLabels, shortStepLabels } from './waterfall-labels.js';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer, LegacyGridContainLabel]);

export type WaterfallBar = {
  key: string;
  /** The full name, for the tooltip and the description; `short` goes under the bar. */
  label: string;
  short: string;
  base: number;
  rise: number;
  fall: number;
  total: number;
  won: number;
  open: number;
};

/**
 * The bars of a waterfall: the start, each step that moves value (zero-net steps are in the
 * table), then the end split into won and open. Floats only for drawing; the figures shown beside
 * come from the exact decimal strings.
 */
export function waterfallBars(report: BridgeResponse): WaterfallBar[] {
  const empty = { base: 0, rise: 0, fall: 0, total: 0, won: 0, open: 0 };
  const bars: WaterfallBar[] = [
    { ...empty, key: 'start', label: 'Open at the start', short: 'Start', total: Number(report.start) },
  ];
  let running = Number(report.start);
  for (const step of report.steps) {
    const amount = Number(step.amount);
    if (amount === 0) continue;
    const next = running + amount;
    bars.push({
      ...empty,
      key: step.kind,
      label: step.label,
      short: shortStepLabels[step.kind],
      base: Math.min(running, next),
      rise: amount > 0 ? amount : 0,
      fall: amount < 0 ? -amount : 0,
    });
    running = next;
  }
  bars.push({
    ...empty,
    key: 'end',
    label: 'End: won + open',
    short: 'End',
    won: Number(report.won),
    open: Number(report.open),
  });
  return bars;
}

export function BridgeChart({ report, onPick }: { report: BridgeResponse; onPick: (key: string) => void }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const bars = waterfallBars(report);
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    // The value axis takes about 70 px; the bars share the rest, and their labels follow the width.
    const axisLabel = () => ({
      color: '#3b4a5e',
      fontSize: 11,
      interval: 0,
      overflow: 'break' as const,
      ...layoutAxisLabels({
        labels: bars.map((b) => b.short),
        plotWidth: node.clientWidth - 90,
        fontSize: 11,
      }),
    });
    const observer = new ResizeObserver(() => {
      chart.resize();
      chart.setOption({ xAxis: { axisLabel: axisLabel() } });
    });
    observer.observe(node);
    const money = (value: number) => formatMoney(String(value), report.currency, { compact: true });
    const series = (name: string, values: number[], colour: string, label: boolean) => ({
      name,
      type: 'bar' as const,
      stack: 'waterfall',
      barMaxWidth: 48,
      data: values.map((value) => (value === 0 ? '-' : value)),
      itemStyle: { color: colour, borderRadius: 2 },
      label: label
        ? {
            show: true,
            position: 'top' as const,
            color: '#1f2d3d',
            fontSize: 11,
            formatter: (item: { value: number }) => money(item.value),
          }
        : { show: false },
    });
    chart.setOption({
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        renderMode: 'richText',
        formatter: (item: { dataIndex: number; seriesName: string }) => {
          const bar = bars[item.dataIndex];
          if (!bar) return '';
          if (bar.key === 'end')
            return `Won ${money(bar.won)}, still open ${money(bar.open)} — click for the deals`;
          return `${bar.label}: ${money(bar.total || bar.rise || -bar.fall)} — click for the deals`;
        },
      },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.short),
        axisTick: { show: false },
        axisLabel: axisLabel(),
        axisLine: { lineStyle: { color: '#c9d1dc' } },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: '#66748a', fontSize: 11, formatter: money },
        splitLine: { lineStyle: { color: '#edf0f4' } },
      },
      series: [
        {
          ...series(
            'base',
            bars.map((b) => b.base),
            'transparent',
            false,
          ),
          silent: true,
          tooltip: { show: false },
        },
        series(
          'total',
          bars.map((b) => b.total),
          '#1c3a62',
          true,
        ),
        series(
          'rise',
          bars.map((b) => b.rise),
          '#2f8f5b',
          true,
        ),
        series(
          'fall',
          bars.map((b) => b.fall),
          '#c23934',
          true,
        ),
        series(
          'won',
          bars.map((b) => b.won),
          '#1d5c3a',
          false,
        ),
        series(
          'open',
          bars.map((b) => b.open),
          '#8da6c8',
          false,
        ),
      ],
    });
    chart.on('click', (event) => {
      const bar = bars[event.dataIndex];
      if (bar) onPick(bar.key);
    });
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [report, onPick]);

  const describe = waterfallBars(report)
    .map(
      (b) =>
        `${b.label} ${formatMoney(String(b.total || b.rise || -b.fall || b.won + b.open), report.currency)}`,
    )
    .join(', ');
  return (
    <div ref={element} className="chart bridge-chart" role="img" aria-label={`Waterfall: ${describe}`} />
  );
}
