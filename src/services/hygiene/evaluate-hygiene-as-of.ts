import type { AccessScope } from '../../core/access-scope.js';
import { scopeIncludesOwner } from '../../core/compute-access.js';
import { dayInZone } from '../../core/fiscal-calendar.js';
import { computeDealFacts } from '../../core/hygiene/compute-deal-facts.js';
import { computeStageNorms } from '../../core/hygiene/compute-stage-norms.js';
import type { DealFacts } from '../../core/hygiene/deal-facts.js';
import { evaluateHygiene } from '../../core/hygiene/evaluate-hygiene.js';
import type { HygieneFlag } from '../../core/hygiene/hygiene-flag.js';
import type { StageNorm } from '../../core/hygiene/hygiene-rule.js';
import { filterKnownEvents, listBackdatedChanges } from '../../core/hygiene/known-events.js';
import type { LedgerEvent } from '../../core/ledger-event.js';
import { computeOpportunityHistory } from '../../core/opportunity-history.js';
import { listHygieneFacts } from '../../store/hygiene-facts.js';
import {
  convertToCorporate,
  findLastActivities,
  listBackdatedEvents,
  listLateKnownIds,
  listOpportunityEvents,
  summarizeStageStays,
} from '../../store/hygiene-history-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext, type OrgContext } from '../org-context.js';
import { loadHygieneConfig, type HygieneConfig } from './load-hygiene-config.js';

const dayMs = 86_400_000;

export type HygieneEvaluation = {
  asOf: Date;
  org: OrgContext;
  config: HygieneConfig;
  stageNorms: Map<string, StageNorm>;
  /** The deals looked at: open at T, plus closed ones with a backdated change or late close to show. */
  deals: DealFacts[];
  flags: HygieneFlag[];
};

/**
 * Runs the hygiene rules as of `asOf`, within `scope`, using only what was known at that moment:
 * the opportunity versions up to T, except for deals changed later with an earlier date (replayed
 * from the events known at T), activities known at T, and the rule settings and stages of T.
 * Read-only.
 */
