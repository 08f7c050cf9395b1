import { describe, expect, it } from 'vitest';
import { describeScope } from './describe-scope.js';

const none = { kind: 'owners' as const, ownerIds: [] };
const base = { editDeals: none, forecast: none, administer: false };

describe('describeScope', () => {
  it('says everything for executives, viewers and admins', () => {
    expect(describeScope({ access: { ...base, read: { kind: 'everything' } }, memberships: [] })).toBe(
      'Everything: every deal in the organisation',
    );
  });

  it('says own deals for a rep', () => {
    expect(
      describeScope({
        access: { ...base, read: { kind: 'owners', ownerIds: ['u1'] } },
        memberships: [{ teamId: 'east', teamName: 'East', role: 'rep' }],
      }),
    ).toBe('Your own deals');
  });

  it('names the teams a manager reaches and how many people that is', () => {
    expect(
      describeScope({
        access: { ...base, read: { kind: 'owners', ownerIds: ['a', 'b', 'c'] } },
        memberships: [
          { teamId: 'w', teamName: 'West', role: 'manager' },
          { teamId: 'e', teamName: 'East', role: 'manager' },
          { teamId: 's', teamName: 'South', role: 'manager' },
        ],
      }),
    ).toBe('Your deals and those of East, South and West with the teams below (3 people)');
  });

  it('tells a person without a role to ask for one', () => {
    expect(describeScope({ access: { ...base, read: none }, memberships: [] })).toBe(
      'Nothing yet: ask an admin for a role',
    );
  });
});
