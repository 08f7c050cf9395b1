import { DomainError } from '../domain-error.js';

export type TeamNode = { id: string; name: string; parentId: string | null };

export type PlacedTeam = TeamNode & {
  /** 0 for a top-level team. */
  depth: number;
  /** Team names from the top of the tree down to this team. */
  path: string[];
};

/**
 * The team tree flattened in reading order: each team followed by the teams below it, siblings by
 * name. A team whose parent is unknown (imported data) is shown at the top, and a cycle in
 * imported data is cut where it closes, so every team appears exactly once.
 */
export function orderTeamTree(teams: readonly TeamNode[]): PlacedTeam[] {
  const ids = new Set(teams.map((t) => t.id));
  const children = new Map<string | null, TeamNode[]>();
  for (const team of teams) {
    const parent = team.parentId !== null && ids.has(team.parentId) ? team.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  for (const list of children.values())
    list.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const placed: PlacedTeam[] = [];
  const seen = new Set<string>();
  const visit = (team: TeamNode, path: string[]) => {
    if (seen.has(team.id)) return;
    seen.add(team.id);
    const here = [...path, team.name];
    placed.push({ ...team, depth: path.length, path: here });
    for (const child of children.get(team.id) ?? []) visit(child, here);
  };
  for (const root of children.get(null) ?? []) visit(root, []);
  // Teams only reachable through a cycle: start from each one not placed yet.
  for (const team of [...teams].sort((a, b) => a.id.localeCompare(b.id))) visit(team, []);
  return placed;
}

/**
 * Refuses to put a team under itself or under one of its own sub-teams: the tree would become a
 * loop, and a manager's scope ("my team and the teams below") would have no bottom.
 */
export function checkTeamMove(teams: readonly TeamNode[], teamId: string, newParentId: string | null): void {
  if (newParentId === null) return;
  const byId = new Map(teams.map((t) => [t.id, t]));
  const team = byId.get(teamId);
  const parent = byId.get(newParentId);
  if (!team || !parent) return; // existence is the caller's check
  const chain: TeamNode[] = [];
  for (
    let at: TeamNode | undefined = parent;
    at;
    at = at.parentId === null ? undefined : byId.get(at.parentId)
  ) {
    chain.unshift(at);
    if (at.id === teamId) {
      const path = chain.map((t) => t.name).join(' › ');
      const reason =
        parent.id === teamId
          ? 'a team cannot be its own parent'
          : `${parent.name} is inside ${team.name} (${path}): the tree would become a loop`;
      throw new DomainError('invalid-input', `${team.name} cannot move under ${parent.name}: ${reason}`, [
        { where: 'parentId', value: newParentId, reason },
      ]);
    }
    if (chain.length > teams.length) break; // a loop already in imported data
  }
}
