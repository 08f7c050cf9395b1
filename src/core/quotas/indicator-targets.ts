import { z } from 'zod';
import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import { roles, type Role } from '../org-entities.js';

/**
 * The leading and trailing indicators a scorecard measures against a target, with the unit the
 * target is stated in. Counts per week are per person; a team's target is the per-person target
 * times the people counted in it.
 */
export const targetIndicators = {
  meetings_per_week: { unit: 'count-per-week', label: 'Meetings per week', activityType: 'meeting' },
  calls_per_week: { unit: 'count-per-week', label: 'Calls per week', activityType: 'call' },
  demos_per_week: { unit: 'count-per-week', label: 'Demos per week', activityType: 'demo' },
  emails_per_week: { unit: 'count-per-week', label: 'Emails per week', activityType: 'email' },
  deals_advanced_per_week: { unit: 'count-per-week', label: 'Deals advanced per week', activityType: null },
  pipeline_created_per_month: {
    unit: 'quota-multiple-per-month',
    label: 'Pipeline created per month',
    activityType: null,
  },
  coverage_ratio: { unit: 'ratio', label: 'Coverage of the quota still to go', activityType: null },
  win_rate: { unit: 'share', label: 'Win rate', activityType: null },
} as const;
export type TargetIndicator = keyof typeof targetIndicators;
export const targetIndicatorNames = Object.keys(targetIndicators) as TargetIndicator[];

/**
 * Defaults used until an admin sets a target for a role. They are common sales-management rules of
 * thumb for a B2B rep as logged in a CRM, stated so nobody mistakes them for this organisation's
 * own figures: 5 meetings, 15 calls, 2 demos and 20 emails a week; 2 deals moved to a later stage a week;
 * new pipeline each month worth 1× that month's quota (a 3× coverage at a 33 % win rate needs it);
 * open pipeline 3× the quota still to go; a win rate of 25 %. Managers, executives, viewers and
 * admins take the rep defaults: their team cards measure their reps.
 */
export const defaultTargets: Record<TargetIndicator, number> = {
  meetings_per_week: 5,
  calls_per_week: 15,
  demos_per_week: 2,
  emails_per_week: 20,
  deals_advanced_per_week: 2,
  pipeline_created_per_month: 1,
  coverage_ratio: 3,
  win_rate: 0.25,
};

/**
 * A target set by an admin, ledger entity `target` with id `<role>:<indicator>`:
 * `target.set` (payload below) or `target.cleared` (back to the default).
 */
export const targetSetSchema = z.object({
  role: z.enum(roles),
  indicator: z.enum(targetIndicatorNames as [TargetIndicator, ...TargetIndicator[]]),
  /** A plain decimal: a count per week, a multiple, or a share in [0, 1] for the win rate. */
  value: z.string().regex(/^\d+(\.\d+)?$/, 'expected a decimal number that is not negative'),
});
export type TargetSet = z.infer<typeof targetSetSchema>;

export function computeTargetId(role: Role, indicator: TargetIndicator): string {
  return `${role}:${indicator}`;
}

type TargetEvent = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'seq' | 'businessTime'>;

/** Folds a target's events (in business order); null when never set or cleared. */
export function applyTargetEvents(events: readonly TargetEvent[]): (TargetSet & { setAt: Date }) | null {
  let state: (TargetSet & { setAt: Date }) | null = null;
  for (const event of events) {
    if (event.kind === 'target.cleared') state = null;
    else if (event.kind === 'target.set') {
      const set = targetSetSchema.parse(event.payload);
      if (computeTargetId(set.role, set.indicator) !== event.entityId) {
        throw new DomainError(
          'ledger-broken',
          `target ${event.entityId} is set for another role (seq ${event.seq})`,
        );
      }
      state = { ...set, setAt: event.businessTime };
    } else {
      throw new DomainError(
        'ledger-broken',
        `target ${event.entityId} has an unknown event kind '${event.kind}'`,
      );
    }
  }
  return state;
}

/** The target in force for a role: what an admin set, else the default. */
export function resolveTarget(
  set: readonly { role: Role; indicator: TargetIndicator; value: string }[],
  role: Role,
  indicator: TargetIndicator,
): { value: number; source: 'set' | 'default' } {
  const found = set.find((t) => t.role === role && t.indicator === indicator);
  return found
    ? { value: Number(found.value), source: 'set' }
    : { value: defaultTargets[indicator], source: 'default' };
}
