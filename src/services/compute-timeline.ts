import { applyOpportunityEvent } from '../core/apply-opportunity-event.js';
import { isBackdated } from '../core/backdating.js';
import type { LedgerEvent } from '../core/ledger-event.js';
import { formatMinor } from '../core/money.js';
import type { OpportunityState } from '../core/opportunity.js';
import { compareBusinessOrder } from '../core/opportunity-history.js';
import type { OrgSettings } from '../core/org-entities.js';

export type TimelineChange = { field: string; from: string | null; to: string | null };

export type TimelineEntry = {
  seq: string;
  kind: string;
  businessTime: string;
  recordedTime: string;
  actor: string;
  source: string;
  batchId: string | null;
  changes: TimelineChange[];
  backdated: boolean;
  hash: string;
  prevHash: string;
};

export type ComputeTimelineOptions = {
  thresholds: Pick<OrgSettings, 'backdatedAfterHours'>;
  /** Minor-unit decimals of a currency (amounts are shown in the deal's own currency). */
  decimalsOf: (currency: string) => number;
};

/** The order changes are listed in: the order of the fields on a deal's page. */
const fieldOrder: readonly (keyof OpportunityState)[] = [
  'name',
  'accountId',
  'ownerId',
  'amountMinor',
  'currency',
  'stage',
  'probability01',
  'forecastCategory',
  'forecastCategoryOverridden',
  'closeDate',
  'isClosed',
  'isWon',
  'nextStep',
  'lossReason',
  'competitor',
  'type',
  'leadSource',
  'createdAt',
  'fields',
];

/** Field names as people read them; the rest keep their domain names. */
const fieldNames: Partial<Record<keyof OpportunityState, string>> = {
  amountMinor: 'amount',
  probability01: 'probability',
};

/**
 * A deal's events as a readable timeline: in business-time order (the order the projections apply
 * them, so a backdated change sits where it took effect), each with what it changed from what.
 * `from` is the value just before the event in that order, found by folding the events one by one;
 * a creation lists the values it set, from null.
 */
export function computeTimeline(
  events: readonly LedgerEvent[],
  options: ComputeTimelineOptions,
): TimelineEntry[] {
  let state: OpportunityState | null = null;
  return [...events].sort(compareBusinessOrder).map((event) => {
    const before: OpportunityState | null = state;
    const after = applyOpportunityEvent(before, event);
    state = after;
    return {
      seq: event.seq.toString(),
      kind: event.kind,
      businessTime: event.businessTime.toISOString(),
      recordedTime: event.recordedTime.toISOString(),
      actor: event.actor,
      source: event.source,
      batchId: event.batchId,
      changes: describeChanges(before, after, Object.keys(event.payload), options),
      backdated: isBackdated(event, options.thresholds),
      hash: event.hash,
      prevHash: event.prevHash,
    };
  });
}

function describeChanges(
  before: OpportunityState | null,
  after: OpportunityState,
  payloadKeys: readonly string[],
  options: ComputeTimelineOptions,
): TimelineChange[] {
  const changes: TimelineChange[] = [];
  const present = new Set(payloadKeys);
  const keys = [
    ...fieldOrder.filter((key) => present.has(key)),
    ...(payloadKeys as (keyof OpportunityState)[]).filter((key) => !fieldOrder.includes(key)).sort(),
  ];
  for (const key of keys) {
    if (key === 'fields') {
      const names = new Set([...Object.keys(before?.fields ?? {}), ...Object.keys(after.fields)]);
      for (const name of [...names].sort()) {
        const from = before?.fields[name] ?? null;
        const to = after.fields[name] ?? null;
        if (from !== to) changes.push({ field: `fields.${name}`, from, to });
      }
      continue;
    }
    const from = before ? readable(before, key, options) : null;
    const to = readable(after, key, options);
    // A creation lists what it set; unset (null) fields say nothing.
    if (before === null && to === null) continue;
    changes.push({ field: fieldNames[key] ?? key, from, to });
  }
  return changes;
}

function readable(
  state: OpportunityState,
  key: keyof OpportunityState,
  options: ComputeTimelineOptions,
): string | null {
  if (key === 'amountMinor') {
    return state.amountMinor === null
      ? null
      : formatMinor(state.amountMinor, options.decimalsOf(state.currency));
  }
  const value = state[key];
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
