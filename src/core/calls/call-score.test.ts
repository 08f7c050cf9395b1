import { describe, expect, it } from 'vitest';
import { computeCallScore, foldCallScore } from './call-score.js';

const payload = computeCallScore({
  userId: 'u1',
  period: '2026-Q1',
  currency: 'USD',
  actualMinor: 100_000n,
  // Given out of order: the score lists weeks in order.
  calls: [
    { week: 2, commitMinor: 110_000n },
    { week: 1, commitMinor: 80_000n },
  ],
});

describe('computeCallScore', () => {
  it('scores each frozen weekly commit against the actual, in fixed-point text', () => {
    // Week 1: 1 − 200/1000 = 0.8, error −200.00; week 2: 0.9, +100.00; bias (−0.2 + 0.1) / 2.
    expect(payload).toEqual({
      userId: 'u1',
      period: '2026-Q1',
      currency: 'USD',
      actualMinor: '100000',
      weeks: [
        { week: 1, commitMinor: '80000', errorMinor: '-20000', accuracy01: '0.800000' },
        { week: 2, commitMinor: '110000', errorMinor: '10000', accuracy01: '0.900000' },
      ],
      bias01: '-0.050000',
      method: 'commit-vs-closed-won/1',
    });
  });

  it('has no accuracy or bias when nothing closed', () => {
    const empty = computeCallScore({ ...payloadInput(), actualMinor: 0n });
    expect(empty.weeks[0]?.accuracy01).toBeNull();
    expect(empty.bias01).toBeNull();
  });
});

describe('foldCallScore', () => {
  const event = (seq: bigint) => ({
    entityId: '2026-Q1:u1',
    kind: 'call.scored',
    payload,
    businessTime: new Date('2026-04-02T00:00:00Z'),
    seq,
  });

  it('reads the one score among the call events, and refuses a second', () => {
    const submitted = { ...event(1n), kind: 'call.submitted' };
    expect(foldCallScore([submitted])).toBeNull();
    expect(foldCallScore([submitted, event(2n)])).toMatchObject({ bias01: -0.05, actualMinor: 100_000n });
    expect(() => foldCallScore([event(2n), event(3n)])).toThrow(
      'call 2026-Q1:u1 was scored twice (seq 2 and 3)',
    );
  });
});

function payloadInput() {
  return { userId: 'u1', period: '2026-Q1', currency: 'USD', calls: [{ week: 1, commitMinor: 5n }] };
}
