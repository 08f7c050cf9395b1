import { describe, expect, it } from 'vitest';
import { computeAccess, type AccessFacts } from './compute-access.js';

/**
 * Teams: company ⟶ emea ⟶ (uk, de); company ⟶ amer. People: rita (rep, uk), dan (rep, de),
 * mia (manager, emea), al (rep, amer), eve (executive, company), vic (viewer, company),
 * ada (admin, company), max (manager of uk and rep in amer).
 */
const teams = [
  { id: 'company', name: 'Company', parentId: null },
  { id: 'emea', name: 'EMEA', parentId: 'company' },
  { id: 'uk', name: 'UK', parentId: 'emea' },
  { id: 'de', name: 'Germany', parentId: 'emea' },
  { id: 'amer', name: 'Americas', parentId: 'company' },
];
const roles: [string, string, AccessFacts['memberships'][number]['role']][] = [
  ['rita', 'uk', 'rep'],
  ['dan', 'de', 'rep'],
  ['mia', 'emea', 'manager'],
  ['al', 'amer', 'rep'],
  ['eve', 'company', 'executive'],
  ['vic', 'company', 'viewer'],
  ['ada', 'company', 'admin'],
  ['max', 'uk', 'manager'],
  ['max', 'amer', 'rep'],
];

function accessOf(userId: string, extraTeams = teams) {
  return computeAccess({
    userId,
    memberships: roles.filter(([u]) => u === userId).map(([, teamId, role]) => ({ teamId, role })),
    teams: extraTeams,
    allMemberships: roles.map(([u, teamId]) => ({ userId: u, teamId })),
  });
}

describe('computeAccess', () => {
  it('lets a rep read, edit and forecast only their own deals', () => {
    expect(accessOf('rita')).toEqual({
      read: { kind: 'owners', ownerIds: ['rita'] },
      editDeals: { kind: 'owners', ownerIds: ['rita'] },
      forecast: { kind: 'owners', ownerIds: ['rita'] },
      administer: false,
    });
  });

  it('lets a manager reach everyone in their team and every team below it, and no further', () => {
    const access = accessOf('mia');
    expect(access.read).toEqual({ kind: 'owners', ownerIds: ['dan', 'max', 'mia', 'rita'] });
    expect(access.editDeals).toEqual(access.read);
  });

  it('unites the reach of several roles in several teams', () => {
    expect(accessOf('max').read).toEqual({ kind: 'owners', ownerIds: ['max', 'rita'] });
  });

  it('gives executives everything to read and forecast but no deal edits', () => {
    const access = accessOf('eve');
    expect(access.read).toEqual({ kind: 'everything' });
    expect(access.forecast).toEqual({ kind: 'everything' });
    expect(access.editDeals).toEqual({ kind: 'owners', ownerIds: [] });
    expect(access.administer).toBe(false);
  });

  it('gives viewers reading only, and admins reading plus configuration', () => {
    expect(accessOf('vic')).toMatchObject({ read: { kind: 'everything' }, administer: false });
    expect(accessOf('vic').forecast).toEqual({ kind: 'owners', ownerIds: [] });
    expect(accessOf('ada')).toMatchObject({ read: { kind: 'everything' }, administer: true });
    expect(accessOf('ada').editDeals).toEqual({ kind: 'owners', ownerIds: [] });
  });

  it('gives a person without roles nothing at all', () => {
    expect(accessOf('nobody').read).toEqual({ kind: 'owners', ownerIds: [] });
  });

  it('survives a cycle in an imported team tree', () => {
    const cyclic = teams.map((t) => (t.id === 'emea' ? { ...t, parentId: 'de' } : t));
    expect(accessOf('mia', cyclic).read).toEqual({ kind: 'owners', ownerIds: ['dan', 'max', 'mia', 'rita'] });
  });
});
