import { describe, expect, it } from 'vitest';
import { planMembershipEvents, planRecordEvent } from './plan-record-event.js';

describe('planRecordEvent', () => {
  const account = {
    name: 'Acme',
    ownerId: 'u1',
    industry: 'Food',
    segment: null,
    country: 'DE',
    fields: { website: 'a.example', rating: 'Hot' },
  };

  it('creates a record the ledger lacks, and changes nothing that is the same', () => {
    expect(planRecordEvent(null, account)).toEqual({ change: 'created', payload: account });
    expect(
      planRecordEvent(account, { ...account, fields: { rating: 'Hot', website: 'a.example' } }),
    ).toBeNull();
  });

  it('changes only the members that differ, supporting fields key by key', () => {
    expect(
      planRecordEvent(account, {
        ...account,
        industry: 'Retail',
        fields: { website: 'a.example', employees: '40' },
      }),
    ).toEqual({
      change: 'changed',
      payload: { industry: 'Retail', fields: { rating: null, employees: '40' } },
    });
  });
});

describe('planMembershipEvents', () => {
  it('grants what is missing and revokes only what the import manages', () => {
    const plan = planMembershipEvents(
      [
        { teamId: 'east', role: 'rep' },
        { teamId: 'board', role: 'viewer' },
      ],
      [{ teamId: 'west', role: 'rep' }],
      (m) => m.role === 'rep',
    );
    expect(plan).toEqual({
      grant: [{ teamId: 'west', role: 'rep' }],
      revoke: [{ teamId: 'east', role: 'rep' }],
    });
  });
});
