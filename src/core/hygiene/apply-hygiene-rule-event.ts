import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import { isHygieneRuleId } from './hygiene-rule-id.js';
import {
  mergeRuleSettingChange,
  ruleSettingChangeSchema,
  type RuleSettingChange,
} from './hygiene-settings.js';

/** The event kind of an admin's change to one rule (entity `hygiene-rule`, id = the rule id). */
export const hygieneRuleConfiguredKind = 'hygiene-rule.configured';

/**
 * Folds one `hygiene-rule.configured` event into what the admin has set for that rule so far.
 * Each event carries only what changes; unset parts keep their defaults (computeHygieneSettings).
 */
export function applyHygieneRuleEvent(
  state: RuleSettingChange | null,
  event: Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'seq'>,
): RuleSettingChange {
  if (event.kind !== hygieneRuleConfiguredKind || !isHygieneRuleId(event.entityId)) {
    throw new DomainError(
      'ledger-broken',
      `hygiene-rule ${event.entityId} has an unknown event kind '${event.kind}' or rule (seq ${event.seq})`,
    );
  }
  return mergeRuleSettingChange(state, ruleSettingChangeSchema.parse(event.payload));
}
