import { describe, expect, it } from 'vitest';
import { dealFields } from '../../../test/helpers/sample-events.js';
import { DomainError } from '../domain-error.js';
import type { OpportunityState } from '../opportunity.js';
import { defaultStages, type Stage } from '../stage.js';
import { planOpportunityEdit, type OpportunityEditInput } from './plan-opportunity-edit.js';

const stages: Stage[] = [
  ...defaultStages.filter((s) => s.name !== 'Negotiation/Review'),
  {
    name: 'Negotiation',
    order: 8,
    probability01: 0.9,
    forecastCategory: 'Commit',
    isClosed: false,
    isWon: false,
    requiredFields: ['decisionMaker', 'economicBuyer'],
    active: true,
  },
  {
    name: 'Legacy',
    order: 99,
    probability01: 0.3,
    forecastCategory: 'Pipeline',
    isClosed: false,
    isWon: false,
    requiredFields: [],
    active: false,
  },
];

const deal: OpportunityState = {
  id: 'd1',
  ...dealFields({ closeDate: '2026-06-30', fields: { champion: 'Dana' } }),
  stageEnteredAt: new Date('2026-01-05T10:00:00Z'),
  pushCount: 0,
  closedRecordedAt: null,
  updatedAt: new Date('2026-01-05T10:00:00Z'),
  lastSeq: 7n,
};

function plan(edit: OpportunityEditInput, current: OpportunityState = deal, decimals = 2) {
  return planOpportunityEdit({
    current,
    stages,
    currencyDecimals: decimals,
    edit,
    // 2026-05-01 23:30 in UTC is already 2026-05-02 in Auckland.
    now: new Date('2026-05-01T23:30:00Z'),
    timeZone: 'Pacific/Auckland',
  });
}

