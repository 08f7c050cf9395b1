import { describe, expect, it } from 'vitest';
import { computeIndicatorStatus } from './indicator-status.js';

describe('computeIndicatorStatus', () => {
  it('is on track at or above what is expected by now', () => {
    expect(computeIndicatorStatus(10, 10)).toBe('on-track');
    expect(computeIndicatorStatus(12, 10)).toBe('on-track');
  });
  it('is at risk down to four fifths of it, and off track below', () => {
    expect(computeIndicatorStatus(8, 10)).toBe('at-risk');
    expect(computeIndicatorStatus(7.99, 10)).toBe('off-track');
    expect(computeIndicatorStatus(0, 10)).toBe('off-track');
  });
  it('has no status without a target, and is on track while nothing is expected yet', () => {
    expect(computeIndicatorStatus(5, null)).toBe('no-target');
    expect(computeIndicatorStatus(null, 3)).toBe('no-target');
    expect(computeIndicatorStatus(0, 0)).toBe('on-track');
  });
});
