import { describe, expect, it } from 'vitest';
import { everything } from '../access-scope.js';
import { planScorecardSubjects } from './plan-scorecard-subjects.js';

const teams = [{ id: 'east', name: 'East', parentId: null, depth: 0, path: ['East'] }];
const members = [
  { userId: 'u1', name: 'Ana', teamId: 'east', role: 'rep' as const },
  { userId: 'm1', name: 'Max', teamId: 'east', role: 'manager' as const },
];

describe('planScorecardSubjects', () => {
  it('gives a card to every rep, and to a manager only with a quota', () => {
    const plain = planScorecardSubjects({ teams, members, quotaHolders: new Set(), scope: everything });
    expect(plain.people.map((p) => p.userId)).toEqual(['u1']);
    const withQuota = planScorecardSubjects({
      teams,
      members,
      quotaHolders: new Set(['m1']),
      scope: everything,
    });
    expect(withQuota.people.map((p) => p.userId)).toEqual(['u1', 'm1']);
  });

  it('gives a card to a quota holder who is in no team, named when the name is known, in no team card', () => {
    const plan = planScorecardSubjects({
      teams,
      members,
      quotaHolders: new Set(['sf-owner', 'other']),
      holderNames: new Map([['sf-owner', 'Owner 005']]),
      scope: everything,
    });
    expect(plan.people).toEqual([
      { userId: 'u1', name: 'Ana', role: 'rep', teamIds: ['east'] },
      { userId: 'other', name: 'other', role: 'rep', teamIds: [] },
      { userId: 'sf-owner', name: 'Owner 005', role: 'rep', teamIds: [] },
    ]);
    expect(plan.teams.map((t) => t.ownerIds)).toEqual([['m1', 'u1']]);
  });

  it('leaves a quota holder outside the teams out of a team’s cards and out of a narrower scope', () => {
    const quotaHolders = new Set(['sf-owner']);
    const narrowed = planScorecardSubjects({
      teams,
      members,
      quotaHolders,
      scope: everything,
      teamId: 'east',
    });
    expect(narrowed.people.map((p) => p.userId)).toEqual(['u1']);
    const scoped = planScorecardSubjects({
      teams,
      members,
      quotaHolders,
      scope: { kind: 'owners', ownerIds: ['u1'] },
    });
    expect(scoped.people.map((p) => p.userId)).toEqual(['u1']);
  });
});