function refusal(edit: OpportunityEditInput, current: OpportunityState = deal, decimals = 2): DomainError {
  try {
    plan(edit, current, decimals);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the edit was accepted');
}

describe('planOpportunityEdit', () => {
  it('moves a deal to another stage with its probability and category', () => {
    expect(plan({ stage: 'Proposal/Price Quote' })).toEqual({
      stage: 'Proposal/Price Quote',
      probability01: 0.75,
      forecastCategory: 'Best Case',
    });
  });

  it('finds a stage whatever the case it is written in', () => {
    expect(plan({ stage: 'proposal/price quote' }).stage).toBe('Proposal/Price Quote');
  });

  it('refuses an unknown stage, naming it and the stages there are', () => {
    const error = refusal({ stage: 'Dreaming' });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe("there is no stage 'Dreaming'");
    expect(error.details[0]?.reason).toContain('Prospecting, Qualification');
    expect(error.details[0]?.reason).not.toContain('Legacy');
  });

  it('refuses a stage that is no longer in use', () => {
    expect(refusal({ stage: 'Legacy' }).message).toBe("the stage 'Legacy' is no longer in use");
  });

  it('refuses to enter a stage whose required fields are missing, one detail per field', () => {
    const error = refusal({ stage: 'Negotiation' });
    expect(error.code).toBe('stage-requirements-missing');
    expect(error.message).toBe('the stage Negotiation needs: Decision maker, Economic buyer');
    expect(error.details).toEqual([
      { where: 'fields.decisionMaker', reason: 'Decision maker is required to enter Negotiation' },
      { where: 'fields.economicBuyer', reason: 'Economic buyer is required to enter Negotiation' },
    ]);
  });

  it('counts the fields given in the same edit, and a blank one as missing', () => {
    expect(
      refusal({ stage: 'Negotiation', fields: { decisionMaker: 'Eve', economicBuyer: '  ' } }).message,
    ).toBe('the stage Negotiation needs: Economic buyer');
    expect(plan({ stage: 'Negotiation', fields: { decisionMaker: 'Eve', economicBuyer: 'Fay' } })).toEqual({
      stage: 'Negotiation',
      probability01: 0.9,
      forecastCategory: 'Commit',
      fields: { decisionMaker: 'Eve', economicBuyer: 'Fay' },
    });
  });

  it('makes an explicit category an override, and null returns to the stage default', () => {
    expect(plan({ forecastCategory: 'Commit' })).toEqual({
      forecastCategory: 'Commit',
      forecastCategoryOverridden: true,
    });
    const overridden = { ...deal, forecastCategory: 'Commit' as const, forecastCategoryOverridden: true };
    expect(plan({ forecastCategory: null }, overridden)).toEqual({
      forecastCategory: 'Pipeline',
      forecastCategoryOverridden: false,
    });
  });

  it('keeps an overridden category through a stage change to an open stage', () => {
    const overridden = { ...deal, forecastCategory: 'Commit' as const, forecastCategoryOverridden: true };
    expect(plan({ stage: 'Qualification' }, overridden)).toEqual({ stage: 'Qualification' });
  });

  it('closes a won deal today in the organisation time zone, with the stage category', () => {
    const overridden = { ...deal, forecastCategory: 'Commit' as const, forecastCategoryOverridden: true };
    expect(plan({ stage: 'Closed Won' }, overridden)).toEqual({
      stage: 'Closed Won',
      probability01: 1,
      isClosed: true,
      isWon: true,
      forecastCategory: 'Closed',
      forecastCategoryOverridden: false,
      closeDate: '2026-05-02',
    });
  });

  it('closes a lost deal on the close date given, not after today', () => {
    expect(plan({ stage: 'Closed Lost', closeDate: '2026-04-20', lossReason: ' Price ' })).toEqual({
      stage: 'Closed Lost',
      probability01: 0,
      isClosed: true,
      forecastCategory: 'Omitted',
      closeDate: '2026-04-20',
      lossReason: 'Price',
    });
    expect(refusal({ stage: 'Closed Lost', closeDate: '2026-05-03' }).message).toBe(
      'a won or lost deal cannot close after today (2026-05-02)',
    );
  });

  it('refuses a category override on a closed deal and Closed on an open one', () => {
    expect(refusal({ stage: 'Closed Won', forecastCategory: 'Commit' }).message).toBe(
      'a closed deal takes the category of its stage',
    );
    expect(refusal({ forecastCategory: 'Closed' }).message).toBe(
      "only a won deal is in the category 'Closed'",
    );
  });

  it('reads amounts exactly and refuses more decimals than the currency has', () => {
    expect(plan({ amount: '1234.5' })).toEqual({ amountMinor: 123_450n });
    expect(plan({ amount: '1500.100' })).toEqual({ amountMinor: 150_010n });
    expect(plan({ amount: null })).toEqual({ amountMinor: null });
    expect(plan({ amount: '1500' }, deal, 0)).toEqual({ amountMinor: 1500n });
    const error = refusal({ amount: '1500.125' });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe("'1500.125' has more decimals than USD allows (2)");
    expect(refusal({ amount: '1500.5' }, deal, 0).message).toBe(
      "'1500.5' has more decimals than USD allows (0)",
    );
    expect(refusal({ amount: '99999999999999999999' }).message).toBe(
      "'99999999999999999999' is too large an amount",
    );
  });

  it('changes the close date, the next step and merges fields, leaving the rest alone', () => {
    expect(
      plan({
        closeDate: '2026-07-15',
        nextStep: 'Send the quote',
        fields: { champion: null, metrics: '20% faster' },
      }),
    ).toEqual({
      closeDate: '2026-07-15',
      nextStep: 'Send the quote',
      fields: { champion: null, metrics: '20% faster' },
    });
    expect(refusal({ closeDate: '2026-02-30' }).message).toBe("'2026-02-30' is not a date");
  });

  it('refuses an edit that changes nothing', () => {
    const error = refusal({
      stage: 'Prospecting',
      amount: '1000.00',
      closeDate: '2026-06-30',
      nextStep: '',
      fields: { champion: 'Dana', economicBuyer: null },
    });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('nothing to change: the deal already has these values');
  });

  it('lets a deal keep a stage that is not configured, but then needs a category to reset to', () => {
    const imported = { ...deal, stage: 'Imported stage' };
    expect(plan({ stage: 'Imported stage', nextStep: 'Call' }, imported)).toEqual({ nextStep: 'Call' });
    expect(refusal({ forecastCategory: null }, imported).message).toBe(
      "the stage 'Imported stage' is not configured, so it has no default category",
    );
  });
});
