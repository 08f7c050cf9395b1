import { z } from 'zod';
import type { HygieneRuleId, Severity } from './hygiene-rule-id.js';
import { hygieneRuleIds, severities } from './hygiene-rule-id.js';

const days = z.number().int().min(1).max(3650);

/** Each rule's thresholds, as an admin may set them; every key has a default below. */
export const ruleThresholdSchemas = {
  'close-date-past': z.object({}),
  'no-activity': z.object({ days }),
  'stuck-in-stage': z.object({
    /** The share of this organisation's completed stays in a stage that a deal may exceed, in (0, 1). */
    percentile: z.number().gt(0).lt(1),
    /** Fewer completed stays in a stage than this and the fallback applies. */
    minSamples: z.number().int().min(1).max(100_000),
    fallbackDays: days,
  }),
  'pushed-repeatedly': z.object({ pushes: z.number().int().min(1).max(100) }),
  'amount-missing': z.object({}),
  'amount-swing': z.object({ percent: z.number().gt(0).max(10_000), days }),
  'commit-without-next-step': z.object({}),
  'missing-required-fields': z.object({}),
  'created-late-stage': z.object({
    /** The first stage that counts as late; null: the first open stage whose category is Best Case or Commit. */
    stage: z.string().min(1).nullable(),
  }),
  'backdated-change': z.object({ lookbackDays: days }),
} as const satisfies Record<HygieneRuleId, z.ZodObject>;

export type RuleThresholds = { [K in HygieneRuleId]: z.infer<(typeof ruleThresholdSchemas)[K]> };

export type RuleSetting<K extends HygieneRuleId = HygieneRuleId> = {
  enabled: boolean;
  severity: Severity;
  thresholds: RuleThresholds[K];
};
export type HygieneSettings = { [K in HygieneRuleId]: RuleSetting<K> };

export const defaultHygieneSettings: HygieneSettings = {
  'close-date-past': { enabled: true, severity: 'high', thresholds: {} },
  'no-activity': { enabled: true, severity: 'high', thresholds: { days: 30 } },
  'stuck-in-stage': {
    enabled: true,
    severity: 'medium',
    thresholds: { percentile: 0.9, minSamples: 20, fallbackDays: 60 },
  },
  'pushed-repeatedly': { enabled: true, severity: 'high', thresholds: { pushes: 3 } },
  'amount-missing': { enabled: true, severity: 'medium', thresholds: {} },
  'amount-swing': { enabled: true, severity: 'low', thresholds: { percent: 25, days: 7 } },
  'commit-without-next-step': { enabled: true, severity: 'medium', thresholds: {} },
  'missing-required-fields': { enabled: true, severity: 'medium', thresholds: {} },
  'created-late-stage': { enabled: true, severity: 'low', thresholds: { stage: null } },
  'backdated-change': { enabled: true, severity: 'medium', thresholds: { lookbackDays: 30 } },
};

/** What one `hygiene-rule.configured` event may carry: any of the three parts, thresholds partly. */
export const ruleSettingChangeSchema = z
  .object({
    enabled: z.boolean().optional(),
    severity: z.enum(severities).optional(),
    thresholds: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional(),
  })
  .strict();
export type RuleSettingChange = z.infer<typeof ruleSettingChangeSchema>;

/**
 * The settings in force, from the defaults and the admin's changes to each rule (already folded
 * per rule, in ledger order). A changed threshold is checked against the rule's schema, so a
 * setting that the code no longer accepts fails loudly instead of being read wrongly.
 */
export function computeHygieneSettings(
  changes: Partial<Record<HygieneRuleId, RuleSettingChange>>,
): HygieneSettings {
  const settings = { ...defaultHygieneSettings } as Record<HygieneRuleId, RuleSetting>;
  for (const id of hygieneRuleIds) {
    const change = changes[id];
    if (!change) continue;
    const base = defaultHygieneSettings[id];
    settings[id] = {
      enabled: change.enabled ?? base.enabled,
      severity: change.severity ?? base.severity,
      thresholds: ruleThresholdSchemas[id].parse({ ...base.thresholds, ...change.thresholds }),
    };
  }
  return settings as HygieneSettings;
}

/** Merges one change into the change already recorded for a rule (later values win). */
export function mergeRuleSettingChange(
  current: RuleSettingChange | null,
  next: RuleSettingChange,
): RuleSettingChange {
  const merged: RuleSettingChange = { ...current, ...next };
  if (current?.thresholds || next.thresholds) {
    merged.thresholds = { ...current?.thresholds, ...next.thresholds };
  }
  return merged;
}
