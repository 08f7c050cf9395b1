import { DomainError } from '../domain-error.js';
import type { Stage } from '../stage.js';
import { isHygieneRuleId, type HygieneRuleId } from './hygiene-rule-id.js';
import {
  computeHygieneSettings,
  defaultHygieneSettings,
  ruleThresholdSchemas,
  type RuleSettingChange,
} from './hygiene-settings.js';

/**
 * Checks an admin's change to one rule and returns the payload of its `hygiene-rule.configured`
 * event. Refused, with what and why: an unknown rule (not-found), a threshold the rule does not
 * have, a value out of range, a late stage that is not configured, or a change that changes nothing.
 */
export function planRuleSettingChange(options: {
  ruleId: string;
  current: RuleSettingChange | null;
  change: RuleSettingChange;
  stages: readonly Stage[];
}): { ruleId: HygieneRuleId; payload: RuleSettingChange } {
  const { ruleId, change } = options;
  if (!isHygieneRuleId(ruleId)) {
    throw new DomainError('not-found', `there is no hygiene rule '${ruleId}'`);
  }
  const known = Object.keys(defaultHygieneSettings[ruleId].thresholds);
  for (const key of Object.keys(change.thresholds ?? {})) {
    if (!known.includes(key)) {
      throw new DomainError('invalid-input', `the rule ${ruleId} has no threshold '${key}'`, [
        {
          where: `thresholds.${key}`,
          reason: known.length ? `its thresholds are: ${known.join(', ')}` : 'it has no thresholds',
        },
      ]);
    }
  }
  const merged = {
    ...defaultHygieneSettings[ruleId].thresholds,
    ...options.current?.thresholds,
    ...change.thresholds,
  };
  const parsed = ruleThresholdSchemas[ruleId].safeParse(merged);
  if (!parsed.success) {
    throw new DomainError(
      'invalid-input',
      `a threshold of ${ruleId} is out of range`,
      parsed.error.issues.map((i) => ({ where: `thresholds.${i.path.join('.')}`, reason: i.message })),
    );
  }
  const lateStage = (change.thresholds as { stage?: unknown } | undefined)?.stage;
  if (
    ruleId === 'created-late-stage' &&
    typeof lateStage === 'string' &&
    !options.stages.some((s) => s.name === lateStage)
  ) {
    throw new DomainError('invalid-input', `there is no stage '${lateStage}'`, [
      {
        where: 'thresholds.stage',
        value: lateStage,
        reason: `the stages are: ${options.stages.map((s) => s.name).join(', ')}`,
      },
    ]);
  }
  const before = computeHygieneSettings({ [ruleId]: options.current ?? {} })[ruleId];
  const after = computeHygieneSettings({ [ruleId]: { ...options.current, ...change, thresholds: merged } })[
    ruleId
  ];
  if (JSON.stringify(before) === JSON.stringify(after)) {
    throw new DomainError('invalid-input', `nothing to change: ${ruleId} already has these settings`);
  }
  const payload: RuleSettingChange = {};
  if (change.enabled !== undefined) payload.enabled = change.enabled;
  if (change.severity !== undefined) payload.severity = change.severity;
  if (change.thresholds !== undefined) payload.thresholds = change.thresholds;
  return { ruleId, payload };
}
