import { canonicalJson } from '../core/canonical-json.js';
import { applyHygieneRuleEvent } from '../core/hygiene/apply-hygiene-rule-event.js';
import type { RuleSettingChange } from '../core/hygiene/hygiene-settings.js';
import type { LedgerEvent } from '../core/ledger-event.js';
import { compareBusinessOrder } from '../core/opportunity-history.js';
import type { ProjectionRow, ProjectionTable } from './projection-tables.js';

type EventForProjection = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'businessTime' | 'seq'>;

/** The admin's hygiene rule settings, one row per configured rule (migration 0010). */
export const hygieneProjectionTables: readonly ProjectionTable[] = [
  {
    name: 'hygiene_rules',
    entityColumn: 'rule_id',
    columns: [
      { name: 'rule_id', read: 'rule_id' },
      { name: 'settings', read: 'settings', json: true },
    ],
  },
];

export function projectHygieneRule(
  ruleId: string,
  events: readonly EventForProjection[],
): Record<string, ProjectionRow[]> {
  let state: RuleSettingChange | null = null;
  for (const event of [...events].sort(compareBusinessOrder)) state = applyHygieneRuleEvent(state, event);
  return state ? { hygiene_rules: [{ rule_id: ruleId, settings: canonicalJson(state) }] } : {};
}
