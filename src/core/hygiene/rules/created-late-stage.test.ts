import { describe, expect, it } from 'vitest';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('created-late-stage', () => {
  const late = [
    created('2026-01-05T10:00:00Z', {
      stage: 'Proposal/Price Quote',
      forecastCategory: 'Best Case',
      closeDate: '2026-12-31',
    }),
  ];

  it('flags a deal born in a late stage, by default from the first Best Case stage', () => {
    expect(flagOf(late, '2026-01-06T00:00:00Z', 'created-late-stage')).toEqual([
      'created directly in Proposal/Price Quote (late stages start at Perception Analysis)',
      '2026-01-05T10:00:00.000Z',
    ]);
    const early = [
      created('2026-01-05T10:00:00Z', { closeDate: '2026-12-31' }),
      changed('2026-01-06T10:00:00Z', { stage: 'Proposal/Price Quote' }),
    ];
    expect(flagOf(early, '2026-01-07T00:00:00Z', 'created-late-stage')).toBeNull();
  });

  it('takes the admin’s first late stage, and leaves closed deals alone', () => {
    const settings = { 'created-late-stage': { thresholds: { stage: 'Negotiation/Review' } } };
    expect(flagOf(late, '2026-01-06T00:00:00Z', 'created-late-stage', { settings })).toBeNull();
    const lost = [
      ...late,
      changed('2026-02-01T10:00:00Z', { stage: 'Closed Lost', isClosed: true, forecastCategory: 'Omitted' }),
    ];
    expect(flagOf(lost, '2026-02-02T00:00:00Z', 'created-late-stage')).toBeNull();
  });
});
