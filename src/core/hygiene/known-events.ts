import { isBackdated } from '../backdating.js';
import type { LedgerEvent } from '../ledger-event.js';
import { payloadToOpportunityChanges } from '../opportunity-payload.js';
import type { BackdatedChange } from './deal-facts.js';

type Timed = Pick<LedgerEvent, 'source' | 'businessTime' | 'recordedTime'>;

/**
 * When Candor could first know of an event. Imported history counts from its own business time:
 * the CRM knew it then, and an organisation imported today still has a past worth inspecting.
 * Anything entered in Candor counts from the moment it was recorded, so a change backdated today
 * cannot make last month's flags look different from what they were last month.
 */
export function computeKnownAt(event: Timed): Date {
  return event.source === 'import' ? event.businessTime : event.recordedTime;
}

/** The events known at `asOf` (see computeKnownAt). */
export function filterKnownEvents<E extends Timed>(events: readonly E[], asOf: Date): E[] {
  return events.filter((e) => computeKnownAt(e).getTime() <= asOf.getTime());
}

/**
 * The backdated changes among a deal's events (see isBackdated) recorded in (asOf − lookbackDays, asOf],
 * oldest first, each with the names of what it changed.
 */
export function listBackdatedChanges(
  events: readonly Pick<LedgerEvent, 'source' | 'businessTime' | 'recordedTime' | 'kind' | 'payload'>[],
  options: { asOf: Date; lookbackDays: number; backdatedAfterHours: number },
): BackdatedChange[] {
  const from = options.asOf.getTime() - options.lookbackDays * 86_400_000;
  return events
    .filter(
      (e) =>
        e.recordedTime.getTime() > from &&
        e.recordedTime.getTime() <= options.asOf.getTime() &&
        isBackdated(e, { backdatedAfterHours: options.backdatedAfterHours }),
    )
    .sort((a, b) => a.recordedTime.getTime() - b.recordedTime.getTime())
    .map((e) => ({
      businessTime: e.businessTime,
      recordedTime: e.recordedTime,
      changed: describeChangedKeys(e.kind, e.payload),
    }));
}

/** The names of the fields an opportunity event sets, for evidence ("amount, closeDate"). */
export function describeChangedKeys(kind: string, payload: LedgerEvent['payload']): string[] {
  if (kind !== 'opportunity.changed') return [kind.replace('opportunity.', '')];
  const changes = payloadToOpportunityChanges(payload);
  const { fields, ...scalars } = changes;
  return [
    ...Object.keys(scalars).map((key) => (key === 'amountMinor' ? 'amount' : key)),
    ...Object.keys(fields ?? {}),
  ];
}
