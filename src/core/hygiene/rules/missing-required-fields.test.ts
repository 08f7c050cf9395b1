import { describe, expect, it } from 'vitest';
import { defaultStages } from '../../stage.js';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('missing-required-fields', () => {
  const stages = defaultStages.map((s) =>
    s.name === 'Negotiation/Review' ? { ...s, requiredFields: ['nextStep', 'economicBuyer'] } : s,
  );
  // An import moved the deal on without the fields the stage needs: imports do not refuse.
  const history = [
    created('2026-01-05T10:00:00Z', { closeDate: '2026-12-31' }),
    changed('2026-02-01T10:00:00Z', {
      stage: 'Negotiation/Review',
      forecastCategory: 'Commit',
      nextStep: 'Call',
    }),
    changed('2026-02-05T10:00:00Z', { fields: { economicBuyer: 'Dana Diaz' } }),
  ];

  it('holds while the stage requirements are not met', () => {
    expect(flagOf(history, '2026-01-20T00:00:00Z', 'missing-required-fields', { stages })).toBeNull();
    expect(flagOf(history, '2026-02-02T00:00:00Z', 'missing-required-fields', { stages })).toEqual([
      'Negotiation/Review requires Economic buyer: missing',
      '2026-02-01T10:00:00.000Z',
    ]);
    expect(flagOf(history, '2026-02-06T00:00:00Z', 'missing-required-fields', { stages })).toBeNull();
  });
});
