import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type LedgerEvent } from './ledger-event.js';
import { canonicalEventText, canonicalEventTextByDefinition, computeEventHash } from './ledger-hash.js';

const event: Omit<LedgerEvent, 'hash'> = {
  seq: 1n,
  businessTime: new Date('2026-01-05T10:00:00.000Z'),
  recordedTime: new Date('2026-01-06T08:30:00.123Z'),
  actor: 'u1',
  source: 'ui',
  batchId: null,
  entityType: 'opportunity',
  entityId: 'd1',
  kind: 'opportunity.changed',
  payload: { amountMinor: '150000', stage: 'Closed Won' },
  originKey: null,
  prevHash: GENESIS_HASH,
};

describe('ledger hashing', () => {
  it('hashes the previous hash followed by the canonical text of the event', () => {
    const expected = createHash('sha256')
      .update(GENESIS_HASH)
      .update(canonicalEventText(event))
      .digest('hex');
    expect(computeEventHash(event)).toBe(expected);
    expect(computeEventHash(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes times in UTC with milliseconds and the sequence as text', () => {
    const text = canonicalEventText(event);
    expect(text).toContain('"recordedTime":"2026-01-06T08:30:00.123Z"');
    expect(text).toContain('"seq":"1"');
  });

  it('changes when any field changes, including the link to the previous event', () => {
    const base = computeEventHash(event);
    const variants: Omit<LedgerEvent, 'hash'>[] = [
      { ...event, payload: { amountMinor: '150001', stage: 'Closed Won' } },
      { ...event, businessTime: new Date('2026-01-05T10:00:00.001Z') },
      { ...event, actor: 'u2' },
      { ...event, seq: 2n },
      { ...event, prevHash: 'f'.repeat(64) },
      { ...event, source: 'api' },
    ];
    for (const variant of variants) expect(computeEventHash(variant)).not.toBe(base);
  });

  it('writes the same text as the canonical JSON of the event fields', () => {
    expect(canonicalEventText(event)).toBe(canonicalEventTextByDefinition(event));
    const tricky = {
      ...event,
      batchId: 'b"1',
      originKey: 'sf:\u00e9\n',
      actor: 'ünïcode',
      payload: { z: [1, { b: null, a: 'x' }], a: true },
    };
    expect(canonicalEventText(tricky)).toBe(canonicalEventTextByDefinition(tricky));
  });

  it('does not depend on the key order of the payload', () => {
    const reordered = { ...event, payload: { stage: 'Closed Won', amountMinor: '150000' } };
    expect(computeEventHash(reordered)).toBe(computeEventHash(event));
  });
});
