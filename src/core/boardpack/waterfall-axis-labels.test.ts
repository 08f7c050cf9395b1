import { describe, expect, it } from 'vitest';
import { bridgeStepLabels } from '../bridge/bridge-types.js';
import { renderWaterfallSvg } from './render-waterfall-svg.js';
import { layoutAxisLabels, shortenStepLabel } from './waterfall-axis-labels.js';

/** The axis labels of a rendered waterfall: each line's text and the x of its centre. */
function axisLines(svg: string): { text: string; x: number; y: number }[] {
  const pattern =
    /<text[^>]*y="([\d.]+)" transform="translate\(([\d.]+) [\d.]+\)" fill="#3b4a5e">(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g;
  return [...svg.matchAll(pattern)].map((m) => ({ y: Number(m[1]), x: Number(m[2]), text: m[3] ?? '' }));
}

describe('the waterfall labels under the bars', () => {
  it('shortens every step to a name of at most two short words, and keeps unknown labels', () => {
    for (const label of Object.values(bridgeStepLabels)) {
      const short = shortenStepLabel(label);
      expect(short.split(' ').length).toBeLessThanOrEqual(3);
      expect(short.length).toBeLessThanOrEqual(16);
    }
    expect(shortenStepLabel('Pulled in from another period')).toBe('Pulled in');
    expect(shortenStepLabel('Something else')).toBe('Something else');
  });

  it('wraps to the room a bar has, and slants only when a word cannot fit', () => {
    expect(
      layoutAxisLabels({ labels: ['Start', 'Amount down', 'End'], plotWidth: 600, fontSize: 9 }),
    ).toEqual({
      width: 192,
      rotate: 0,
      lineHeight: 12,
    });
    const crowded = layoutAxisLabels({ labels: Array(20).fill('Reassigned'), plotWidth: 600, fontSize: 11 });
    expect(crowded).toEqual({ width: 200, rotate: 35, lineHeight: 15 });
  });

  it('draws every step of the board pack with labels that do not run into each other, full names in titles', () => {
    // Every step that moves value (category moves and wins are zero-net: no bar).
    const moving = Object.entries(bridgeStepLabels).filter(([kind]) => kind !== 'category' && kind !== 'won');
    const steps = moving.map(([, label], i) => ({
      label,
      amount: (i % 2 === 0 ? 1 : -1) * 100_000 * (i + 1),
    }));
    const svg = renderWaterfallSvg({
      start: 3_000_000,
      steps,
      won: 1_000_000,
      open: 500_000,
      currency: 'USD',
      width: 720,
      height: 300,
    });
    const lines = axisLines(svg);
    expect(lines.map((l) => l.text)).toContain('Pulled in');
    const centres = [...new Set(lines.map((l) => l.x))].sort((a, b) => a - b);
    expect(centres.length).toBe(steps.length + 2);
    const gap = Math.min(...centres.slice(1).map((x, i) => x - (centres[i] ?? 0)));
    // No line is wider than the distance between two bars' centres less a gap, at 0.5 × 9 px a
    // character (an average sans-serif letter; ECharts wraps by its own measure of the text).
    for (const line of lines) expect(line.text.trim().length * 9 * 0.5).toBeLessThan(gap - 4);
    // Lines of one label are a full line apart, so they do not overlap either.
    for (const x of centres) {
      const ys = lines
        .filter((l) => l.x === x)
        .map((l) => l.y)
        .sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i += 1)
        expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(11);
    }
    expect(svg).toContain('<title>Pulled in from another period</title>Pulled in</text>');
    expect(svg).toContain('<title>Moved back into the forecast</title>Back in </text>');
    expect(svg.match(/<title>/g)).toHaveLength(steps.length + 2);
    expect(svg).toContain('<title>Open pipeline at the start</title>Start</text>');
    expect(svg).not.toContain('matrix(');
  });

  it('slants the labels of a waterfall too crowded for them to stand upright', () => {
    const svg = renderWaterfallSvg({
      start: 3_000_000,
      steps: Array.from({ length: 10 }, (_, i) => ({
        label: 'Slipped out of the period',
        amount: -1000 * (i + 1),
      })),
      won: 1_000_000,
      open: 500_000,
      currency: 'USD',
      width: 360,
      height: 300,
    });
    expect(svg).toMatch(
      /transform="matrix\(0\.819,-0\.574,[^"]*"[^>]*><title>Slipped out of the period<\/title>Slipped out<\/text>/,
    );
  });
});
