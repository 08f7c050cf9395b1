import type { DealFacts } from './deal-facts.js';
import type { HygieneFlag } from './hygiene-flag.js';
import { hygieneRuleIds, type HygieneRuleId } from './hygiene-rule-id.js';
import type { HygieneRule, RuleContext } from './hygiene-rule.js';
import { hygieneRules } from './hygiene-rules.js';
import type { HygieneSettings } from './hygiene-settings.js';

export type EvaluateHygieneOptions = {
  deals: Iterable<DealFacts>;
  settings: HygieneSettings;
  context: Omit<RuleContext, 'thresholds'>;
};

/**
 * Runs every enabled rule on every deal as of `context.asOf` and returns the flags, deal by deal in
 * the order given, each deal's flags in rule order. Pure: the same facts give the same flags.
 */
export function evaluateHygiene(options: EvaluateHygieneOptions): HygieneFlag[] {
  // Each rule's context is built once: spreading it for every deal cost more than the rules.
  const enabled = hygieneRuleIds
    .filter((id) => options.settings[id].enabled)
    .map((id) => ({
      id,
      rule: hygieneRules[id] as HygieneRule<HygieneRuleId>,
      severity: options.settings[id].severity,
      context: { ...options.context, thresholds: options.settings[id].thresholds },
    }));
  const flags: HygieneFlag[] = [];
  for (const deal of options.deals) {
    for (const { id, rule, severity, context } of enabled) {
      if (deal.isClosed && !rule.includesClosed) continue;
      const finding = rule.evaluate(deal, context);
      if (!finding) continue;
      flags.push({
        dealId: deal.id,
        dealName: deal.name,
        ownerId: deal.ownerId,
        rule: id,
        severity,
        evidence: finding.evidence,
        since: finding.since,
      });
    }
  }
  return flags;
}
