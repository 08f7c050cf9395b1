import type { HygieneRuleId } from './hygiene-rule-id.js';
import type { HygieneRule } from './hygiene-rule.js';
import { amountMissing } from './rules/amount-missing.js';
import { amountSwing } from './rules/amount-swing.js';
import { backdatedChange } from './rules/backdated-change.js';
import { closeDatePast } from './rules/close-date-past.js';
import { commitWithoutNextStep } from './rules/commit-without-next-step.js';
import { createdLateStage } from './rules/created-late-stage.js';
import { missingRequiredFields } from './rules/missing-required-fields.js';
import { noActivity } from './rules/no-activity.js';
import { pushedRepeatedly } from './rules/pushed-repeatedly.js';
import { stuckInStage } from './rules/stuck-in-stage.js';

/** Every built-in rule by id, in the order flags are listed. */
export const hygieneRules: { [K in HygieneRuleId]: HygieneRule<K> } = {
  'close-date-past': closeDatePast,
  'no-activity': noActivity,
  'stuck-in-stage': stuckInStage,
  'pushed-repeatedly': pushedRepeatedly,
  'amount-missing': amountMissing,
  'amount-swing': amountSwing,
  'commit-without-next-step': commitWithoutNextStep,
  'missing-required-fields': missingRequiredFields,
  'created-late-stage': createdLateStage,
  'backdated-change': backdatedChange,
};
