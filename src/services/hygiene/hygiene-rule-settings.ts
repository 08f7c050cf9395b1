import {
  applyHygieneRuleEvent,
  hygieneRuleConfiguredKind,
} from '../../core/hygiene/apply-hygiene-rule-event.js';
import { hygieneRuleDescriptions } from '../../core/hygiene/describe-hygiene-rule.js';
import { hygieneRuleIds, type HygieneRuleId, type Severity } from '../../core/hygiene/hygiene-rule-id.js';
import {
  computeHygieneSettings,
  defaultHygieneSettings,
  type RuleSettingChange,
} from '../../core/hygiene/hygiene-settings.js';
import { planRuleSettingChange } from '../../core/hygiene/plan-rule-setting-change.js';
import { listEventsOfTypes } from '../../store/hygiene-history-queries.js';
import { listStages } from '../../store/org-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';

export type HygieneRuleView = {
  rule: HygieneRuleId;
  description: string;
  enabled: boolean;
  severity: Severity;
  thresholds: Record<string, number | string | null>;
  defaults: { enabled: boolean; severity: Severity; thresholds: Record<string, number | string | null> };
};

/** Every rule with its settings now and its defaults. */
export async function listHygieneRules(handle: DatabaseHandle): Promise<HygieneRuleView[]> {
  return withConnection(handle, async (conn) => viewRules(await loadChanges(conn)));
}

/**
 * Changes one rule's settings (on/off, severity, thresholds) as one `hygiene-rule.configured` ledger
 * event; flags computed as of earlier moments keep the settings of their time.
 */
export async function changeHygieneRule(
  handle: DatabaseHandle,
  options: ChangeContext & { ruleId: string; change: RuleSettingChange },
): Promise<HygieneRuleView> {
  return runChange(handle, options, async (conn, record) => {
    const changes = await loadChanges(conn);
    const { ruleId, payload } = planRuleSettingChange({
      ruleId: options.ruleId,
      current: changes[options.ruleId as HygieneRuleId] ?? null,
      change: options.change,
      stages: await listStages(conn),
    });
    await record([
      {
        entityType: 'hygiene-rule',
        entityId: ruleId,
        kind: hygieneRuleConfiguredKind,
        payload: { ...payload },
      },
    ]);
    const after = await loadChanges(conn);
    const view = viewRules(after).find((r) => r.rule === ruleId);
    if (!view) throw new Error(`rule ${ruleId} vanished`);
    return view;
  });
}

async function loadChanges(
  conn: Pick<Connection, 'db'>,
): Promise<Partial<Record<HygieneRuleId, RuleSettingChange>>> {
  const changes: Partial<Record<HygieneRuleId, RuleSettingChange>> = {};
  for (const event of await listEventsOfTypes(conn, ['hygiene-rule'])) {
    const id = event.entityId as HygieneRuleId;
    changes[id] = applyHygieneRuleEvent(changes[id] ?? null, event);
  }
  return changes;
}

function viewRules(changes: Partial<Record<HygieneRuleId, RuleSettingChange>>): HygieneRuleView[] {
  const settings = computeHygieneSettings(changes);
  return hygieneRuleIds.map((rule) => ({
    rule,
    description: hygieneRuleDescriptions[rule],
    enabled: settings[rule].enabled,
    severity: settings[rule].severity,
    thresholds: settings[rule].thresholds as Record<string, number | string | null>,
    defaults: {
      enabled: defaultHygieneSettings[rule].enabled,
      severity: defaultHygieneSettings[rule].severity,
      thresholds: defaultHygieneSettings[rule].thresholds as Record<string, number | string | null>,
    },
  }));
}
