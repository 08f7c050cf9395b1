import { describe, expect, it } from 'vitest';
import type { HygieneFlag } from './hygiene-flag.js';
import { computeHygieneScore } from './compute-hygiene-score.js';
import { computeHygieneScores } from './compute-hygiene-scores.js';

const flag = (dealId: string, severity: HygieneFlag['severity']): HygieneFlag => ({
  dealId,
  dealName: dealId,
  ownerId: null,
  rule: 'no-activity',
  severity,
  evidence: '',
  since: new Date(0),
});

describe('hygiene score', () => {
  const deals = [
    { id: 'a', ownerId: 'u1', corporateAmountMinor: 600n },
    { id: 'b', ownerId: 'u1', corporateAmountMinor: 300n },
    { id: 'c', ownerId: 'u2', corporateAmountMinor: 100n },
    { id: 'd', ownerId: 'u2', corporateAmountMinor: null },
  ];
  // Stand-in for d: the lower median of 100, 300, 600 = 300. Total value 1300.
  const flags = new Map([
    ['a', [flag('a', 'low'), flag('a', 'high')]],
    ['c', [flag('c', 'medium')]],
    ['d', [flag('d', 'medium')]],
  ]);

  it('is the share of value free of flags, weighted by the worst severity per deal', () => {
    // Flagged value: 600·1 + 100·0.5 + 300·0.5 = 800 → 1 − 800/1300 = 38.46 % → 38.5.
    expect(computeHygieneScore(deals, flags)).toEqual({
      score: 38.5,
      openDeals: 4,
      flaggedDeals: 3,
      openValueMinor: 1300n,
      flaggedValueMinor: 800n,
    });
    expect(computeHygieneScore([], flags).score).toBeNull();
    expect(computeHygieneScore(deals, new Map()).score).toBe(100);
  });

  it('scores owners and teams with the team including the teams below', () => {
    const { owners, teams } = computeHygieneScores(deals, flags, {
      ownerTeams: new Map([
        ['u1', 'east'],
        ['u2', 'west'],
      ]),
      teamParents: new Map([
        ['east', 'sales'],
        ['west', 'sales'],
        ['sales', null],
      ]),
    });
    // u1: 1 − 600/900 = 33.3; u2 (stand-in 300 for d): 1 − 200/400 = 50.
    expect(owners.map((o) => [o.ownerId, o.teamId, o.score])).toEqual([
      ['u1', 'east', 33.3],
      ['u2', 'west', 50],
    ]);
    expect(teams.map((t) => [t.teamId, t.score, t.openValueMinor])).toEqual([
      ['east', 33.3, 900n],
      ['sales', 38.5, 1300n],
      ['west', 50, 400n],
    ]);
  });
});
