import { applyOpportunityEvent } from '../apply-opportunity-event.js';
import type { JsonValue } from '../canonical-json.js';
import type { LedgerEvent } from '../ledger-event.js';
import type { OpportunityFields, OpportunityState } from '../opportunity.js';
import {
  diffOpportunityFields,
  opportunityChangesToPayload,
  opportunityFieldsToPayload,
} from '../opportunity-payload.js';
import type { Stage } from '../stage.js';
import { applyOpportunityPatch, type OpportunityPatch } from './opportunity-patch.js';

/** One dated statement about an opportunity from a source row (a history snapshot, a field change). */
export type TimelineItem = {
  at: Date;
  originKey: string;
  patch: OpportunityPatch;
  /**
   * For a change of single fields (a field-history row): what those fields were before it, where
   * the source says. Absent for a snapshot, which states the values it holds.
   */
  previous?: OpportunityPatch | undefined;
  /** The amount as the file wrote it, when it had more decimals than the currency and was rounded. */
  amountInput?: string | null;
  /** Where the row sits in its source (files in import order, then lines): orders rows of one instant. */
  position?: SourcePosition | undefined;
};

export type SourcePosition = { sourceOrder: number; line: number };

/** A full state of the opportunity at a moment: at creation, or as the source says it is now. */
export type TimelineState = {
  at: Date;
  originKey: string;
  fields: OpportunityFields;
  amountInput?: string | null;
};

export type TimelineInput = {
  id: string;
  stages: ReadonlyMap<string, Stage>;
  /** Events the ledger already holds for this opportunity, in business order; empty for a new one. */
  existing: readonly Pick<
    LedgerEvent,
    'entityId' | 'kind' | 'payload' | 'businessTime' | 'recordedTime' | 'source' | 'seq' | 'originKey'
  >[];
  /** Positions of the source rows behind ledger events, by origin key (rows seen before). */
  positions?: ReadonlyMap<string, SourcePosition>;
  /** The ledger's current state, the starting point when `existing` was not loaded (no new rows). */
  current?: OpportunityState | null;
  /** The creation, for an opportunity the ledger does not hold yet (null otherwise). */
  creation: TimelineState | null;
  /** New source rows (those whose origin keys the ledger does not hold), in time order. */
  items: readonly TimelineItem[];
  /** The state the source says is current; its differences become one last change. */
  target: TimelineState | null;
};

/** An event for the ledger, before the batch gives it actor, source and batch id. */
export type TimelineEvent = {
  businessTime: Date;
  kind: 'opportunity.created' | 'opportunity.changed';
  payload: { [key: string]: JsonValue };
  originKey: string;
};

/**
 * Turns an opportunity's source history into ledger events: its creation, then one change for each
 * row that differs from the state before it (rows that repeat the state add nothing), then one change
 * for whatever still differs from the current record (fields the history does not track: name,
 * owner, next step...). Events the ledger already holds are replayed in their place, so a re-import
 * or a later export adds exactly what is new: at one instant the creation comes first, then events
 * of source rows in the rows' order (their origin keys give their `positions`), then other events.
 * Times never go backwards: a row dated before the creation takes the creation's time, and the
 * final change is no earlier than the last event.
 */
export function foldOpportunityTimeline(input: TimelineInput): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let fields: OpportunityFields | null = null;
  let replayed: OpportunityState | null = null;
  let lastTime = new Date(-8.64e15);

  if (input.creation) {
    fields = input.creation.fields;
    lastTime = input.creation.at;
    events.push({
      businessTime: input.creation.at,
      kind: 'opportunity.created',
      payload: withAmountInput(opportunityFieldsToPayload(fields), input.creation.amountInput),
      originKey: input.creation.originKey,
    });
  } else if (input.existing.length === 0 && input.current) {
    fields = fieldsOf(input.current);
    lastTime = input.current.updatedAt;
  }

  for (const step of mergeSteps(input)) {
    if (step.event) {
      replayed = applyOpportunityEvent(replayed, step.event);
      fields = fieldsOf(replayed);
      if (step.time > lastTime) lastTime = step.time;
      continue;
    }
    const item = step.item;
    if (!fields || !item) continue;
    const after = applyOpportunityPatch(fields, item.patch, input.stages);
    const changes = diffOpportunityFields(fields, after);
    fields = after;
    if (step.time > lastTime) lastTime = step.time;
    if (Object.keys(changes).length === 0) continue;
    const payload = opportunityChangesToPayload(changes);
    events.push({
      businessTime: step.time,
      kind: 'opportunity.changed',
      payload: changes.amountMinor !== undefined ? withAmountInput(payload, item.amountInput) : payload,
      originKey: item.originKey,
    });
  }

  if (input.target && fields) {
    const changes = diffOpportunityFields(fields, input.target.fields);
    if (Object.keys(changes).length > 0) {
      const payload = opportunityChangesToPayload(changes);
      events.push({
        businessTime: maxTime(input.target.at, lastTime),
        kind: 'opportunity.changed',
        payload:
          changes.amountMinor !== undefined ? withAmountInput(payload, input.target.amountInput) : payload,
        originKey: input.target.originKey,
      });
    }
  }
  return events;
}

