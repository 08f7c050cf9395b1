import type { NewEvent } from '../../../src/core/ledger-event.js';
import { defaultStages } from '../../../src/core/stage.js';
import { withTransaction } from '../../../src/db/connection.js';
import type { DatabaseHandle } from '../../../src/db/open-database.js';
import { hashPassword } from '../../../src/services/password-hashing.js';
import { appendEvents } from '../../../src/store/append-events.js';
import { saveCredential } from '../../../src/store/credential-queries.js';
import {
  currencyDefined,
  dealChanged,
  dealCreated,
  event,
  orgEvent,
  roleGranted,
  teamCreated,
  userCreated,
} from '../../helpers/sample-events.js';
import { testPassword } from '../../helpers/sign-in.js';

const setup = '2026-01-01T00:00:00Z';

function imported(e: NewEvent): NewEvent {
  return { ...e, source: 'import', batchId: 'hygiene-import' };
}

function activity(id: string, dealId: string, at: string): NewEvent {
  return imported(
    event('activity', id, 'activity.logged', at, {
      type: 'call',
      subject: `Call about ${dealId}`,
      occurredAt: at,
      opportunityId: dealId,
      accountId: null,
      ownerId: null,
      fields: {},
    }),
  );
}

/**
 * A hand-built organisation for the hygiene tests, worked out by hand. UTC, USD, Salesforce's
 * default stages with Negotiation/Review requiring an economic buyer. Teams: sales ⟶ east (Ana
 * u1), west (Ben u2); Cleo (u3) manages sales; Vera (u9) views everything; Ada (u6) administers.
 *
 * History imported from the CRM (known at its own business time), except where said:
 * - h1 Acme (Ana) 1000.00, close 03-31, pushed 03-01 → 04-30, 04-01 → 05-31, 05-01 → 06-30;
 *   a call on 04-25.
 * - h2 Globex (Ben) created in Proposal/Price Quote 500.00, close 06-30; calls 01-10 and 04-20.
 * - h3 Initech (Ana) without an amount, close 04-15; no activity.
 * - h4 Umbrella (Ben) created 02-01 in Negotiation/Review (Commit) 2000.00 without a next step or
 *   an economic buyer, close 05-31; a call on 05-01.
 * - h5 Hooli (Ana) 800.00, close 06-15, a call on 05-02; in Candor on 05-10 an amount of 1200.00
 *   dated 04-01 (backdated, +50 %).
 * - h6 Stark (Ben) 300.00, close 04-10, a call 04-01; in Candor on 05-05 marked won dated 04-10
 *   (late-recorded close).
 */
