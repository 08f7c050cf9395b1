import type { DealChange } from '../hygiene/compute-deal-changes.js';
import type { HygieneFlag } from '../hygiene/hygiene-flag.js';
import type { Digest, DigestChange, DigestFlag } from './digest.js';
import { composeDigestSubject } from './render-digest.js';

export type DigestInputs = {
  asOf: Date;
  currency: string;
  flags: readonly HygieneFlag[];
  /** The week's changes per deal, with their size (see computeChangeMagnitude). */
  changes: readonly {
    dealId: string;
    dealName: string;
    ownerId: string | null;
    changes: DealChange[];
    magnitudeMinor: bigint;
    amount: string | null;
  }[];
  /** Team scores (0–100 or null) by team id. */
  teamScores: ReadonlyMap<string, number | null>;
  people: {
    userNames: ReadonlyMap<string, string>;
    emails: ReadonlyMap<string, string>;
    teamNames: ReadonlyMap<string, string>;
    managers: readonly { userId: string; teamId: string }[];
    /** The owners in each team's subtree. */
    teamMembers: ReadonlyMap<string, readonly string[]>;
  };
  /** How many of the biggest changes a manager's digest lists. */
  topChanges: number;
};

/**
 * The week's digests: one per owner with at least one flag on their deals, and one per manager role
 * (a manager of two teams gets two) with their team's flags, score and biggest changes. Sorted by
 * audience (owners first), then recipient and team.
 */
export function buildDigests(inputs: DigestInputs): Digest[] {
  const name = (id: string | null) => (id === null ? null : (inputs.people.userNames.get(id) ?? id));
  const toFlag = (f: HygieneFlag): DigestFlag => ({
    deal: f.dealId,
    dealName: f.dealName,
    ownerName: name(f.ownerId),
    rule: f.rule,
    severity: f.severity,
    evidence: f.evidence,
    since: f.since.toISOString(),
  });
  const base = { asOf: inputs.asOf.toISOString(), currency: inputs.currency };
  const digests: Digest[] = [];
  const owners = [
    ...new Set(inputs.flags.map((f) => f.ownerId).filter((o): o is string => o !== null)),
  ].sort();
  for (const owner of owners) {
    const flags = inputs.flags.filter((f) => f.ownerId === owner).map(toFlag);
    const digest = {
      ...base,
      audience: 'owner' as const,
      recipientId: owner,
      recipientName: name(owner) ?? owner,
      email: inputs.people.emails.get(owner) ?? null,
      teamId: null,
      teamName: null,
      flags,
      score: null,
      changes: [],
    };
    digests.push({ ...digest, subject: composeDigestSubject(digest) });
  }
  const managers = [...inputs.people.managers].sort(
    (a, b) => a.userId.localeCompare(b.userId) || a.teamId.localeCompare(b.teamId),
  );
  for (const { userId, teamId } of managers) {
    const members = new Set(inputs.people.teamMembers.get(teamId) ?? []);
    const changes: DigestChange[] = inputs.changes
      .filter((c) => c.ownerId !== null && members.has(c.ownerId) && c.changes.length > 0)
      .sort((a, b) =>
        b.magnitudeMinor > a.magnitudeMinor
          ? 1
          : b.magnitudeMinor < a.magnitudeMinor
            ? -1
            : a.dealId.localeCompare(b.dealId),
      )
      .slice(0, inputs.topChanges)
      .map((c) => ({
        deal: c.dealId,
        dealName: c.dealName,
        ownerName: name(c.ownerId),
        changes: c.changes.map((x) => x.text),
        amount: c.amount,
      }));
    const digest = {
      ...base,
      audience: 'manager' as const,
      recipientId: userId,
      recipientName: name(userId) ?? userId,
      email: inputs.people.emails.get(userId) ?? null,
      teamId,
      teamName: inputs.people.teamNames.get(teamId) ?? teamId,
      flags: inputs.flags.filter((f) => f.ownerId !== null && members.has(f.ownerId)).map(toFlag),
      score: inputs.teamScores.get(teamId) ?? null,
      changes,
    };
    digests.push({ ...digest, subject: composeDigestSubject(digest) });
  }
  return digests;
}
