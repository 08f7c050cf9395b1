import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from './ledger-event.js';
import { computeOpportunityHistory } from './opportunity-history.js';
import {
  opportunityChangesToPayload,
  opportunityFieldsToPayload,
  type OpportunityChanges,
} from './opportunity-payload.js';
import { dealFields } from '../../test/helpers/sample-events.js';

const fields = dealFields({
  name: 'Acme',
  accountId: 'a1',
  createdAt: new Date('2026-01-05T00:00:00Z'),
  fields: { champion: 'Dana' },
});

let seq = 0n;
function created(at: string): LedgerEvent {
  return build('opportunity.created', at, opportunityFieldsToPayload(fields));
}
function changed(
  at: string,
  changes: OpportunityChanges,
  source: LedgerEvent['source'] = 'ui',
  recorded = at,
): LedgerEvent {
  return {
    ...build('opportunity.changed', at, opportunityChangesToPayload(changes)),
    source,
    recordedTime: new Date(recorded),
  };
}
function build(kind: string, at: string, payload: LedgerEvent['payload']): LedgerEvent {
  seq += 1n;
  return {
    seq,
    businessTime: new Date(at),
    recordedTime: new Date(at),
    actor: 'u1',
    source: 'ui',
    batchId: null,
    entityType: 'opportunity',
    entityId: 'd1',
    kind,
    payload,
    originKey: null,
    prevHash: '',
    hash: '',
  };
}

describe('computeOpportunityHistory', () => {
  it('gives one version per business instant, each valid until the next', () => {
    const { versions, current } = computeOpportunityHistory([
      created('2026-01-05T00:00:00Z'),
      changed('2026-02-01T00:00:00Z', { stage: 'Negotiation/Review', forecastCategory: 'Commit' }),
      changed('2026-03-01T00:00:00Z', { amountMinor: 120_000n }),
    ]);
    expect(
      versions.map((v) => [
        v.validFrom.toISOString().slice(0, 10),
        v.validTo?.toISOString().slice(0, 10) ?? null,
      ]),
    ).toEqual([
      ['2026-01-05', '2026-02-01'],
      ['2026-02-01', '2026-03-01'],
      ['2026-03-01', null],
    ]);
    expect(current.amountMinor).toBe(120_000n);
    expect(current.stageEnteredAt.toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('applies events in business-time order whatever order they were recorded in', () => {
    const late = changed('2026-01-20T00:00:00Z', { amountMinor: 90_000n });
    const { versions } = computeOpportunityHistory([
      created('2026-01-05T00:00:00Z'),
      changed('2026-02-01T00:00:00Z', { stage: 'Qualification' }),
      late,
    ]);
    expect(versions.map((v) => v.state.amountMinor)).toEqual([100_000n, 90_000n, 90_000n]);
    expect(versions.map((v) => v.state.stage)).toEqual(['Prospecting', 'Prospecting', 'Qualification']);
  });

  it('merges events at the same instant into one version', () => {
    const { versions } = computeOpportunityHistory([
      created('2026-01-05T00:00:00Z'),
      changed('2026-01-05T00:00:00Z', { amountMinor: 5n }),
    ]);
    expect(versions).toHaveLength(1);
    expect(versions[0]?.state.amountMinor).toBe(5n);
  });

  it('counts a push only when an open deal moves its close date later', () => {
    const { current } = computeOpportunityHistory([
      created('2026-01-05T00:00:00Z'),
      changed('2026-02-01T00:00:00Z', { closeDate: '2026-04-30' }),
      changed('2026-02-02T00:00:00Z', { closeDate: '2026-04-15' }),
      changed('2026-02-03T00:00:00Z', { closeDate: '2026-05-31' }),
    ]);
    expect(current.pushCount).toBe(2);
  });

  it('records when a close was recorded: the ledger time in Candor, the source time for imports', () => {
    const inCandor = computeOpportunityHistory([
      created('2026-01-05T00:00:00Z'),
      changed(
        '2026-03-30T00:00:00Z',
        { stage: 'Closed Won', isClosed: true, isWon: true },
        'ui',
        '2026-04-20T00:00:00Z',
      ),
    ]);
    expect(inCandor.current.closedRecordedAt?.toISOString()).toBe('2026-04-20T00:00:00.000Z');
    const imported = computeOpportunityHistory([
      created('2026-01-05T00:00:00Z'),
      changed(
        '2026-03-30T00:00:00Z',
        { stage: 'Closed Won', isClosed: true, isWon: true },
        'import',
        '2026-09-01T00:00:00Z',
      ),
    ]);
    expect(imported.current.closedRecordedAt?.toISOString()).toBe('2026-03-30T00:00:00.000Z');
  });

  it('merges supporting fields and removes a field set to null', () => {
    const { current } = computeOpportunityHistory([
      created('2026-01-05T00:00:00Z'),
      changed('2026-01-06T00:00:00Z', { fields: { economicBuyer: 'CFO', champion: null } }),
    ]);
    expect(current.fields).toEqual({ economicBuyer: 'CFO' });
  });

  it('refuses a change before the deal exists and a second creation', () => {
    expect(() =>
      computeOpportunityHistory([
        changed('2026-01-01T00:00:00Z', { amountMinor: 1n }),
        created('2026-01-05T00:00:00Z'),
      ]),
    ).toThrow(/changed .* before it was created/);
    expect(() =>
      computeOpportunityHistory([created('2026-01-05T00:00:00Z'), created('2026-01-06T00:00:00Z')]),
    ).toThrow(/created twice/);
  });
});
