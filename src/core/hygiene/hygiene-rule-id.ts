/**
 * The built-in hygiene rules. The ids are stable and readable: they appear in flags, JSON output,
 * admin settings and ledger events, so they never change once released.
 */
export const hygieneRuleIds = [
  'close-date-past',
  'no-activity',
  'stuck-in-stage',
  'pushed-repeatedly',
  'amount-missing',
  'amount-swing',
  'commit-without-next-step',
  'missing-required-fields',
  'created-late-stage',
  'backdated-change',
] as const;
export type HygieneRuleId = (typeof hygieneRuleIds)[number];

export const severities = ['low', 'medium', 'high'] as const;
export type Severity = (typeof severities)[number];

/**
 * How much of a deal's value a flag of each severity takes out of the hygiene score (see
 * compute-hygiene-score.ts): a high flag counts the whole deal as unclean, a low one a quarter of it.
 */
export const severityWeights: Record<Severity, number> = { low: 0.25, medium: 0.5, high: 1 };

export function isHygieneRuleId(text: string): text is HygieneRuleId {
  return (hygieneRuleIds as readonly string[]).includes(text);
}
