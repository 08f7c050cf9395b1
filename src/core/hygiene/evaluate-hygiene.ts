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
  const enabled = hygieneRuleIds.filter((id) => options.settings[id].enabled);
  const flags: HygieneFlag[] = [];
  for (const deal of options.deals) {
    for (const id of enabled) {
      const rule = hygieneRules[id] as HygieneRule<HygieneRuleId>;
      if (deal.isClosed && !rule.includesClosed) continue;
      const setting = options.settings[id];
      const finding = rule.evaluate(deal, { ...options.context, thresholds: setting.thresholds });
      if (!finding) continue;
      flags.push({
        dealId: deal.id,
        dealName: deal.name,
        ownerId: deal.ownerId,
        rule: id,
        severity: setting.severity,
        evidence: finding.evidence,
        since: finding.since,
      });
    }
  }
  return flags;
}
