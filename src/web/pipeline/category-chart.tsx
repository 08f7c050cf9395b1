import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { PipelineResponse } from '../../api/pipeline.js';
import { categories } from '../format/contract-values.js';
import { formatMoney } from '../format/format-money.js';

// Only what this chart uses: the full echarts import would add over a megabyte. The canvas renderer
// draws everything itself, so no inline style attribute meets the content security policy; the
// tooltip is drawn on the canvas too (richText) for the same reason.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const colours: Record<(typeof categories)[number], string> = {
  Pipeline: '#8da6c8',
  'Best Case': '#e0a526',
  Commit: '#2f8f5b',
  Closed: '#1d5c3a',
  Omitted: '#a3a9b3',
};

export function CategoryChart({ report }: { report: PipelineResponse }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    const money = (value: number) => formatMoney(String(value), report.currency, { compact: true });
    chart.setOption({
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        renderMode: 'richText',
        formatter: (item: { name: string; value: number; dataIndex: number }) => {
          const total = report.categories[categories[item.dataIndex] ?? 'Pipeline'];
          return `${item.name}: ${money(item.value)} in ${total.deals} deals`;
        },
      },
      xAxis: {
        type: 'category',
        data: [...categories],
        axisTick: { show: false },
        axisLabel: { color: '#3b4a5e', fontSize: 12 },
        axisLine: { lineStyle: { color: '#c9d1dc' } },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: '#66748a', fontSize: 11, formatter: money },
        splitLine: { lineStyle: { color: '#edf0f4' } },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 56,
          data: categories.map((category) => ({
            value: Number(report.categories[category].amount),
            itemStyle: { color: colours[category], borderRadius: [3, 3, 0, 0] },
          })),
          label: {
            show: true,
            position: 'top',
            color: '#1f2d3d',
            fontSize: 11,
            formatter: (item: { value: number }) => money(item.value),
          },
        },
      ],
    });
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [report]);

  return (
    <div
      ref={element}
      className="chart"
      role="img"
      aria-label={`Bar chart of amounts by forecast category: ${categories
        .map((c) => `${c} ${formatMoney(report.categories[c].amount, report.currency)}`)
        .join(', ')}`}
    />
  );
}
