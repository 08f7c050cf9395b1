import { describe, expect, it } from 'vitest';
import { findCallInForce } from './call-submission.js';
import { computeOwnerRollup } from './compute-owner-rollup.js';
import { listCallTeams, planCallGrid, type GridMembership } from './plan-call-grid.js';

const teams = [
  { id: 'sales', name: 'Sales', parentId: null },
  { id: 'east', name: 'East', parentId: 'sales' },
  { id: 'west', name: 'West', parentId: 'sales' },
  { id: 'east-smb', name: 'East SMB', parentId: 'east' },
];
const memberships: GridMembership[] = [
  { userId: 'vp', teamId: 'sales', role: 'executive' },
  { userId: 'm-east', teamId: 'east', role: 'manager' },
  { userId: 'a', teamId: 'east', role: 'rep' },
  { userId: 'b', teamId: 'east', role: 'rep' },
  { userId: 'c', teamId: 'east-smb', role: 'rep' },
  { userId: 'd', teamId: 'west', role: 'rep' },
];

describe('planCallGrid', () => {
  it('lists the team, its led child teams and its reps with the owners each sums', () => {
    const led = [...memberships, { userId: 'm-smb', teamId: 'east-smb', role: 'manager' as const }];
    const rows = planCallGrid(teams, led, 'east');
    expect(rows.map((r) => [r.kind, r.teamId, r.userId, [...r.ownerIds].sort()])).toEqual([
      ['team', 'east', 'm-east', ['a', 'b', 'c', 'm-east', 'm-smb']],
      ['child-team', 'east-smb', 'm-smb', ['c', 'm-smb']],
      ['member', null, 'a', ['a']],
      ['member', null, 'b', ['b']],
    ]);
  });

  it('brings the reps of a child team without a leader into the grid directly', () => {
    const rows = planCallGrid(teams, memberships, 'east');
    expect(rows.map((r) => [r.kind, r.userId])).toEqual([
      ['team', 'm-east'],
      ['member', 'a'],
      ['member', 'b'],
      ['member', 'c'],
    ]);
  });

  it('lets the executive lead the top team when it has no manager', () => {
    const rows = planCallGrid(teams, memberships, 'sales');
    expect(rows[0]?.userId).toBe('vp');
    // East has a manager; West has none, so its rep d stands in the top grid.
    expect(rows.map((r) => [r.teamId, r.userId])).toEqual([
      ['sales', 'vp'],
      ['east', 'm-east'],
      [null, 'd'],
    ]);
  });
});

describe('listCallTeams', () => {
  it('opens a manager’s subtree and every team to someone who reads everything', () => {
    expect(listCallTeams(teams, memberships, 'm-east', false).map((t) => t.id)).toEqual(['east', 'east-smb']);
    expect(listCallTeams(teams, memberships, 'a', false)).toEqual([]);
    expect(listCallTeams(teams, memberships, 'vp', true).map((t) => t.id)).toEqual([
      'sales',
      'east',
      'west',
      'east-smb',
    ]);
  });
});

describe('computeOwnerRollup', () => {
  it('sums Closed + Commit as commit and adds Best Case for best case, leaving Omitted out', () => {
    const totals = [
      {
        ownerId: 'a',
        category: 'Closed' as const,
        deals: 1,
        amountMinor: 500n,
        overriddenDeals: 0,
        overriddenMinor: 0n,
      },
      {
        ownerId: 'a',
        category: 'Commit' as const,
        deals: 2,
        amountMinor: 300n,
        overriddenDeals: 1,
        overriddenMinor: 100n,
      },
      {
        ownerId: 'a',
        category: 'Best Case' as const,
        deals: 1,
        amountMinor: 200n,
        overriddenDeals: 0,
        overriddenMinor: 0n,
      },
      {
        ownerId: 'a',
        category: 'Omitted' as const,
        deals: 4,
        amountMinor: 900n,
        overriddenDeals: 0,
        overriddenMinor: 0n,
      },
      {
        ownerId: 'b',
        category: 'Commit' as const,
        deals: 1,
        amountMinor: 1_000n,
        overriddenDeals: 0,
        overriddenMinor: 0n,
      },
    ];
    const rollup = computeOwnerRollup(totals, new Set(['a']));
    expect(rollup).toMatchObject({
      deals: 4,
      commitMinor: 800n,
      bestCaseMinor: 1_000n,
      overriddenDeals: 1,
      overriddenMinor: 100n,
    });
    expect(computeOwnerRollup(totals, 'everything').commitMinor).toBe(1_800n);
  });
});

describe('findCallInForce', () => {
  it('takes the latest call at or before the instant, the later seq on a tie', () => {
    const calls = [
      { submittedAt: new Date('2026-04-01T10:00:00Z'), seq: 5n, id: 'first' },
      { submittedAt: new Date('2026-04-02T10:00:00Z'), seq: 7n, id: 'second' },
      { submittedAt: new Date('2026-04-02T10:00:00Z'), seq: 9n, id: 'third' },
    ];
    expect(findCallInForce(calls, new Date('2026-04-01T12:00:00Z'))?.id).toBe('first');
    expect(findCallInForce(calls, new Date('2026-04-03T00:00:00Z'))?.id).toBe('third');
    expect(findCallInForce(calls, new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });
});
