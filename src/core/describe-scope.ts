import type { Principal } from './principal.js';

/** A person's reading scope in words, shown beside their name so nobody wonders what they see. */
export function describeScope(principal: Pick<Principal, 'access' | 'memberships'>): string {
  const read = principal.access.read;
  if (read.kind === 'everything') return 'Everything: every deal in the organisation';
  if (read.ownerIds.length === 0) return 'Nothing yet: ask an admin for a role';
  const managed = principal.memberships.filter((m) => m.role === 'manager').map((m) => m.teamName);
  if (managed.length === 0) return 'Your own deals';
  const teams = [...new Set(managed)].sort();
  const teamText =
    teams.length === 1 ? teams[0] : `${teams.slice(0, -1).join(', ')} and ${teams[teams.length - 1]}`;
  const people = read.ownerIds.length;
  return `Your deals and those of ${teamText} with the teams below (${people} ${people === 1 ? 'person' : 'people'})`;
}
