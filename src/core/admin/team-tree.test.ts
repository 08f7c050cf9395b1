import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error.js';
import { checkTeamMove, orderTeamTree, type TeamNode } from './team-tree.js';

const teams: TeamNode[] = [
  { id: 'west', name: 'West', parentId: 'sales' },
  { id: 'sales', name: 'Sales', parentId: null },
  { id: 'east', name: 'East', parentId: 'sales' },
  { id: 'boston', name: 'Boston', parentId: 'east' },
  { id: 'ops', name: 'Operations', parentId: null },
];

describe('orderTeamTree', () => {
  it('lists each team followed by the teams below it, siblings by name', () => {
    expect(orderTeamTree(teams).map((t) => [t.id, t.depth, t.path.join('/')])).toEqual([
      ['ops', 0, 'Operations'],
      ['sales', 0, 'Sales'],
      ['east', 1, 'Sales/East'],
      ['boston', 2, 'Sales/East/Boston'],
      ['west', 1, 'Sales/West'],
    ]);
  });

  it('puts a team with an unknown parent at the top and shows a cycle from imported data once', () => {
    const odd: TeamNode[] = [
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
      { id: 'c', name: 'C', parentId: 'gone' },
    ];
    expect(orderTeamTree(odd).map((t) => [t.id, t.depth])).toEqual([
      ['c', 0],
      ['a', 0],
      ['b', 1],
    ]);
  });
});

describe('checkTeamMove', () => {
  function refusal(teamId: string, parentId: string): string {
    try {
      checkTeamMove(teams, teamId, parentId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-input') return error.message;
      throw error;
    }
    return 'accepted';
  }

  it('accepts a move anywhere outside the team itself', () => {
    expect(refusal('east', 'west')).toBe('accepted');
    expect(refusal('boston', 'ops')).toBe('accepted');
    expect(() => checkTeamMove(teams, 'sales', null)).not.toThrow();
  });

  it('refuses a move under the team itself or any team below it, showing the path', () => {
    expect(refusal('sales', 'sales')).toBe('Sales cannot move under Sales: a team cannot be its own parent');
    expect(refusal('sales', 'boston')).toBe(
      'Sales cannot move under Boston: Boston is inside Sales (Sales › East › Boston): the tree would become a loop',
    );
    expect(refusal('east', 'boston')).toBe(
      'East cannot move under Boston: Boston is inside East (East › Boston): the tree would become a loop',
    );
  });
});
