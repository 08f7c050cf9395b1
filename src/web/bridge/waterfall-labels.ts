import type { BridgeResponse } from '../../api/bridge.js';

type StepKind = BridgeResponse['steps'][number]['kind'];

/**
 * Names short enough to sit under a waterfall bar (the full ones, "Pulled in from another
 * period", wrapped to several lines and ran into their neighbours). The full name is in each bar's
 * tooltip, the chart's description and the steps table below it. The board pack uses the same
 * names (src/core/boardpack/waterfall-axis-labels.ts).
 */
export const shortStepLabels: Record<StepKind, string> = {
  created: 'New',
  'pulled-in': 'Pulled in',
  restored: 'Back in forecast',
  reopened: 'Reopened',
  increased: 'Amount up',
  decreased: 'Amount down',
  omitted: 'Out of forecast',
  lost: 'Lost',
  slipped: 'Slipped out',
  reassigned: 'Owner change',
  category: 'Category',
  won: 'Won',
};

/**
 * Labels under `count` bars over `plotWidth` pixels, never touching: wrapped to each bar's room
 * at word breaks with lines 1.3 × the font size apart, or slanted when one word alone is wider
 * than that room (text width estimated at 0.6 × the font size a character).
 */
export function layoutAxisLabels(options: {
  labels: readonly string[];
  plotWidth: number;
  fontSize: number;
}) {
  const room = options.plotWidth / Math.max(options.labels.length, 1);
  const width = Math.max(Math.floor(room - 8), 20);
  const longestWord = Math.max(
    0,
    ...options.labels.flatMap((label) => label.split(/\s+/).map((word) => word.length)),
  );
  const lineHeight = Math.ceil(options.fontSize * 1.3);
  // Slanted labels are kept on one line: slanting leaves each a line's height of room, not a bar's.
  if (longestWord * options.fontSize * 0.6 > width) return { width: 200, rotate: 35, lineHeight };
  return { width, rotate: 0, lineHeight };
}
