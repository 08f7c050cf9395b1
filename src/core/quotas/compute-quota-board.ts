import type { Role } from '../org-entities.js';

export type BoardTeam = { id: string; name: string; parentId: string | null; depth: number };
export type BoardMember = { userId: string; name: string; teamId: string; role: Role };
/** A quota already in the corporate currency (null: its currency has no rate). */
export type BoardQuota = { subjectType: 'user' | 'team'; subjectId: string; corporateMinor: bigint | null };

export type QuotaBoardPerson = {
  userId: string;
  name: string;
  teamIds: string[];
  quotaMinor: bigint | null;
};

export type QuotaBoardTeam = BoardTeam & {
  /** The quota set on the team itself, or null. */
  ownMinor: bigint | null;
  /** The sum of the quotas of the people in the team and the teams below it (each person once). */
  membersMinor: bigint;
  /** How many of those people have a quota. */
  membersWithQuota: number;
  /** `own − members`: positive when the team carries more than its people do; null without own quota. */
  differenceMinor: bigint | null;
  /** What the team is measured against: its own quota when set, else the sum of its people's. */
  effectiveMinor: bigint | null;
  effectiveSource: 'team' | 'members' | 'none';
};

/**
 * Quotas of a period laid out by person and team. A team's quota may be set on its own or be the
 * sum of its members'; both are kept and their difference shown, so a gap between what the
 * company expects of a team and what it asked of its people is visible.
 */
export function computeQuotaBoard(input: {
  teams: readonly BoardTeam[];
  members: readonly BoardMember[];
  quotas: readonly BoardQuota[];
  /** Names of people who may hold a quota without a role in any team. */
  names?: ReadonlyMap<string, string>;
}): { people: QuotaBoardPerson[]; teams: QuotaBoardTeam[] } {
  const userQuota = new Map<string, bigint | null>();
  const teamQuota = new Map<string, bigint | null>();
  for (const quota of input.quotas) {
    (quota.subjectType === 'user' ? userQuota : teamQuota).set(quota.subjectId, quota.corporateMinor);
  }
  const people = new Map<string, QuotaBoardPerson>();
  for (const member of input.members) {
    const person = people.get(member.userId) ?? {
      userId: member.userId,
      name: member.name,
      teamIds: [],
      quotaMinor: userQuota.get(member.userId) ?? null,
    };
    if (!person.teamIds.includes(member.teamId)) person.teamIds.push(member.teamId);
    people.set(member.userId, person);
  }
  for (const [userId, quotaMinor] of userQuota) {
    if (people.has(userId)) continue;
    people.set(userId, { userId, name: input.names?.get(userId) ?? userId, teamIds: [], quotaMinor });
  }
  const teams = input.teams.map((team): QuotaBoardTeam => {
    const memberIds = collectSubtreeMembers(team.id, input.teams, input.members);
    let membersMinor = 0n;
    let membersWithQuota = 0;
    for (const userId of memberIds) {
      const quota = userQuota.get(userId);
      if (quota === undefined || quota === null) continue;
      membersMinor += quota;
      membersWithQuota += 1;
    }
    const own = teamQuota.get(team.id) ?? null;
    const effectiveSource = own !== null ? 'team' : membersWithQuota > 0 ? 'members' : 'none';
    return {
      ...team,
      ownMinor: own,
      membersMinor,
      membersWithQuota,
      differenceMinor: own === null ? null : own - membersMinor,
      effectiveMinor: own ?? (membersWithQuota > 0 ? membersMinor : null),
      effectiveSource,
    };
  });
  return { people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)), teams };
}

/** The people holding a role in a team or any team below it, each once. */
export function collectSubtreeMembers(
  teamId: string,
  teams: readonly { id: string; parentId: string | null }[],
  members: readonly { userId: string; teamId: string }[],
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
  return new Set(members.filter((m) => inTree.has(m.teamId)).map((m) => m.userId));
}
