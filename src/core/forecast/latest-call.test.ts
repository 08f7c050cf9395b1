import { describe, expect, it } from 'vitest';
import { findLatestCall } from './latest-call.js';

describe('findLatestCall', () => {
  const calls = [
    { userId: 'vp', period: 'Q', submittedAtMs: 10, commitMinor: 100 },
    { userId: 'vp', period: 'Q', submittedAtMs: 20, commitMinor: 120 },
    { userId: 'vp', period: 'other', submittedAtMs: 15, commitMinor: 999 },
    { userId: 'cro', period: 'Q', submittedAtMs: 30, commitMinor: 150 },
  ];

  it("takes the first caller's latest call made by then", () => {
    expect(findLatestCall(calls, { callerIds: ['cro', 'vp'], period: 'Q', atMs: 25 })?.commitMinor).toBe(120);
    expect(findLatestCall(calls, { callerIds: ['cro', 'vp'], period: 'Q', atMs: 30 })?.commitMinor).toBe(150);
    expect(findLatestCall(calls, { callerIds: ['vp'], period: 'Q', atMs: 19 })?.commitMinor).toBe(100);
  });

  it('has no call before anyone called', () => {
    expect(findLatestCall(calls, { callerIds: ['cro', 'vp'], period: 'Q', atMs: 5 })).toBeNull();
  });
});
