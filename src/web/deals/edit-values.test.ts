import { describe, expect, it } from 'vitest';
import { parseEdit, withRequirements } from './edit-values.js';

describe('what an inline edit sends', () => {
  it('reads amounts with separators, and an empty amount or next step as clearing it', () => {
    expect(parseEdit('amount', ' 125,000.50 ')).toEqual({ ok: true, edit: { amount: '125000.50' } });
    expect(parseEdit('amount', '')).toEqual({ ok: true, edit: { amount: null } });
    expect(parseEdit('amount', '12x')).toEqual({
      ok: false,
      message: 'Type an amount such as 125000 or 125,000.50.',
    });
    expect(parseEdit('nextStep', '  ')).toEqual({ ok: true, edit: { nextStep: null } });
  });

  it("returns the category to the stage's default when none is chosen, and refuses an unknown one", () => {
    expect(parseEdit('forecastCategory', '')).toEqual({ ok: true, edit: { forecastCategory: null } });
    expect(parseEdit('forecastCategory', 'Commit')).toEqual({
      ok: true,
      edit: { forecastCategory: 'Commit' },
    });
    expect(parseEdit('forecastCategory', 'Maybe').ok).toBe(false);
    expect(parseEdit('closeDate', '2026-13').ok).toBe(false);
  });

  it('sends the fields a stage asked for together with the stage, leaving blanks out', () => {
    expect(
      withRequirements(
        { stage: 'Negotiation' },
        {
          'fields.economicBuyer': ' Dana ',
          nextStep: 'Send terms',
          'fields.champion': ' ',
          amountMinor: '1,000',
        },
      ),
    ).toEqual({
      stage: 'Negotiation',
      nextStep: 'Send terms',
      amount: '1000',
      fields: { economicBuyer: 'Dana' },
    });
  });
});
