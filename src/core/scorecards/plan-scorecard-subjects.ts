import type { AccessScope } from '../access-scope.js';
import { scopeIncludesOwner } from '../compute-access.js';
import type { Role } from '../org-entities.js';
import { collectSubtreeMembers } from '../quotas/compute-quota-board.js';

export type SubjectTeam = {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
  path: string[];
};
export type SubjectMember = { userId: string; name: string; teamId: string; role: Role };

export type PersonSubject = { userId: string; name: string; role: Role; teamIds: string[] };
export type TeamSubject = SubjectTeam & { ownerIds: string[]; repCount: number };

/**
 * Who gets a card, within what the caller may see: every person holding the rep role (or having a
 * quota, in a team or not) who is in scope; every team all of whose people are in scope (a team's totals must be sums
 * over deals the caller may see, and a team with people outside the caller's reach is not theirs
 * to see whole). `teamId` narrows to that team and the teams below it, `ownerId` to one person
 * (and no team).
 */
export function planScorecardSubjects(input: {
  teams: readonly SubjectTeam[];
  members: readonly SubjectMember[];
  /** People with a quota in the period, whatever their role. */
  quotaHolders: ReadonlySet<string>;
  /** Names of quota holders who are in no team (the id stands in for a name not given). */
  holderNames?: ReadonlyMap<string, string>;
  scope: AccessScope;
  teamId?: string | undefined;
  ownerId?: string | undefined;
}): { people: PersonSubject[]; teams: TeamSubject[] } {
  const narrowed =
    input.teamId === undefined ? null : collectSubtreeMembers(input.teamId, input.teams, input.members);
  const teamsBelow = input.teamId === undefined ? null : subtreeTeams(input.teamId, input.teams);
  const people = new Map<string, PersonSubject>();
  for (const member of input.members) {
    const person = people.get(member.userId) ?? {
      userId: member.userId,
      name: member.name,
      role: member.role,
      teamIds: [],
    };
    if (member.role === 'rep') person.role = 'rep';
    if (!person.teamIds.includes(member.teamId)) person.teamIds.push(member.teamId);
    people.set(member.userId, person);
  }
  for (const userId of input.quotaHolders) {
    if (people.has(userId)) continue;
    // A quota holder in no team (say, an owner an export names without describing) still has a
    // card, measured like a rep; no team card counts them.
    const name = input.holderNames?.get(userId) ?? userId;
    people.set(userId, { userId, name, role: 'rep', teamIds: [] });
  }
  const cardPeople = [...people.values()].filter(
    (p) =>
      (p.role === 'rep' || input.quotaHolders.has(p.userId)) &&
      scopeIncludesOwner(input.scope, p.userId) &&
      (narrowed === null || narrowed.has(p.userId)) &&
      (input.ownerId === undefined || p.userId === input.ownerId),
  );
  const teams =
    input.ownerId !== undefined
      ? []
      : input.teams
          .filter((t) => teamsBelow === null || teamsBelow.has(t.id))
          .map((team) => {
            const ownerIds = [...collectSubtreeMembers(team.id, input.teams, input.members)].sort();
            const repCount = ownerIds.filter((id) => people.get(id)?.role === 'rep').length;
            return { ...team, ownerIds, repCount };
          })
          .filter(
            (t) => t.ownerIds.length > 0 && t.ownerIds.every((id) => scopeIncludesOwner(input.scope, id)),
          );
  return { people: cardPeople.sort((a, b) => a.name.localeCompare(b.name)), teams };
}

function subtreeTeams(
  teamId: string,
  teams: readonly { id: string; parentId: string | null }[],
): Set<string> {
  const inTree = new Set([teamId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams) {
      if (team.parentId !== null && inTree.has(team.parentId) && !inTree.has(team.id)) {
        inTree.add(team.id);
        grew = true;
      }
    }
  }
  return inTree;
}
