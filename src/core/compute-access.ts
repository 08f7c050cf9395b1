import type { AccessScope } from './access-scope.js';
import type { Membership, Role } from './org-entities.js';
import { roleGrants, type Reach, type RoleGrant } from './permissions.js';

/** What a signed-in person may do: one scope per kind of action, plus configuration rights. */
export type Access = {
  read: AccessScope;
  editDeals: AccessScope;
  forecast: AccessScope;
  administer: boolean;
};

export type AccessFacts = {
  userId: string;
  /** The person's own roles, one per team they hold it in. */
  memberships: readonly Membership[];
  /** Every team with its parent, to walk the tree down from a manager's team. */
  teams: readonly { id: string; name: string; parentId: string | null }[];
  /** Every role held by anyone, to find who belongs to a subtree. */
  allMemberships: readonly { userId: string; teamId: string }[];
};

export const noAccess: AccessScope = { kind: 'owners', ownerIds: [] };

/**
 * Turns a person's roles into scopes. A person may hold several roles in several teams; each
 * action's scope is the union of what each role grants. `subtree` means the owners who hold any
 * role in the team or in a team below it, plus the person themself.
 */
export function computeAccess(facts: AccessFacts): Access {
  const children = new Map<string, string[]>();
  for (const team of facts.teams) {
    if (team.parentId === null) continue;
    children.set(team.parentId, [...(children.get(team.parentId) ?? []), team.id]);
  }
  const membersByTeam = new Map<string, string[]>();
  for (const m of facts.allMemberships) {
    membersByTeam.set(m.teamId, [...(membersByTeam.get(m.teamId) ?? []), m.userId]);
  }

  const scopeFor = (pick: (grant: RoleGrant) => Reach): AccessScope => {
    const owners = new Set<string>();
    for (const membership of facts.memberships) {
      const reach = pick(roleGrants[membership.role as Role]);
      if (reach === 'everything') return { kind: 'everything' };
      if (reach === 'none') continue;
      owners.add(facts.userId);
      if (reach === 'subtree') {
        for (const teamId of subtreeOf(membership.teamId, children)) {
          for (const userId of membersByTeam.get(teamId) ?? []) owners.add(userId);
        }
      }
    }
    return { kind: 'owners', ownerIds: [...owners].sort() };
  };

  return {
    read: scopeFor((g) => g.read),
    editDeals: scopeFor((g) => g.editDeals),
    forecast: scopeFor((g) => g.forecast),
    administer: facts.memberships.some((m) => roleGrants[m.role].administer),
  };
}

/** Whether a scope lets its holder reach anything at all. */
export function isEmptyScope(scope: AccessScope): boolean {
  return scope.kind === 'owners' && scope.ownerIds.length === 0;
}

/** Whether a deal owned by `ownerId` lies inside a scope. */
export function scopeIncludesOwner(scope: AccessScope, ownerId: string | null): boolean {
  if (scope.kind === 'everything') return true;
  return ownerId !== null && scope.ownerIds.includes(ownerId);
}

function subtreeOf(teamId: string, children: Map<string, string[]>): string[] {
  const seen = new Set<string>([teamId]);
  const queue = [teamId];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    for (const child of children.get(next) ?? []) {
      if (seen.has(child)) continue; // a cycle in imported data must not loop forever
      seen.add(child);
      queue.push(child);
    }
  }
  return [...seen];
}
