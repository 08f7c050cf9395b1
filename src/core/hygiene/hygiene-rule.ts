import type { Stage } from '../stage.js';
import type { DealFacts } from './deal-facts.js';
import type { HygieneRuleId } from './hygiene-rule-id.js';
import type { RuleThresholds } from './hygiene-settings.js';

/** How long deals usually stay in a stage, as of T, and where that figure came from. */
export type StageNorm = {
  /** Days a deal may stay before it counts as stuck. */
  limitDays: number;
  /** The organisation's own percentile, or the admin's fallback when history is thin. */
  basis: 'history' | 'fallback';
  /** Completed stays in this stage known at T. */
  samples: number;
  /** The median of those stays in days, null without samples. */
  medianDays: number | null;
};

/** Everything a rule may read besides the deal itself. */
export type RuleContext<K extends HygieneRuleId = HygieneRuleId> = {
  asOf: Date;
  /** The day of `asOf` in the organisation's time zone, `YYYY-MM-DD`. */
  today: string;
  timeZone: string;
  thresholds: RuleThresholds[K];
  /** The stages as configured at T. */
  stages: readonly Stage[];
  /** The usual time in each stage, by stage name. */
  stageNorms: ReadonlyMap<string, StageNorm>;
  /** From the organisation settings: see src/core/backdating.ts. */
  backdatedAfterHours: number;
  lateCloseAfterDays: number;
  /** Minor-unit decimals of a currency, for amounts in evidence. */
  decimalsOf: (currency: string) => number;
};

/** What a rule found: the evidence in words and since when it holds. */
export type RuleFinding = { evidence: string; since: Date };

export type HygieneRule<K extends HygieneRuleId = HygieneRuleId> = {
  id: K;
  /** Whether the rule also looks at won and lost deals (only the backdated-change rule does). */
  includesClosed: boolean;
  evaluate: (deal: DealFacts, context: RuleContext<K>) => RuleFinding | null;
};
