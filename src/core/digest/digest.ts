import type { HygieneRuleId, Severity } from '../hygiene/hygiene-rule-id.js';

/** One flag as a digest lists it. */
export type DigestFlag = {
  deal: string;
  dealName: string;
  ownerName: string | null;
  rule: HygieneRuleId;
  severity: Severity;
  evidence: string;
  since: string;
};

/** One of the week's biggest changes on a manager's team. */
export type DigestChange = {
  deal: string;
  dealName: string;
  ownerName: string | null;
  changes: string[];
  amount: string | null;
};

/**
 * A weekly digest for one person: an owner gets the flags on their own deals; a manager gets the
 * flags on their team's deals, the team's hygiene score and the biggest changes since last week.
 */
export type Digest = {
  audience: 'owner' | 'manager';
  recipientId: string;
  recipientName: string;
  email: string | null;
  /** The manager's team (null for an owner). */
  teamId: string | null;
  teamName: string | null;
  asOf: string;
  currency: string;
  subject: string;
  flags: DigestFlag[];
  /** 0–100, for a manager's team; null for an owner or a team without open deals. */
  score: number | null;
  changes: DigestChange[];
};
