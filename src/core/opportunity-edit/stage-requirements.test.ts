import { describe, expect, it } from 'vitest';
import type { OpportunityState } from '../opportunity.js';
import { findMissingRequirements, requirementLabel } from './stage-requirements.js';

describe('stage requirements', () => {
  it('labels requirement keys as people read them', () => {
    expect(requirementLabel('economicBuyer')).toBe('Economic buyer');
    expect(requirementLabel('decision_maker')).toBe('Decision maker');
    expect(requirementLabel('Decision maker')).toBe('Decision maker');
    expect(requirementLabel('nextStep')).toBe('Next step');
    expect(requirementLabel('amountMinor')).toBe('Amount');
    expect(requirementLabel('signedNDA')).toBe('Signed NDA');
  });

  it('checks deal fields and supporting information alike', () => {
    const deal = {
      amountMinor: null,
      nextStep: 'Call',
      closeDate: '2026-03-31',
      fields: { champion: 'Dana', metrics: ' ' },
    } as unknown as OpportunityState;
    const missing = findMissingRequirements(deal, {
      requiredFields: ['amount', 'nextStep', 'closeDate', 'champion', 'metrics', 'competitor'],
    });
    expect(missing).toEqual([
      { key: 'amount', where: 'amountMinor', label: 'Amount' },
      { key: 'metrics', where: 'fields.metrics', label: 'Metrics' },
      { key: 'competitor', where: 'competitor', label: 'Competitor' },
    ]);
  });
});
