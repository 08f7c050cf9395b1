import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { HygieneReportResponse } from '../../api/hygiene.js';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The hygiene score week by week. */
export function ScoreTrendChart({ trend }: { trend: HygieneReportResponse['trend'] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = element.current;
    if (!node || trend.length === 0) return;
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    chart.setOption({
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: {
        type: 'category',
        data: trend.map((t) => t.asOf.slice(5, 10)),
        axisLabel: { color: '#66748a', fontSize: 11 },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#66748a', fontSize: 11 } },
      series: [
        {
          type: 'line',
          data: trend.map((t) => t.score),
          color: '#2f8f5b',
          symbolSize: 7,
          connectNulls: true,
        },
      ],
    });
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [trend]);
  return <div ref={element} className="hygiene-trend" role="img" aria-label="Hygiene score by week" />;
}
