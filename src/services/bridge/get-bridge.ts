import type { AccessScope } from '../../core/access-scope.js';
import { accountToText } from '../../core/bridge/account-text.js';
import { attributeCallGap, callGapLabels } from '../../core/bridge/attribute-call-gap.js';
import {
  bridgeStepLabels,
  type Bridge,
  type BridgeDeal,
  type BridgeDealVersion,
  type BridgePerson,
  type BridgeRates,
} from '../../core/bridge/bridge-types.js';
import { computeBridge, type BridgeInput } from '../../core/bridge/compute-bridge.js';
import { computeCorporateAmount } from '../../core/bridge/compute-corporate-amount.js';
import { groupBridge, type BridgeGrouping } from '../../core/bridge/group-bridge.js';
import { narrateBridge } from '../../core/bridge/narrate-bridge.js';
import { DomainError } from '../../core/domain-error.js';
import { periodContaining, periodDates, periodInstants, parsePeriod } from '../../core/fiscal-calendar.js';
import { formatMinor, parseAmount } from '../../core/money.js';
import { loadBridgeLookups } from '../../store/bridge-lookups.js';
import { listBridgeOpenDeals } from '../../store/bridge-open-deals.js';
import { listBridgeVersions } from '../../store/bridge-versions.js';
import { findTeamMemberIds } from '../../store/find-team-member-ids.js';
import { listCurrencyRates } from '../../store/org-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext, type OrgContext } from '../org-context.js';
import type { BridgeDealView, BridgeFigures, BridgeReport } from './bridge-report.js';

export type BridgeCall = {
  /** The called figure, a decimal in the corporate currency. */
  amount: string;
  source: 'given' | 'ledger';
  by: string | null;
  submittedAt: Date | null;
};

export type GetBridgeOptions = {
  period: string;
  from: Date;
  to: Date;
  scope: AccessScope;
  /** Only deals of this team and the teams below it (within the scope). */
  teamId?: string | null;
  group?: BridgeGrouping | null;
  /** A call to measure against; absent for the bridge alone. */
  call?: BridgeCall | null;
};

/**
 * The bridge of a period between two moments, within the caller's scope: the steps with their
 * deals, optionally by team, rep or segment, the gap to a call, and the written account.
 */
export async function getBridge(handle: DatabaseHandle, options: GetBridgeOptions): Promise<BridgeReport> {
  return withConnection(handle, (conn) => buildBridgeReport(conn, options));
}

/** The same inside an open connection, for services that assemble several reports (the board pack). */
export async function buildBridgeReport(
  conn: Pick<Connection, 'db'>,
  options: GetBridgeOptions,
): Promise<BridgeReport> {
  if (!(options.from < options.to)) {
    throw new DomainError('invalid-input', 'the bridge needs `from` before `to`', [
      {
        where: 'from',
        value: options.from.toISOString(),
        reason: `must be earlier than ${options.to.toISOString()}`,
      },
    ]);
  }
  const org = await getOrgContext(conn);
  const { start, end } = periodDates(org.calendar, options.period);
  const ownerIds = await resolveOwners(conn, options);
  const versions = await listBridgeVersions(conn, {
    closeFrom: start,
    closeTo: end,
    from: options.from,
    to: options.to,
    ownerIds,
  });
  const rates = await loadRates(conn, org);
  const accountIds = [...new Set(versions.flatMap((v) => (v.accountId === null ? [] : [v.accountId])))];
  const lookups = await loadBridgeLookups(conn, accountIds);
  const owners = ownerIds === null ? null : new Set(ownerIds);
  const input: BridgeInput = {
    period: options.period,
    periodStart: start,
    periodEnd: end,
    from: options.from,
    to: options.to,
    versions,
    rates,
    corporateDecimals: org.corporateDecimals,
    ...lookups,
    includes: owners === null ? () => true : (v) => v.ownerId !== null && owners.has(v.ownerId),
  };
  const bridge = computeBridge(input);
  const decimals = org.corporateDecimals;
  const callGap = options.call ? attributeCallGap(input, parseCalled(options.call.amount, decimals)) : null;
  const nextPeriod = await readNextPeriod(conn, {
    org,
    rates,
    period: options.period,
    end,
    asOf: options.to,
    ownerIds,
  });
  const paragraphs = narrateBridge({
    bridge,
    callGap,
    decimals,
    periodOver: periodInstants(org.calendar, options.period).end <= options.to,
    nextPeriod,
  });
  const groups = options.group
    ? {
        grouping: options.group,
        rows: groupBridge(input, options.group).map((g) => ({
          key: g.key,
          label: g.label,
          ...toFigures(g.bridge, decimals),
        })),
      }
    : null;
  return {
    ...toFigures(bridge, decimals),
    counts: bridge.counts,
    dealIds: bridge.dealIds,
    pushes: bridge.pushes,
    directory: buildDirectory(versions, lookups.people),
    unconverted: bridge.unconverted,
    groups,
    call:
      callGap && options.call
        ? {
            source: options.call.source,
            by: options.call.by,
            submittedAt: options.call.submittedAt?.toISOString() ?? null,
            called: formatMinor(callGap.calledMinor, decimals),
            commitAtCall: formatMinor(callGap.commitAtCallMinor, decimals),
            closed: formatMinor(callGap.closedMinor, decimals),
            gap: formatMinor(callGap.gapMinor, decimals),
            parts: callGap.parts.map((p) => ({
              kind: p.kind,
              label: callGapLabels[p.kind],
              amount: formatMinor(p.amountMinor, decimals),
              deals: p.deals.map((d) => toDealView(d, decimals)),
            })),
          }
        : null,
    account: { paragraphs, text: accountToText(paragraphs) },
  };
}

