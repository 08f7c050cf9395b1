import type { Role } from '../org-entities.js';

export type GridTeam = { id: string; name: string; parentId: string | null };
export type GridMembership = { userId: string; teamId: string; role: Role };

/** One row of a team's call grid: whose call it shows and whose deals its roll-up sums. */
export type CallGridRowPlan = {
  /** `team`: the team itself (its leader's call); `child-team`: a team below it; `member`: a rep of the team. */
  kind: 'team' | 'child-team' | 'member';
  teamId: string | null;
  /** The person whose call the row shows: the rep, or the team's leader; null for a team without one. */
  userId: string | null;
  /** Owners whose deals the row's roll-up sums: the rep, or everyone in the team and below. */
  ownerIds: ReadonlySet<string>;
};

/** Roles that lead a team's number, in order of preference. */
const leaderRoles: readonly Role[] = ['manager', 'executive'];

/**
 * The rows of one team's call grid: the team (its leader's call against the whole subtree), each
 * child team that has a leader (its leader's call against that child's subtree), then each rep of
 * the team. A child team without a leader has nobody to call its number, so its own child teams and
 * reps appear in this grid directly. The leader of a team is its first manager by id, else its first
 * executive.
 */
export function planCallGrid(
  teams: readonly GridTeam[],
  memberships: readonly GridMembership[],
  teamId: string,
): CallGridRowPlan[] {
  const children = childrenByTeam(teams);
  const ownersOf = (id: string) => {
    const subtree = subtreeOf(id, children);
    return new Set(memberships.filter((m) => subtree.has(m.teamId)).map((m) => m.userId));
  };
  const childTeams: CallGridRowPlan[] = [];
  const reps = new Set<string>();
  const visit = (id: string, seen: Set<string>): void => {
    for (const m of memberships) if (m.teamId === id && m.role === 'rep') reps.add(m.userId);
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      const leader = findTeamLeader(memberships, child);
      if (leader === null) visit(child, seen);
      else childTeams.push({ kind: 'child-team', teamId: child, userId: leader, ownerIds: ownersOf(child) });
    }
  };
  visit(teamId, new Set([teamId]));
  return [
    { kind: 'team', teamId, userId: findTeamLeader(memberships, teamId), ownerIds: ownersOf(teamId) },
    ...childTeams,
    ...[...reps].sort().map((userId) => ({
      kind: 'member' as const,
      teamId: null,
      userId,
      ownerIds: new Set([userId]),
    })),
  ];
}

/** Who leads a team's number: its first manager by id, else its first executive, else nobody. */
export function findTeamLeader(memberships: readonly GridMembership[], teamId: string): string | null {
  for (const role of leaderRoles) {
    const ids = memberships
      .filter((m) => m.teamId === teamId && m.role === role)
      .map((m) => m.userId)
      .sort();
    if (ids[0] !== undefined) return ids[0];
  }
  return null;
}

/** A team and every team below it (a cycle in imported data stops at the first repeat). */
export function subtreeOf(teamId: string, children: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>([teamId]);
  const queue = [teamId];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return seen;
}

export function childrenByTeam(teams: readonly GridTeam[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const team of [...teams].sort((a, b) => a.name.localeCompare(b.name))) {
    if (team.parentId === null) continue;
    children.set(team.parentId, [...(children.get(team.parentId) ?? []), team.id]);
  }
  return children;
}

/**
 * The teams whose grid a person may open: every team for someone who reads everything, otherwise
 * the teams they manage and the teams below them. Ordered from the top of the tree down.
 */
export function listCallTeams(
  teams: readonly GridTeam[],
  memberships: readonly GridMembership[],
  userId: string,
  readsEverything: boolean,
): GridTeam[] {
  const children = childrenByTeam(teams);
  const open = new Set<string>();
  if (readsEverything) teams.forEach((t) => open.add(t.id));
  for (const m of memberships) {
    if (m.userId !== userId || m.role !== 'manager') continue;
    for (const id of subtreeOf(m.teamId, children)) open.add(id);
  }
  const depth = (team: GridTeam): number => {
    let d = 0;
    for (let t = team; t.parentId !== null && d < teams.length; d += 1) {
      const parent = teams.find((p) => p.id === t.parentId);
      if (!parent) break;
      t = parent;
    }
    return d;
  };
  return teams
    .filter((t) => open.has(t.id))
    .sort((a, b) => depth(a) - depth(b) || a.name.localeCompare(b.name));
}
