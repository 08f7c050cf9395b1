import type { AccessScope } from '../../core/access-scope.js';
import type { DealChangeKind } from '../../core/hygiene/compute-deal-changes.js';
import { dealChangeKinds } from '../../core/hygiene/compute-deal-changes.js';
import { dayInZone, periodContaining, periodDates } from '../../core/fiscal-calendar.js';
import type { HygieneRuleId } from '../../core/hygiene/hygiene-rule-id.js';
import { formatMinor } from '../../core/money.js';
import { loadHygienePeople } from '../../store/hygiene-people.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import { computeWeekChanges } from './compute-week-changes.js';
import { narrowScope } from './narrow-scope.js';

export type Inspection = {
  asOf: string;
  period: string;
  closeFrom: string;
  closeTo: string;
  currency: string;
  /** How many deals had each kind of change since a week before. */
  summary: Record<DealChangeKind, number>;
  deals: {
    deal: string;
    dealName: string;
    owner: string | null;
    ownerName: string | null;
    stage: string;
    forecastCategory: string;
    closeDate: string | null;
    amount: string | null;
    isClosed: boolean;
    risk: number;
    level: string;
    summary: string;
    rules: HygieneRuleId[];
    changes: { kind: DealChangeKind; text: string }[];
  }[];
};

/**
 * A manager's inspection of a period: the deals of their scope (or one team or rep of it) closing in
 * the period, sorted by risk, each with its flags and what changed since a week before.
 */
export async function getInspection(
  handle: DatabaseHandle,
  options: {
    asOf: Date;
    scope: AccessScope;
    period?: string | undefined;
    teamId?: string | undefined;
    ownerId?: string | undefined;
  },
): Promise<Inspection> {
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const scope = await narrowScope(conn, options.scope, options);
    const period =
      options.period ??
      periodContaining(org.calendar, dayInZone(options.asOf, org.settings.timeZone), 'quarter');
    const { start, end } = periodDates(org.calendar, period);
    const { rows } = await computeWeekChanges(conn, {
      asOf: options.asOf,
      scope,
      closeFrom: start,
      closeTo: end,
    });
    const people = await loadHygienePeople(conn);
    const summary = Object.fromEntries(dealChangeKinds.map((k) => [k, 0])) as Record<DealChangeKind, number>;
    for (const row of rows) for (const change of row.changes) summary[change.kind] += 1;
    return {
      asOf: options.asOf.toISOString(),
      period,
      closeFrom: start,
      closeTo: end,
      currency: org.settings.corporateCurrency,
      summary,
      deals: rows.map(({ deal, risk, flags, changes }) => ({
        deal: deal.id,
        dealName: deal.name,
        owner: deal.ownerId,
        ownerName: deal.ownerId === null ? null : (people.userNames.get(deal.ownerId) ?? deal.ownerId),
        stage: deal.stage,
        forecastCategory: deal.forecastCategory,
        closeDate: deal.closeDate,
        amount:
          deal.corporateAmountMinor === null
            ? null
            : formatMinor(deal.corporateAmountMinor, org.corporateDecimals),
        isClosed: deal.isClosed,
        risk: risk.points,
        level: risk.level,
        summary: risk.summary,
        rules: flags.map((f) => f.rule),
        changes,
      })),
    };
  });
}