type ExistingEvent = TimelineInput['existing'][number];
type Step = { time: Date; rank: number[]; event?: ExistingEvent; item?: TimelineItem };

/** Ledger events and new rows in one order: time, then creation / source rows / other events. */
function mergeSteps(input: TimelineInput): Step[] {
  const floor = earliest(input);
  const steps: Step[] = [];
  input.existing.forEach((event, index) => {
    const position = event.originKey ? input.positions?.get(event.originKey) : undefined;
    const tier = event.kind === 'opportunity.created' ? 0 : position ? 1 : 2;
    steps.push({
      time: event.businessTime,
      rank: [tier, position?.sourceOrder ?? 0, position?.line ?? 0, index],
      event,
    });
  });
  input.items.forEach((item, index) => {
    const position = item.position;
    steps.push({
      time: maxTime(item.at, floor),
      rank: [1, position?.sourceOrder ?? 0, position?.line ?? 0, index],
      item,
    });
  });
  return steps.sort((a, b) => {
    const byTime = a.time.getTime() - b.time.getTime();
    if (byTime !== 0) return byTime;
    for (let i = 0; i < a.rank.length; i += 1) {
      const diff = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
}

/**
 * The values an opportunity was created with, from its history: for each field, what the first
 * row that mentions it says it was then (a snapshot's value, or a change's previous value). The
 * amount's original text travels along when the first snapshot's amount was rounded.
 */
export function initialPatch(items: readonly TimelineItem[]): {
  patch: OpportunityPatch;
  amountInput: string | null;
} {
  const patch: Record<string, unknown> = {};
  const fields: Record<string, string | null> = {};
  const claimed = new Set<string>();
  let amountInput: string | null = null;
  for (const item of items) {
    const source = item.previous ?? item.patch;
    for (const [key, value] of Object.entries(item.patch)) {
      if (key === 'fields') continue;
      if (claimed.has(key)) continue;
      claimed.add(key);
      const stated = (source as Record<string, unknown>)[key];
      if (stated !== undefined) patch[key] = stated;
      if (key === 'amountMinor' && !item.previous && value !== undefined)
        amountInput = item.amountInput ?? null;
    }
    for (const name of Object.keys(item.patch.fields ?? {})) {
      if (claimed.has(`fields.${name}`)) continue;
      claimed.add(`fields.${name}`);
      const stated = source.fields?.[name];
      if (stated !== undefined) fields[name] = stated;
    }
  }
  if (Object.keys(fields).length > 0) patch.fields = fields;
  return { patch: patch as OpportunityPatch, amountInput };
}

/** The earliest time a new event may take: the opportunity's creation. */
function earliest(input: TimelineInput): Date {
  return input.creation?.at ?? input.existing[0]?.businessTime ?? new Date(-8.64e15);
}

function maxTime(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

function withAmountInput(
  payload: { [key: string]: JsonValue },
  amountInput: string | null | undefined,
): { [key: string]: JsonValue } {
  return amountInput ? { ...payload, amountInput } : payload;
}

export function fieldsOf(state: OpportunityState): OpportunityFields {
  return {
    name: state.name,
    accountId: state.accountId,
    ownerId: state.ownerId,
    amountMinor: state.amountMinor,
    currency: state.currency,
    stage: state.stage,
    probability01: state.probability01,
    forecastCategory: state.forecastCategory,
    forecastCategoryOverridden: state.forecastCategoryOverridden,
    isClosed: state.isClosed,
    isWon: state.isWon,
    closeDate: state.closeDate,
    createdAt: state.createdAt,
    nextStep: state.nextStep,
    lossReason: state.lossReason,
    competitor: state.competitor,
    type: state.type,
    leadSource: state.leadSource,
    fields: state.fields,
  };
}
