import { describe, expect, it } from 'vitest';
import { defaultCallPolicy } from '../calls/call-policy.js';
import { callSubmittedSchema } from '../calls/call-submission.js';
import { checkCallDeviation } from '../calls/check-call-deviation.js';
import { computeCallWindows } from '../calls/compute-call-windows.js';
import { generateDemoOrganisation } from './generate-demo-organisation.js';
import { demoSettings } from './demo-settings.js';

describe('the demo organisation’s forecast calls', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const demo = generateDemoOrganisation({ seed: 1, now });
  const calls = demo.events
    .filter((e) => e.entityType === 'call')
    .map((e) => ({ at: e.businessTime, actor: e.actor, ...callSubmittedSchema.parse(e.payload) }));

  it('has weekly calls in every quarter of the history, none after now', () => {
    expect([...new Set(calls.map((c) => c.period))]).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(calls.every((c) => c.at.getTime() <= now.getTime() && c.actor === c.userId)).toBe(true);
    const weeks = new Set(calls.filter((c) => c.period === '2026-Q3').map((c) => c.week));
    expect(weeks.size).toBe(computeCallWindows(demoSettings, '2026-Q3', defaultCallPolicy).length);
  });

  it('places each call in the window it was submitted in', () => {
    const windows = new Map(
      ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((p) => [
        p,
        computeCallWindows(demoSettings, p, defaultCallPolicy),
      ]),
    );
    const misplaced = calls.filter((c) => {
      const window = windows.get(c.period)?.find((w) => w.week === c.week);
      return !window || c.at > window.dueAt || (window.opensAfter !== null && c.at <= window.opensAfter);
    });
    expect(misplaced).toEqual([]);
  });

  it('gives a reason to exactly the calls further than 10 % from their roll-up', () => {
    const wrong = calls.filter((c) => {
      const beyond = checkCallDeviation(
        { commitMinor: BigInt(c.commitMinor), bestCaseMinor: BigInt(c.bestCaseMinor) },
        { commitMinor: BigInt(c.rollupCommitMinor), bestCaseMinor: BigInt(c.rollupBestCaseMinor) },
        0.1,
      ).beyond;
      return beyond.length > 0 !== (c.reason !== null);
    });
    expect(wrong).toEqual([]);
    expect(calls.some((c) => c.reason === null)).toBe(true);
  });

  it('calls last weeks near the commit roll-up, with best case never below commit', () => {
    const late = calls.filter((c) => c.week >= 12 && BigInt(c.rollupCommitMinor) > 0n);
    const ratios = late.map((c) => Number(c.commitMinor) / Number(c.rollupCommitMinor)).sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(0.85);
    expect(median).toBeLessThan(1.15);
    expect(calls.every((c) => BigInt(c.bestCaseMinor) >= BigInt(c.commitMinor))).toBe(true);
  });
});
