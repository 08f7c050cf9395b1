import type { HygieneRuleId } from './hygiene-rule-id.js';

/** What each rule checks, in one sentence, for the admin tab and the docs. */
export const hygieneRuleDescriptions: Record<HygieneRuleId, string> = {
  'close-date-past': 'An open deal whose close date is before today (in the organisation’s time zone).',
  'no-activity': 'No call, meeting, demo, e-mail or task logged against an open deal for days days.',
  'stuck-in-stage':
    'In its stage longer than the organisation’s percentile of completed stays there; fallbackDays when fewer than minSamples stays are known.',
  'pushed-repeatedly': 'The close date moved later pushes times or more.',
  'amount-missing': 'An open deal without an amount, or with zero.',
  'amount-swing': 'The amount changed by more than percent % within days days.',
  'commit-without-next-step': 'A deal in Commit without a next step.',
  'missing-required-fields':
    'A field its stage requires is missing (imports are not refused, so they are flagged).',
  'created-late-stage':
    'Created directly in a late stage (from stage, by default the first Best Case or Commit stage).',
  'backdated-change':
    'A change entered long after the date it carries, or a win or loss recorded late, in the last lookbackDays days.',
};