export async function evaluateHygieneAsOf(
  conn: Pick<Connection, 'db' | 'eachRow'>,
  options: {
    asOf: Date;
    scope: AccessScope;
    dealIds?: readonly string[];
    /**
     * The database `conn` belongs to, for a read-only caller outside a transaction: on a server,
     * the organisation's stage norms are then read on a second connection while the deals are
     * read on `conn` (the norms sort every completed stay: 0.2–0.3 s at 100,000 deals, which the
     * server does on its own core meanwhile). Both reads ask only for what was known at T, so
     * their separate snapshots agree unless history dated before T is recorded between them.
     */
    alongside?: DatabaseHandle;
  },
): Promise<HygieneEvaluation> {
  const { asOf, scope } = options;
  const org = await getOrgContext(conn);
  const config = await loadHygieneConfig(conn, asOf);
  const { settings } = config;
  const stuck = settings['stuck-in-stage'].thresholds;
  const lateDeals = await listLateKnownIds(conn, { asOf, entityType: 'opportunity' });
  const lateActivities = await listLateKnownIds(conn, { asOf, entityType: 'activity' });
  const staysQuery = { asOf, percentile: stuck.percentile, excludeIds: lateDeals };
  const aside = options.alongside?.engine === 'postgres' ? options.alongside : null;
  const staysAside = aside ? withConnection(aside, (other) => summarizeStageStays(other, staysQuery)) : null;
  // Awaited below; a failure of the deals' reads first must not leave it unhandled.
  staysAside?.catch(() => undefined);
  const lookbackStart = new Date(
    asOf.getTime() - settings['backdated-change'].thresholds.lookbackDays * dayMs,
  );
  const amountWindowStart = new Date(asOf.getTime() - settings['amount-swing'].thresholds.days * dayMs);
  const backdatedHours = org.settings.backdatedAfterHours;

  const backdatedEvents = await listBackdatedEvents(conn, {
    from: lookbackStart,
    to: asOf,
    backdatedAfterHours: backdatedHours,
  });
  const backdatedByDeal = groupByEntity(backdatedEvents);

  const deals = await listHygieneFacts(conn, {
    asOf,
    amountWindowStart,
    closedSince: lookbackStart,
    alsoClosedIds: [...backdatedByDeal.keys()],
    excludeIds: lateDeals,
    excludeActivityIds: lateActivities,
    minPushesListed: settings['pushed-repeatedly'].thresholds.pushes,
    scope,
    corporateCurrency: org.settings.corporateCurrency,
    onlyIds: options.dealIds,
  });
  const { dealIds } = options;
  const replayed = await replayLateKnownDeals(conn, {
    ids: dealIds === undefined ? lateDeals : lateDeals.filter((id) => dealIds.includes(id)),
    asOf,
    amountWindowStart,
    lookbackStart,
    scope,
    corporateCurrency: org.settings.corporateCurrency,
    excludeActivityIds: lateActivities,
    withBackdated: backdatedByDeal,
  });
  // By id in code-unit order: the same on every machine, and a tenth of the cost of localeCompare
  // (a collation per comparison) on 100,000 deals.
  const all = [...deals, ...replayed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stageNorms = computeStageNorms(await (staysAside ?? summarizeStageStays(conn, staysQuery)), stuck);
  const backdatedOptions = {
    asOf,
    lookbackDays: settings['backdated-change'].thresholds.lookbackDays,
    backdatedAfterHours: backdatedHours,
  };
  for (const deal of all) {
    const events = backdatedByDeal.get(deal.id);
    if (events) deal.backdated = listBackdatedChanges(events, backdatedOptions);
  }
  const flags = evaluateHygiene({
    deals: all,
    settings,
    context: {
      asOf,
      today: dayInZone(asOf, org.settings.timeZone),
      timeZone: org.settings.timeZone,
      stages: config.stages,
      stageNorms,
      backdatedAfterHours: backdatedHours,
      lateCloseAfterDays: org.settings.lateCloseAfterDays,
      decimalsOf: (currency) => org.currencies.get(currency)?.decimals ?? 2,
    },
  });
  return { asOf, org, config, stageNorms, deals: all, flags };
}

type ReplayOptions = {
  ids: readonly string[];
  asOf: Date;
  amountWindowStart: Date;
  lookbackStart: Date;
  scope: AccessScope;
  corporateCurrency: string;
  excludeActivityIds: readonly string[];
  withBackdated: ReadonlyMap<string, LedgerEvent[]>;
};

/** The facts of deals whose versions mix in later knowledge: replayed from the events known at T. */
async function replayLateKnownDeals(
  conn: Pick<Connection, 'db'>,
  options: ReplayOptions,
): Promise<DealFacts[]> {
  const { asOf } = options;
  const byDeal = groupByEntity(await listOpportunityEvents(conn, options.ids));
  const lastActivities = await findLastActivities(conn, {
    ids: options.ids,
    asOf,
    excludeActivityIds: options.excludeActivityIds,
  });
  const facts: DealFacts[] = [];
  for (const [id, events] of byDeal) {
    const known = filterKnownEvents(events, asOf).filter((e) => e.businessTime.getTime() <= asOf.getTime());
    if (known.length === 0) continue;
    const { versions, current } = computeOpportunityHistory(known);
    if (!scopeIncludesOwner(options.scope, current.ownerId)) continue;
    const recentClose = current.closedRecordedAt !== null && current.closedRecordedAt > options.lookbackStart;
    if (current.isClosed && !recentClose && !options.withBackdated.has(id)) continue;
    const [corporate] =
      current.amountMinor === null
        ? [null]
        : await convertToCorporate(conn, {
            corporateCurrency: options.corporateCurrency,
            amounts: [
              { currency: current.currency, amountMinor: current.amountMinor, closeDate: current.closeDate },
            ],
          });
    const deal = computeDealFacts({
      versions,
      asOf,
      amountWindowStart: options.amountWindowStart,
      corporateAmountMinor: corporate ?? null,
      lastActivityAt: lastActivities.get(id) ?? null,
      backdated: [],
    });
    if (deal) facts.push(deal);
  }
  return facts;
}

function groupByEntity(events: readonly LedgerEvent[]): Map<string, LedgerEvent[]> {
  const grouped = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const list = grouped.get(event.entityId);
    if (list) list.push(event);
    else grouped.set(event.entityId, [event]);
  }
  return grouped;
}
