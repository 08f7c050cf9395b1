import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { escapeHtml } from './escape-html.js';
import { layoutAxisLabels, shortenStepLabel } from './waterfall-axis-labels.js';

echarts.use([BarChart, GridComponent, SVGRenderer, LegacyGridContainLabel]);

/** The colour of the labels under the bars, and only of them: it finds them in the SVG. */
const axisLabelColour = '#3b4a5e';

export type WaterfallStep = { label: string; amount: number };

/**
 * The bridge as a waterfall in SVG, rendered without a browser (ECharts server-side rendering), so
 * the board pack is one self-contained file: the start, each step that moves value, and the end
 * split into won and still open. Floats only for drawing; the figures in the pack's tables are exact.
 */
export function renderWaterfallSvg(options: {
  start: number;
  steps: readonly WaterfallStep[];
  won: number;
  open: number;
  currency: string;
  width: number;
  height: number;
}): string {
  const labels = ['Start'];
  const fullLabels = ['Open pipeline at the start'];
  const base = [0];
  const total = [options.start];
  const rise = [0];
  const fall = [0];
  let running = options.start;
  for (const step of options.steps) {
    if (step.amount === 0) continue;
    const next = running + step.amount;
    labels.push(shortenStepLabel(step.label));
    fullLabels.push(step.label);
    base.push(Math.min(running, next));
    total.push(0);
    rise.push(step.amount > 0 ? step.amount : 0);
    fall.push(step.amount < 0 ? -step.amount : 0);
    running = next;
  }
  labels.push('End');
  fullLabels.push('End: won + still open');
  // The value axis takes about 50 px on the left; the rest is shared by the bars.
  const axisFontSize = 9;
  const layout = layoutAxisLabels({ labels, plotWidth: options.width - 66, fontSize: axisFontSize });
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width,
    height: options.height,
  });
  const compact = (value: number) => `${formatCompact(value)}`;
  const bar = (name: string, values: number[], color: string, label: boolean) => ({
    name,
    type: 'bar' as const,
    stack: 'w',
    barMaxWidth: 44,
    animation: false,
    data: values.map((v) => (v === 0 ? '-' : v)),
    itemStyle: { color },
    label: label
      ? {
          show: true,
          position: 'top' as const,
          fontSize: 10,
          color: '#1f2d3d',
          formatter: (p: { value: number }) => compact(p.value),
        }
      : { show: false },
  });
  const endOnly = (value: number) => labels.map((_, i) => (i === labels.length - 1 ? value : 0));
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisTick: { show: false },
      axisLabel: {
        fontSize: axisFontSize,
        color: axisLabelColour,
        interval: 0,
        width: layout.width,
        overflow: 'break',
        lineHeight: layout.lineHeight,
        rotate: layout.rotate,
      },
      axisLine: { lineStyle: { color: '#c9d1dc' } },
    },
    yAxis: {
      type: 'value',
      axisLabel: { fontSize: 9, color: '#66748a', formatter: compact },
      splitLine: { lineStyle: { color: '#edf0f4' } },
    },
    series: [
      { ...bar('base', [...base, 0], 'rgba(0,0,0,0)', false) },
      bar('start', [...total, 0], '#1c3a62', true),
      bar('rise', [...rise, 0], '#2f8f5b', true),
      bar('fall', [...fall, 0], '#c23934', true),
      bar('won', endOnly(options.won), '#1d5c3a', false),
      {
        ...bar('open', endOnly(options.open), '#8da6c8', false),
        label: {
          show: true,
          position: 'top' as const,
          fontSize: 10,
          formatter: () => compact(options.won + options.open),
        },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return titleAxisLabels(svg, fullLabels);
}

/**
 * Gives each bar's label its full name as an SVG `<title>` (shown on hover, read by screen
 * readers). ECharts writes each line of an axis label as a `<text>` in the axis label colour, the
 * lines of one label sharing one `transform`, labels in the order of the bars; the title goes into
 * the first line of each.
 */
export function titleAxisLabels(svg: string, fullLabels: readonly string[]): string {
  const seen = new Set<string>();
  return svg.replace(new RegExp(`<text\\b[^>]*fill="${axisLabelColour}"[^>]*>`, 'g'), (tag) => {
    const transform = /transform="([^"]*)"/.exec(tag)?.[1] ?? tag;
    if (seen.has(transform)) return tag;
    seen.add(transform);
    const full = fullLabels[seen.size - 1];
    return full === undefined ? tag : `${tag}<title>${escapeHtml(full)}</title>`;
  });
}

function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${(value / 1_000_000).toFixed(abs >= 10_000_000 ? 1 : 2)}M`;
  if (abs >= 1_000) return `${Math.round(value / 1_000)}K`;
  return String(Math.round(value));
}
