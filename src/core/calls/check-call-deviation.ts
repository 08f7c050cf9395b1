import type { MinorUnits } from '../money.js';

export type CallFigures = { commitMinor: MinorUnits; bestCaseMinor: MinorUnits };

export type CallDeviation = {
  /** |call − roll-up| / roll-up for commit; null when the roll-up is zero. */
  commitShare01: number | null;
  bestCaseShare01: number | null;
  /** Which figures differ by more than the allowed share (a zero roll-up: any non-zero call). */
  beyond: ('commit' | 'best case')[];
};

/**
 * How far a call stands from the bottom-up roll-up of the deals behind it. The roll-up's commit is
 * Closed + Commit, its best case Closed + Commit + Best Case (src/core/calls/compute-owner-rollup.ts).
 * A figure is beyond the allowed share when |call − roll-up| > share × roll-up; when the roll-up is
 * zero any non-zero call is beyond it (no share of nothing allows something).
 */
export function checkCallDeviation(call: CallFigures, rollup: CallFigures, share01: number): CallDeviation {
  const commit = deviation(call.commitMinor, rollup.commitMinor, share01);
  const bestCase = deviation(call.bestCaseMinor, rollup.bestCaseMinor, share01);
  const beyond: CallDeviation['beyond'] = [];
  if (commit.beyond) beyond.push('commit');
  if (bestCase.beyond) beyond.push('best case');
  return { commitShare01: commit.share01, bestCaseShare01: bestCase.share01, beyond };
}

function deviation(
  call: MinorUnits,
  rollup: MinorUnits,
  share01: number,
): { share01: number | null; beyond: boolean } {
  const gap = call > rollup ? call - rollup : rollup - call;
  if (rollup === 0n) return { share01: null, beyond: gap > 0n };
  const magnitude = rollup < 0n ? -rollup : rollup;
  return { share01: Number(gap) / Number(magnitude), beyond: Number(gap) > share01 * Number(magnitude) };
}
