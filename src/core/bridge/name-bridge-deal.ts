import type { BridgeDeal, BridgeDealVersion, BridgePerson } from './bridge-types.js';

/** A deal as a step lists it, named by the owner and account of the given version. */
export function nameBridgeDeal(
  lookups: { people: ReadonlyMap<string, BridgePerson>; segments: ReadonlyMap<string, string | null> },
  version: BridgeDealVersion,
  movement: { amountMinor: bigint; at: Date; change: string },
): BridgeDeal {
  const person = version.ownerId === null ? undefined : lookups.people.get(version.ownerId);
  return {
    id: version.dealId,
    name: version.name,
    ownerId: version.ownerId,
    owner: person?.name ?? version.ownerId,
    teamId: person?.teamId ?? null,
    team: person?.teamName ?? null,
    segment: version.accountId === null ? null : (lookups.segments.get(version.accountId) ?? null),
    ...movement,
  };
}
