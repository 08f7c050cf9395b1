import { describe, expect, it } from 'vitest';
import { computeQuotaBoard } from './compute-quota-board.js';

const teams = [
  { id: 'sales', name: 'Sales', parentId: null, depth: 0 },
  { id: 'east', name: 'East', parentId: 'sales', depth: 1 },
  { id: 'west', name: 'West', parentId: 'sales', depth: 1 },
];
const members = [
  { userId: 'u1', name: 'Ana', teamId: 'east', role: 'rep' as const },
  { userId: 'u2', name: 'Ben', teamId: 'west', role: 'rep' as const },
  { userId: 'u3', name: 'Cleo', teamId: 'sales', role: 'manager' as const },
  { userId: 'u1', name: 'Ana', teamId: 'sales', role: 'viewer' as const },
];

describe('computeQuotaBoard', () => {
  it('shows a team quota set on its own beside the sum of its people, and their difference', () => {
    const board = computeQuotaBoard({
      teams,
      members,
      quotas: [
        { subjectType: 'user', subjectId: 'u1', corporateMinor: 100_000n },
        { subjectType: 'user', subjectId: 'u2', corporateMinor: 80_000n },
        { subjectType: 'team', subjectId: 'sales', corporateMinor: 200_000n },
      ],
    });
    const sales = board.teams.find((t) => t.id === 'sales');
    // Ana counts once although she holds two roles in the tree.
    expect(sales).toMatchObject({ ownMinor: 200_000n, membersMinor: 180_000n, membersWithQuota: 2 });
    expect(sales?.differenceMinor).toBe(20_000n);
    expect(sales?.effectiveSource).toBe('team');
    const east = board.teams.find((t) => t.id === 'east');
    expect(east).toMatchObject({ ownMinor: null, membersMinor: 100_000n, differenceMinor: null });
    expect(east?.effectiveMinor).toBe(100_000n);
    expect(east?.effectiveSource).toBe('members');
    expect(board.people.map((p) => [p.name, p.quotaMinor, p.teamIds])).toEqual([
      ['Ana', 100_000n, ['east', 'sales']],
      ['Ben', 80_000n, ['west']],
      ['Cleo', null, ['sales']],
    ]);
  });

  it('leaves a team without any quota unmeasured rather than at zero', () => {
    const board = computeQuotaBoard({ teams, members, quotas: [] });
    expect(board.teams.find((t) => t.id === 'west')).toMatchObject({
      effectiveMinor: null,
      effectiveSource: 'none',
      membersMinor: 0n,
    });
  });
});

describe('computeQuotaBoard for people outside every team', () => {
  it('still lists a person who has a quota but no role in any team', () => {
    const board = computeQuotaBoard({
      teams,
      members,
      quotas: [{ subjectType: 'user', subjectId: 'u7', corporateMinor: 5_000n }],
      names: new Map([['u7', 'Gil']]),
    });
    expect(board.people.find((p) => p.userId === 'u7')).toEqual({
      userId: 'u7',
      name: 'Gil',
      teamIds: [],
      quotaMinor: 5_000n,
    });
  });
});
