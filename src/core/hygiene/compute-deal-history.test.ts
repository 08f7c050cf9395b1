import { describe, expect, it } from 'vitest';
import { computeOpportunityHistory } from '../opportunity-history.js';
import { computeDealFacts } from './compute-deal-facts.js';
import { computeDealHistory } from './compute-deal-history.js';
import { changed, created } from './hygiene.test-support.js';

describe('computeDealHistory', () => {
  const events = [
    created('2026-01-05T10:00:00Z', { closeDate: '2026-03-31' }),
    changed('2026-01-20T10:00:00Z', { stage: 'Qualification' }),
    changed('2026-02-01T10:00:00Z', { closeDate: '2026-04-30', nextStep: 'Demo' }),
    changed('2026-02-10T10:00:00Z', { stage: 'Needs Analysis' }),
    changed('2026-03-01T10:00:00Z', { closeDate: '2026-05-31' }),
    changed('2026-03-15T10:00:00Z', { amountMinor: 150_000n }),
  ];
  const { versions } = computeOpportunityHistory(events);

  it('holds the reference facts of any moment after the last change', () => {
    const history = computeDealHistory(versions);
    const later = new Date('2026-06-01T00:00:00Z');
    const facts = computeDealFacts({
      versions,
      asOf: later,
      amountWindowStart: later,
      corporateAmountMinor: null,
      lastActivityAt: null,
      backdated: [],
    });
    expect(history.lastChangeAt.toISOString()).toBe('2026-03-15T10:00:00.000Z');
    expect(history.firstSeenAt).toEqual(facts?.firstSeenAt);
    expect(history.firstStage).toBe('Prospecting');
    expect(history.pushes).toEqual(facts?.pushes);
    expect(history.pushes.map((p) => p.to)).toEqual(['2026-04-30', '2026-05-31']);
    expect(history.since).toEqual(facts?.since);
    expect(history.since.amount.toISOString()).toBe('2026-03-15T10:00:00.000Z');
  });

  it('lists the stays that ended, not the one still running', () => {
    expect(computeDealHistory(versions).stays).toEqual([
      {
        stage: 'Prospecting',
        enteredAt: new Date('2026-01-05T10:00:00Z'),
        leftAt: new Date('2026-01-20T10:00:00Z'),
      },
      {
        stage: 'Qualification',
        enteredAt: new Date('2026-01-20T10:00:00Z'),
        leftAt: new Date('2026-02-10T10:00:00Z'),
      },
    ]);
  });
});
