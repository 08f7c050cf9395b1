import { bridgeStepLabels, type BridgeStepKind } from '../bridge/bridge-types.js';

/**
 * Names short enough to sit under a waterfall bar: the full step labels ("Pulled in from another
 * period") wrapped to two or three lines under bars a few centimetres apart ran into each other.
 * The full name stays in each label's SVG `<title>` and in the steps table beside the chart.
 */
export const shortStepLabels: Record<BridgeStepKind, string> = {
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

const kindByLabel = new Map(
  Object.entries(bridgeStepLabels).map(([kind, label]) => [label, kind as BridgeStepKind]),
);

/** The short name of a step given by its full label; a label of no known step is kept as it is. */
export function shortenStepLabel(label: string): string {
  const kind = kindByLabel.get(label);
  return kind === undefined ? label : shortStepLabels[kind];
}

export type AxisLabelLayout = {
  /** Wrap width in pixels: the room one bar has, less a gap so neighbours never touch (no wrap when slanted). */
  width: number;
  /** Degrees; 0 unless the longest word cannot fit the room a bar has. */
  rotate: number;
  lineHeight: number;
};

/**
 * How to lay the labels under `count` bars spread over `plotWidth` pixels so that no two touch:
 * wrap each to its bar's room (at word breaks, lines spaced 1.3 × the font size so they do not run
 * into each other); when one word alone is wider than that room, slant every label instead.
 * Text width is estimated at 0.6 × the font size a character, a safe bound for sans-serif faces.
 */
export function layoutAxisLabels(options: {
  labels: readonly string[];
  plotWidth: number;
  fontSize: number;
}): AxisLabelLayout {
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
