import type { HygieneRuleId, Severity } from './hygiene-rule-id.js';

/** One rule that holds for one deal as of an instant. */
export type HygieneFlag = {
  dealId: string;
  dealName: string;
  ownerId: string | null;
  rule: HygieneRuleId;
  severity: Severity;
  evidence: string;
  /** Since when the rule has held (it may have held since before anyone could know). */
  since: Date;
};