export const hygieneHistory: { event: NewEvent; recordedAt: string }[] = [
  ...[
    orgEvent(setup, { name: 'Hygiene test org' }),
    currencyDefined('USD', 2, setup),
    ...defaultStages.map((s) =>
      event('stage', s.name, 'stage.defined', setup, {
        ...s,
        requiredFields: s.name === 'Negotiation/Review' ? ['economicBuyer'] : [],
      }),
    ),
    teamCreated('sales', 'Sales', null, setup),
    teamCreated('east', 'East', 'sales', setup),
    teamCreated('west', 'West', 'sales', setup),
    userCreated('u1', 'Ana Alvarez', setup, 'ana@hygiene.test'),
    userCreated('u2', 'Ben Brooks', setup, 'ben@hygiene.test'),
    userCreated('u3', 'Cleo Chen', setup, 'cleo@hygiene.test'),
    userCreated('u6', 'Ada Admin', setup, 'ada@hygiene.test'),
    userCreated('u9', 'Vera Viewer', setup, 'vera@hygiene.test'),
    roleGranted('u1', 'east', 'rep', setup),
    roleGranted('u2', 'west', 'rep', setup),
    roleGranted('u3', 'sales', 'manager', setup),
    roleGranted('u6', 'sales', 'admin', setup),
    roleGranted('u9', 'sales', 'viewer', setup),
  ].map((e) => ({ event: e, recordedAt: setup })),
  ...[
    dealCreated('h1', '2026-01-05T10:00:00Z', {
      name: 'Acme',
      ownerId: 'u1',
      amountMinor: 100_000n,
      closeDate: '2026-03-31',
    }),
    dealChanged('h1', '2026-03-01T10:00:00Z', { closeDate: '2026-04-30' }),
    dealChanged('h1', '2026-04-01T10:00:00Z', { closeDate: '2026-05-31' }),
    dealChanged('h1', '2026-05-01T10:00:00Z', { closeDate: '2026-06-30' }),
    activity('a1', 'h1', '2026-04-25T09:00:00Z'),
    dealCreated('h2', '2026-01-10T10:00:00Z', {
      name: 'Globex',
      ownerId: 'u2',
      amountMinor: 50_000n,
      stage: 'Proposal/Price Quote',
      probability01: 0.75,
      forecastCategory: 'Best Case',
      closeDate: '2026-06-30',
    }),
    activity('a2', 'h2', '2026-01-10T12:00:00Z'),
    activity('a3', 'h2', '2026-04-20T09:00:00Z'),
    dealCreated('h3', '2026-01-10T10:00:00Z', {
      name: 'Initech',
      ownerId: 'u1',
      amountMinor: null,
      closeDate: '2026-04-15',
    }),
    dealCreated('h4', '2026-02-01T10:00:00Z', {
      name: 'Umbrella',
      ownerId: 'u2',
      amountMinor: 200_000n,
      stage: 'Negotiation/Review',
      probability01: 0.9,
      forecastCategory: 'Commit',
      closeDate: '2026-05-31',
    }),
    activity('a4', 'h4', '2026-05-01T09:00:00Z'),
    dealCreated('h5', '2026-01-05T10:00:00Z', {
      name: 'Hooli',
      ownerId: 'u1',
      amountMinor: 80_000n,
      closeDate: '2026-06-15',
    }),
    activity('a5', 'h5', '2026-05-02T09:00:00Z'),
    dealCreated('h6', '2026-01-20T10:00:00Z', {
      name: 'Stark',
      ownerId: 'u2',
      amountMinor: 30_000n,
      closeDate: '2026-04-10',
    }),
    activity('a6', 'h6', '2026-04-01T09:00:00Z'),
  ].map((e) => ({ event: imported(e), recordedAt: '2026-01-01T00:00:00Z' })),
  {
    event: dealChanged('h5', '2026-04-01T10:00:00Z', { amountMinor: 120_000n }),
    recordedAt: '2026-05-10T10:00:00Z',
  },
  {
    event: dealChanged('h6', '2026-04-10T16:00:00Z', {
      stage: 'Closed Won',
      forecastCategory: 'Closed',
      probability01: 1,
      isClosed: true,
      isWon: true,
    }),
    recordedAt: '2026-05-05T08:00:00Z',
  },
];

/** Appends the history by recorded time (imported history all at once, as one import would). */
export async function loadHygieneHistory(db: DatabaseHandle): Promise<void> {
  const ordered = [...hygieneHistory].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  for (let i = 0; i < ordered.length;) {
    const recordedAt = ordered[i]?.recordedAt ?? '';
    const group: NewEvent[] = [];
    for (; i < ordered.length && ordered[i]?.recordedAt === recordedAt; i += 1) group.push(ordered[i]!.event);
    await withTransaction(db, (conn) => appendEvents(conn, group, { recordedTime: new Date(recordedAt) }));
  }
  await withTransaction(db, async (conn) => {
    const passwordHash = await hashPassword(testPassword);
    for (const userId of ['u1', 'u2', 'u3', 'u6', 'u9']) {
      await saveCredential(conn, { userId, passwordHash, updatedAt: new Date(setup) });
    }
  });
}
