import { describe, expect, it } from 'vitest';
import { computeOpportunityHistory } from '../opportunity-history.js';
import { computeDealStory } from './compute-deal-story.js';
import { changed, created } from './hygiene.test-support.js';

describe('a deal story', () => {
  const { versions } = computeOpportunityHistory([
    created('2026-01-05T00:00:00Z', { closeDate: '2026-03-31' }),
    changed('2026-01-15T00:00:00Z', { stage: 'Qualification' }),
    changed('2026-02-01T00:00:00Z', { closeDate: '2026-04-30' }),
    changed('2026-02-10T00:00:00Z', { amountMinor: 150_000n, closeDate: '2026-04-15' }),
    changed('2026-02-20T00:00:00Z', { nextStep: 'Call' }),
  ]);
  const norms = new Map([
    ['Qualification', { limitDays: 30, basis: 'history' as const, samples: 40, medianDays: 12.34 }],
  ]);

  it('lists the stays in each stage against the usual, and each change of close date or amount', () => {
    const { stays, points } = computeDealStory(versions, new Date('2026-03-01T12:00:00Z'), norms);
    expect(
      stays.map((s) => [s.stage, s.days, s.usualDays, s.limitDays, s.leftAt?.toISOString() ?? null]),
    ).toEqual([
      ['Prospecting', 10, null, null, '2026-01-15T00:00:00.000Z'],
      ['Qualification', 45.5, 12.3, 30, null],
    ]);
    expect(points.map((p) => [p.at.toISOString().slice(0, 10), p.kind, p.closeDate, p.amountMinor])).toEqual([
      ['2026-01-05', 'created', '2026-03-31', 100_000n],
      ['2026-02-01', 'pushed', '2026-04-30', 100_000n],
      ['2026-02-10', 'both', '2026-04-15', 150_000n],
    ]);
  });
});