/** The owners in view: the scope's, cut to a team's when one is asked for; null for everyone. */
async function resolveOwners(
  conn: Pick<Connection, 'db'>,
  options: GetBridgeOptions,
): Promise<string[] | null> {
  let owners = options.scope.kind === 'everything' ? null : [...options.scope.ownerIds];
  if (options.teamId) {
    const members = await findTeamMemberIds(conn, options.teamId);
    if (members === null) throw new DomainError('not-found', `there is no team '${options.teamId}'`);
    owners = owners === null ? members : owners.filter((id) => members.includes(id));
  }
  return owners;
}

async function loadRates(conn: Pick<Connection, 'db'>, org: OrgContext): Promise<BridgeRates> {
  const rates = new Map<string, { validFrom: string; rate: string }[]>();
  for (const rate of await listCurrencyRates(conn)) {
    rates.set(rate.code, [...(rates.get(rate.code) ?? []), { validFrom: rate.validFrom, rate: rate.rate }]);
  }
  return {
    corporateCurrency: org.settings.corporateCurrency,
    decimals: new Map([...org.currencies.values()].map((c) => [c.code, c.decimals])),
    rates,
  };
}

async function readNextPeriod(
  conn: Pick<Connection, 'db'>,
  context: {
    org: OrgContext;
    rates: BridgeRates;
    period: string;
    end: string;
    asOf: Date;
    ownerIds: string[] | null;
  },
): Promise<{ period: string; openMinor: bigint; dealIds: string[] } | null> {
  const kind = parsePeriod(context.period).kind;
  if (kind === 'week') return null;
  const next = periodContaining(context.org.calendar, context.end, kind);
  const dates = periodDates(context.org.calendar, next);
  const deals = await listBridgeOpenDeals(conn, {
    closeFrom: dates.start,
    closeTo: dates.end,
    asOf: context.asOf,
    ownerIds: context.ownerIds,
  });
  let openMinor = 0n;
  for (const deal of deals) openMinor += computeCorporateAmount(context.rates, deal) ?? 0n;
  return { period: next, openMinor, dealIds: deals.map((d) => d.id) };
}

function buildDirectory(
  versions: readonly BridgeDealVersion[],
  people: ReadonlyMap<string, BridgePerson>,
): Record<string, { name: string; owner: string | null }> {
  const directory: Record<string, { name: string; owner: string | null }> = {};
  const latest = new Map<string, Date>();
  for (const v of versions) {
    const seen = latest.get(v.dealId);
    if (seen && seen > v.validFrom) continue;
    latest.set(v.dealId, v.validFrom);
    directory[v.dealId] = {
      name: v.name,
      owner: v.ownerId === null ? null : (people.get(v.ownerId)?.name ?? v.ownerId),
    };
  }
  return directory;
}

function parseCalled(amount: string, decimals: number): bigint {
  const parsed = parseAmount(amount, decimals);
  if (parsed === null) {
    throw new DomainError('invalid-input', 'the call amount is blank', [
      { where: 'call', reason: 'expected an amount such as 1250000.00' },
    ]);
  }
  return parsed.minor;
}

export function toFigures(bridge: Bridge, decimals: number): BridgeFigures {
  return {
    period: bridge.period,
    from: bridge.from.toISOString(),
    to: bridge.to.toISOString(),
    currency: bridge.currency,
    start: formatMinor(bridge.startMinor, decimals),
    won: formatMinor(bridge.wonMinor, decimals),
    open: formatMinor(bridge.openMinor, decimals),
    end: formatMinor(bridge.endMinor, decimals),
    steps: bridge.steps.map((s) => ({
      kind: s.kind,
      label: bridgeStepLabels[s.kind],
      amount: formatMinor(s.amountMinor, decimals),
      deals: s.deals.map((d) => toDealView(d, decimals)),
    })),
  };
}

function toDealView(deal: BridgeDeal, decimals: number): BridgeDealView {
  return {
    id: deal.id,
    name: deal.name,
    owner: deal.owner,
    team: deal.team,
    segment: deal.segment,
    amount: formatMinor(deal.amountMinor, decimals),
    change: deal.change,
    at: deal.at.toISOString(),
  };
}
