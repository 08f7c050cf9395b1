import type { Bridge, BridgeDealVersion } from './bridge-types.js';
import { computeBridge, type BridgeInput } from './compute-bridge.js';

export const bridgeGroupings = ['team', 'rep', 'segment'] as const;
export type BridgeGrouping = (typeof bridgeGroupings)[number];

export type BridgeGroup = {
  /** Team id, owner id or segment; null for deals without one. */
  key: string | null;
  label: string;
  bridge: Bridge;
};

/**
 * One bridge per team, rep or segment. Each is the bridge of the deals in that group at each
 * moment (by the version's owner or account), so every group adds up on its own, and a deal that
 * changed hands between groups leaves one and enters the other as `reassigned`. The groups' starts
 * and ends add up to the whole bridge's.
 */
export function groupBridge(input: BridgeInput, grouping: BridgeGrouping): BridgeGroup[] {
  const keyOf = (version: BridgeDealVersion): string | null => {
    if (grouping === 'rep') return version.ownerId;
    if (grouping === 'team')
      return version.ownerId === null ? null : (input.people.get(version.ownerId)?.teamId ?? null);
    return version.accountId === null ? null : (input.segments.get(version.accountId) ?? null);
  };
  const byDeal = new Map<string, BridgeDealVersion[]>();
  const versionsByKey = new Map<string | null, Set<string>>();
  for (const version of input.versions) {
    const list = byDeal.get(version.dealId);
    if (list) list.push(version);
    else byDeal.set(version.dealId, [version]);
    const key = keyOf(version);
    const deals = versionsByKey.get(key) ?? new Set<string>();
    deals.add(version.dealId);
    versionsByKey.set(key, deals);
  }
  const outer = input.includes ?? (() => true);
  const groups: BridgeGroup[] = [];
  for (const [key, dealIds] of versionsByKey) {
    const bridge = computeBridge({
      ...input,
      versions: [...dealIds].flatMap((id) => byDeal.get(id) ?? []),
      includes: (v) => outer(v) && keyOf(v) === key,
    });
    if (
      bridge.startMinor === 0n &&
      bridge.endMinor === 0n &&
      bridge.steps.every((s) => s.deals.length === 0)
    ) {
      continue;
    }
    groups.push({ key, label: labelOf(input, grouping, key), bridge });
  }
  return groups.sort(
    (a, b) =>
      compareBig(b.bridge.startMinor + b.bridge.endMinor, a.bridge.startMinor + a.bridge.endMinor) ||
      a.label.localeCompare(b.label),
  );
}

function labelOf(input: BridgeInput, grouping: BridgeGrouping, key: string | null): string {
  if (key === null)
    return grouping === 'segment' ? 'No segment' : grouping === 'team' ? 'No team' : 'No owner';
  if (grouping === 'rep') return input.people.get(key)?.name ?? key;
  if (grouping === 'team') {
    for (const person of input.people.values())
      if (person.teamId === key && person.teamName) return person.teamName;
    return key;
  }
  return key;
}

function compareBig(a: bigint, b: bigint): number {
  return a === b ? 0 : a > b ? 1 : -1;
}
