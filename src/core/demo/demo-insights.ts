import type { JsonValue } from '../canonical-json.js';
import type { InsightSeverity, InsightType } from '../insights/insight.js';
import type { EntityType, NewEvent } from '../ledger-event.js';
import { dayMs } from './demo-time.js';
import type { Random } from './random.js';

/** What the demo's customer-voice and engagement generators need to know about a deal. */
export type DemoDealFacts = {
  id: string;
  accountId: string | null;
  ownerId: string | null;
  amountMinor: number;
  createdMs: number;
  closeDate: string | null;
  /** When the deal was won or lost; null while open. */
  closedMs: number | null;
  isWon: boolean;
  competitor: string | null;
  lossReason: string | null;
};

/** An event a demo generator plans; the demo's writer stamps it as part of the demo import. */
export type DemoRecordEvent = {
  entityType: EntityType;
  entityId: string;
  kind: string;
  timeMs: number;
  actor: string;
  payload: { [key: string]: JsonValue };
};

/** Folds the demo's opportunity events (any order) into the facts per deal. */
export function collectDemoDeals(events: readonly NewEvent[]): DemoDealFacts[] {
  const deals = new Map<string, DemoDealFacts>();
  const ordered = events
    .filter((e) => e.entityType === 'opportunity')
    .sort((a, b) => a.businessTime.getTime() - b.businessTime.getTime());
  for (const event of ordered) {
    const p = event.payload as Record<string, JsonValue>;
    let deal = deals.get(event.entityId);
    if (event.kind === 'opportunity.created' || !deal) {
      deal = {
        id: event.entityId,
        accountId: null,
        ownerId: null,
        amountMinor: 0,
        createdMs: event.businessTime.getTime(),
        closeDate: null,
        closedMs: null,
        isWon: false,
        competitor: null,
        lossReason: null,
      };
      deals.set(event.entityId, deal);
    }
    if (typeof p.accountId === 'string') deal.accountId = p.accountId;
    if (typeof p.ownerId === 'string') deal.ownerId = p.ownerId;
    if (typeof p.amountMinor === 'string') deal.amountMinor = Number(p.amountMinor);
    if (typeof p.closeDate === 'string') deal.closeDate = p.closeDate;
    if (typeof p.competitor === 'string') deal.competitor = p.competitor;
    if (typeof p.lossReason === 'string') deal.lossReason = p.lossReason;
    if (p.isClosed === true && deal.closedMs === null) {
      deal.closedMs = event.businessTime.getTime();
      deal.isWon = p.isWon === true;
    }
  }
  return [...deals.values()];
}

/** Product gaps customers ask for, with the words reps tend to write down. */
const featureRequests: readonly (readonly [topic: string, text: string])[] = [
  ['SSO', 'Needs SAML single sign-on with their identity provider before rollout'],
  ['Territory planning', 'Wants territory and quota planning in the same tool'],
  ['Mobile app', 'Field managers ask for a mobile app to review deals on the road'],
  ['Data residency', 'Legal requires data to stay in the EU region'],
  ['Slack alerts', 'Would like deal alerts in their chat tool'],
  ['Custom fiscal calendar', 'Runs a 4-4-5 calendar and needs it supported'],
];
const serviceProblems: readonly (readonly [topic: string, text: string, severity: InsightSeverity])[] = [
  ['Late invoices', 'Invoices arrived three weeks late; their finance team escalated', 'high'],
  ['Onboarding delays', 'Onboarding slipped by a month; the sponsor is frustrated', 'medium'],
  ['Support response times', 'Two tickets waited more than a week for a first answer', 'high'],
  ['Billing errors', 'Was billed for seats they had cancelled', 'critical'],
];
const productProblems: readonly (readonly [topic: string, text: string])[] = [
  ['Slow reports', 'Board pack takes minutes to load with their data'],
  ['Import errors', 'CRM sync dropped custom fields twice this quarter'],
];
const pricingRemarks: readonly string[] = [
  'Asked for multi-year pricing with a price lock',
  'Procurement benchmarks us 20 % above the market',
  'Wants per-team pricing instead of per seat',
];

