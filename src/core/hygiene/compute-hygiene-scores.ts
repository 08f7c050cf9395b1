import type { HygieneFlag } from './hygiene-flag.js';
import {
  computeHygieneScore,
  computeStandInValue,
  type HygieneScore,
  type ScoredDeal,
} from './compute-hygiene-score.js';

export type ScoreGroups = {
  /** Each owner's home team (the team of their first role), null when they have none. */
  ownerTeams: ReadonlyMap<string, string | null>;
  /** Each team's parent, for team scores that include the teams below. */
  teamParents: ReadonlyMap<string, string | null>;
};

export type OwnerScore = HygieneScore & { ownerId: string; teamId: string | null };
export type TeamScore = HygieneScore & { teamId: string };

/**
 * Hygiene scores per owner and per team (a team counts the deals of its own members and of every
 * team below it), all with the same stand-in value for deals without an amount (see
 * computeHygieneScore), so a team's figures are the sums of its members'. Owners and teams
 * without open deals are left out. Sorted by id.
 */
export function computeHygieneScores(
  deals: readonly ScoredDeal[],
  flagsByDeal: ReadonlyMap<string, readonly HygieneFlag[]>,
  groups: ScoreGroups,
): { owners: OwnerScore[]; teams: TeamScore[]; total: HygieneScore } {
  const standIn = computeStandInValue(deals);
  const byOwner = new Map<string, ScoredDeal[]>();
  const byTeam = new Map<string, ScoredDeal[]>();
  for (const deal of deals) {
    const owner = deal.ownerId ?? '';
    const ownDeals = byOwner.get(owner);
    if (ownDeals) ownDeals.push(deal);
    else byOwner.set(owner, [deal]);
    for (const team of teamChain(groups.ownerTeams.get(owner) ?? null, groups.teamParents)) {
      const list = byTeam.get(team);
      if (list) list.push(deal);
      else byTeam.set(team, [deal]);
    }
  }
  const owners = [...byOwner.entries()]
    .filter(([owner]) => owner !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ownerId, list]) => ({
      ownerId,
      teamId: groups.ownerTeams.get(ownerId) ?? null,
      ...computeHygieneScore(list, flagsByDeal, standIn),
    }));
  const teams = [...byTeam.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([teamId, list]) => ({ teamId, ...computeHygieneScore(list, flagsByDeal, standIn) }));
  return { owners, teams, total: computeHygieneScore(deals, flagsByDeal, standIn) };
}

/** A team and every team above it, stopping at a cycle in imported data. */
function teamChain(teamId: string | null, parents: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  for (let t = teamId; t !== null && !chain.includes(t); t = parents.get(t) ?? null) chain.push(t);
  return chain;
}
