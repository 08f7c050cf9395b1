import { describe, expect, it } from 'vitest';
import { defaultStages } from '../stage.js';
import type { OpportunityFields } from '../opportunity.js';
import {
  foldOpportunityTimeline,
  initialPatch,
  type TimelineEvent,
  type TimelineInput,
} from './fold-opportunity-timeline.js';
import { applyOpportunityPatch } from './opportunity-patch.js';

const stages = new Map(defaultStages.map((s) => [s.name, s]));
const at = (text: string) => new Date(text);

const current: OpportunityFields = {
  name: 'Acme renewal',
  accountId: 'a1',
  ownerId: 'u2',
  amountMinor: 150_000n,
  currency: 'USD',
  stage: 'Negotiation/Review',
  probability01: 0.9,
  forecastCategory: 'Commit',
  forecastCategoryOverridden: false,
  isClosed: false,
  isWon: false,
  closeDate: '2023-04-28',
  createdAt: at('2023-01-10T08:00:00Z'),
  nextStep: 'Send contract',
  lossReason: null,
  competitor: null,
  type: null,
  leadSource: null,
  fields: {},
};

const items: TimelineInput['items'] = [
  {
    at: at('2023-01-10T08:00:00Z'),
    originKey: 'h1',
    patch: { stage: 'Prospecting', amountMinor: 100_000n, probability01: 0.1 },
  },
  {
    at: at('2023-02-01T08:00:00Z'),
    originKey: 'h2',
    patch: { stage: 'Prospecting', amountMinor: 100_000n, probability01: 0.1 },
  },
  {
    at: at('2023-02-15T10:00:00Z'),
    originKey: 'f1',
    patch: { ownerId: 'u2' },
    previous: { ownerId: 'u3' },
  },
  {
    at: at('2023-03-05T14:30:00Z'),
    originKey: 'h3',
    patch: { stage: 'Negotiation/Review', amountMinor: 150_000n, probability01: 0.9 },
    amountInput: '1500.004',
  },
];

function firstImport(): TimelineInput {
  const initial = initialPatch(items);
  return {
    id: 'o1',
    stages,
    existing: [],
    creation: {
      at: items[0]!.at,
      originKey: 'sf:Opportunity:o1',
      fields: applyOpportunityPatch(current, initial.patch, stages),
    },
    items,
    target: { at: at('2023-03-20T09:00:00Z'), originKey: 'final', fields: current },
  };
}

/** The events as the ledger would store them, for a second fold that replays them. */
function asLedger(events: TimelineEvent[]): TimelineInput['existing'] {
  return events.map((e, i) => ({
    ...e,
    entityId: 'o1',
    recordedTime: at('2024-01-01T00:00:00Z'),
    source: 'import',
    seq: BigInt(i + 1),
  }));
}

describe('foldOpportunityTimeline', () => {
  it('creates the deal as its history began and adds one change per row that changes it', () => {
    const events = foldOpportunityTimeline(firstImport());
    expect(events.map((e) => [e.businessTime.toISOString(), e.kind, e.originKey])).toEqual([
      ['2023-01-10T08:00:00.000Z', 'opportunity.created', 'sf:Opportunity:o1'],
      ['2023-02-15T10:00:00.000Z', 'opportunity.changed', 'f1'],
      ['2023-03-05T14:30:00.000Z', 'opportunity.changed', 'h3'],
    ]);
    expect(events[0]?.payload).toMatchObject({
      stage: 'Prospecting',
      amountMinor: '100000',
      ownerId: 'u3',
      forecastCategory: 'Pipeline',
    });
    expect(events[1]?.payload).toEqual({ ownerId: 'u2' });
    expect(events[2]?.payload).toEqual({
      stage: 'Negotiation/Review',
      amountMinor: '150000',
      amountInput: '1500.004',
      probability01: 0.9,
      forecastCategory: 'Commit',
    });
  });

  it('adds nothing when the same history is folded again over the ledger’s events', () => {
    const first = firstImport();
    const recorded = foldOpportunityTimeline(first);
    const positions = new Map(items.map((item, i) => [item.originKey, { sourceOrder: 0, line: i + 2 }]));
    const again = foldOpportunityTimeline({
      ...first,
      creation: null,
      existing: asLedger(recorded),
      positions,
      // Only the row that left no event is new to the ledger.
      items: [{ ...items[1]!, position: { sourceOrder: 0, line: 3 } }],
    });
    expect(again).toEqual([]);
  });

  it('changes what the current record says and the history does not', () => {
    const input = firstImport();
    const events = foldOpportunityTimeline({
      ...input,
      target: { ...input.target!, fields: { ...current, name: 'Acme renewal 2023' } },
    });
    expect(events.at(-1)).toEqual({
      businessTime: at('2023-03-20T09:00:00Z'),
      kind: 'opportunity.changed',
      payload: { name: 'Acme renewal 2023' },
      originKey: 'final',
    });
  });

  it('never dates a row before the creation nor the last change before the last row', () => {
    const events = foldOpportunityTimeline({
      id: 'o1',
      stages,
      existing: [],
      creation: { at: at('2023-02-01T00:00:00Z'), originKey: 'c', fields: current },
      items: [{ at: at('2023-01-01T00:00:00Z'), originKey: 'early', patch: { amountMinor: 1n } }],
      target: { at: at('2022-01-01T00:00:00Z'), originKey: 'final', fields: current },
    });
    expect(events.map((e) => [e.originKey, e.businessTime.toISOString()])).toEqual([
      ['c', '2023-02-01T00:00:00.000Z'],
      ['early', '2023-02-01T00:00:00.000Z'],
      ['final', '2023-02-01T00:00:00.000Z'],
    ]);
  });

  it('starts from the ledger’s current state when it holds the deal and no new rows came', () => {
    const events = foldOpportunityTimeline({
      id: 'o1',
      stages,
      existing: [],
      current: {
        ...current,
        id: 'o1',
        stageEnteredAt: at('2023-03-05T14:30:00Z'),
        pushCount: 0,
        closedRecordedAt: null,
        updatedAt: at('2023-03-20T09:00:00Z'),
        lastSeq: 5n,
      },
      creation: null,
      items: [],
      target: {
        at: at('2023-04-01T00:00:00Z'),
        originKey: 'final',
        fields: applyOpportunityPatch(current, { stage: 'Closed Won' }, stages),
      },
    });
    expect(events).toEqual([
      {
        businessTime: at('2023-04-01T00:00:00Z'),
        kind: 'opportunity.changed',
        payload: {
          stage: 'Closed Won',
          probability01: 1,
          forecastCategory: 'Closed',
          isClosed: true,
          isWon: true,
        },
        originKey: 'final',
      },
    ]);
  });
});

describe('applyOpportunityPatch', () => {
  it('takes closed, won, probability and category from a new stage unless the row states them', () => {
    const won = applyOpportunityPatch(current, { stage: 'Closed Won' }, stages);
    expect([
      won.isClosed,
      won.isWon,
      won.probability01,
      won.forecastCategory,
      won.forecastCategoryOverridden,
    ]).toEqual([true, true, 1, 'Closed', false]);
    const overridden = applyOpportunityPatch(
      current,
      { stage: 'Prospecting', forecastCategory: 'Best Case' },
      stages,
    );
    expect([
      overridden.forecastCategory,
      overridden.forecastCategoryOverridden,
      overridden.probability01,
    ]).toEqual(['Best Case', true, 0.1]);
  });
});