/**
 * The demo's voice of the customer: what reps heard on the deals and accounts of the demo, as
 * `insight.captured` events by the deal's owner, dated while the deal was being worked.
 * - a competitor mention on most deals that name a competitor, early in the deal;
 * - a loss-reason insight repeating the recorded reason on a third of lost deals;
 * - feature requests on one open deal in four (and a few closed ones), pricing remarks on one in twelve;
 * - service or billing problems and product problems on some accounts that bought.
 */
export function planDemoInsights(options: {
  random: Random;
  deals: readonly DemoDealFacts[];
  nowMs: number;
}): DemoRecordEvent[] {
  const { random, nowMs } = options;
  const events: DemoRecordEvent[] = [];
  let number = 0;
  const add = (
    deal: DemoDealFacts,
    withDeal: boolean,
    atMs: number,
    type: InsightType,
    fields: { competitor?: string | null; topic?: string | null; text: string; severity?: InsightSeverity },
  ) => {
    if (!deal.accountId || atMs > nowMs) return;
    number += 1;
    const at = new Date(Math.floor(atMs / 60_000) * 60_000);
    events.push({
      timeMs: at.getTime(),
      actor: deal.ownerId ?? 'system',
      entityType: 'insight',
      entityId: `demo-insight-${String(number).padStart(5, '0')}`,
      kind: 'insight.captured',
      payload: {
        accountId: deal.accountId,
        opportunityId: withDeal ? deal.id : null,
        type,
        competitor: fields.competitor ?? null,
        topic: fields.topic ?? null,
        text: fields.text,
        severity: fields.severity ?? 'medium',
        authorId: deal.ownerId,
        capturedAt: at.toISOString(),
      },
    });
  };
  const during = (deal: DemoDealFacts, share: number) =>
    deal.createdMs + share * ((deal.closedMs ?? nowMs) - deal.createdMs);
  const boughtAccounts = new Set<string>();
  for (const deal of options.deals) {
    if (deal.competitor && random.chance(0.7)) {
      add(deal, true, during(deal, random.between(0.1, 0.5)), 'competitor-mention', {
        competitor: deal.competitor,
        text: random.pick([
          `${deal.competitor} is in the evaluation`,
          `${deal.competitor} demoed last week`,
          `Incumbent is ${deal.competitor}`,
        ]),
        severity: random.pick(['medium', 'high'] as const),
      });
    }
    if (deal.closedMs !== null && !deal.isWon && deal.lossReason && random.chance(0.35)) {
      add(deal, true, deal.closedMs + random.int(1, 3) * dayMs, 'loss-reason', {
        competitor: deal.competitor,
        topic: deal.lossReason,
        text: `Debrief: ${deal.lossReason.toLowerCase()}`,
        severity: 'high',
      });
    }
    if (random.chance(deal.closedMs === null ? 0.25 : 0.04)) {
      const [topic, text] = random.pick(featureRequests);
      add(deal, random.chance(0.8), during(deal, random.between(0.2, 0.9)), 'feature-request', {
        topic,
        text,
      });
    }
    if (random.chance(1 / 12)) {
      add(deal, true, during(deal, random.between(0.3, 0.9)), 'pricing', {
        text: random.pick(pricingRemarks),
      });
    }
    if (deal.isWon && deal.accountId) boughtAccounts.add(deal.accountId);
  }
  const buyers = options.deals.filter((d) => d.isWon && d.closedMs !== null);
  for (const deal of buyers) {
    if (!deal.accountId || !boughtAccounts.delete(deal.accountId)) continue; // one account, one chance
    const afterMs = (deal.closedMs ?? nowMs) + random.int(20, 120) * dayMs;
    if (random.chance(0.12)) {
      const [topic, text, severity] = random.pick(serviceProblems);
      add(deal, false, afterMs, 'service-problem', { topic, text, severity });
    } else if (random.chance(0.06)) {
      const [topic, text] = random.pick(productProblems);
      add(deal, false, afterMs, 'product-problem', { topic, text, severity: 'medium' });
    }
  }
  return events;
}
