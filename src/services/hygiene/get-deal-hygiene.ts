import type { AccessScope } from '../../core/access-scope.js';
import { computeDealRisk, type DealRisk } from '../../core/hygiene/compute-deal-risk.js';
import { computeDealStory } from '../../core/hygiene/compute-deal-story.js';
import type { HygieneRuleId, Severity } from '../../core/hygiene/hygiene-rule-id.js';
import { filterKnownEvents } from '../../core/hygiene/known-events.js';
import { formatMinor } from '../../core/money.js';
import { computeOpportunityHistory } from '../../core/opportunity-history.js';
import { listEntityEvents } from '../../store/entity-events.js';
import { listDealActivities } from '../../store/hygiene-history-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { requireDealInScope } from '../get-opportunity.js';
import { getOrgContext } from '../org-context.js';
import { evaluateHygieneAsOf } from './evaluate-hygiene-as-of.js';

export type DealHygiene = {
  deal: string;
  asOf: string;
  currency: string;
  flags: { rule: HygieneRuleId; severity: Severity; evidence: string; since: string }[];
  risk: DealRisk;
  stays: {
    stage: string;
    enteredAt: string;
    leftAt: string | null;
    days: number;
    usualDays: number | null;
    limitDays: number | null;
  }[];
  points: { at: string; closeDate: string | null; amount: string | null; kind: string }[];
  activities: { type: string; subject: string; occurredAt: string }[];
};

/**
 * One deal's inspection as of a moment: its flags with evidence, its risk, its stays in each stage
 * against the organisation's usual, each push and amount change, and its latest activities. A deal
 * outside the caller's scope is a 404, as on the deal page.
 */
export async function getDealHygiene(
  handle: DatabaseHandle,
  options: { id: string; scope: AccessScope; asOf: Date },
): Promise<DealHygiene> {
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const { state } = await requireDealInScope(conn, org, { id: options.id, scope: options.scope });
    const evaluation = await evaluateHygieneAsOf(conn, {
      asOf: options.asOf,
      scope: options.scope,
      dealIds: [options.id],
    });
    const flags = evaluation.flags.filter((f) => f.dealId === options.id);
    const known = filterKnownEvents(
      await listEntityEvents(conn, 'opportunity', options.id),
      options.asOf,
    ).filter((e) => e.businessTime.getTime() <= options.asOf.getTime());
    const story =
      known.length === 0
        ? { stays: [], points: [] }
        : computeDealStory(computeOpportunityHistory(known).versions, options.asOf, evaluation.stageNorms);
    const decimals = org.currencies.get(state.currency)?.decimals ?? 2;
    const activities = await listDealActivities(conn, { id: options.id, asOf: options.asOf, limit: 10 });
    return {
      deal: options.id,
      asOf: options.asOf.toISOString(),
      currency: state.currency,
      flags: flags.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        evidence: f.evidence,
        since: f.since.toISOString(),
      })),
      risk: computeDealRisk(flags),
      stays: story.stays.map((s) => ({
        stage: s.stage,
        enteredAt: s.enteredAt.toISOString(),
        leftAt: s.leftAt?.toISOString() ?? null,
        days: s.days,
        usualDays: s.usualDays,
        limitDays: s.limitDays,
      })),
      points: story.points.map((p) => ({
        at: p.at.toISOString(),
        closeDate: p.closeDate,
        amount: p.amountMinor === null ? null : formatMinor(p.amountMinor, decimals),
        kind: p.kind,
      })),
      activities: activities.map((a) => ({
        type: a.type,
        subject: a.subject,
        occurredAt: a.occurredAt.toISOString(),
      })),
    };
  });
}
