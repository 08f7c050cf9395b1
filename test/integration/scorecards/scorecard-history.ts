import type { NewEvent } from '../../../src/core/ledger-event.js';
import { withTransaction } from '../../../src/db/connection.js';
import type { DatabaseHandle } from '../../../src/db/open-database.js';
import { setQuota } from '../../../src/services/quotas/set-quota.js';
import { appendEvents } from '../../../src/store/append-events.js';
import {
  currencyDefined,
  currencyRateSet,
  dealChanged,
  dealCreated,
  event,
  orgEvent,
  roleGranted,
  teamCreated,
  userCreated,
} from '../../helpers/sample-events.js';

const t0 = '2026-01-01T00:00:00Z';

function stage(name: string, order: number, category: string, closed = false, won = false): NewEvent {
  return event('stage', name, 'stage.defined', t0, {
    name,
    order,
    probability01: won ? 1 : closed ? 0 : order / 10,
    forecastCategory: category,
    isClosed: closed,
    isWon: won,
    requiredFields: [],
    active: true,
  });
}

function activity(id: string, ownerId: string, type: string, at: string): NewEvent {
  return event('activity', id, 'activity.logged', at, {
    type,
    subject: `${type} ${id}`,
    occurredAt: at,
    opportunityId: null,
    accountId: null,
    ownerId,
    fields: {},
  });
}

const won = { stage: 'Closed Won', isClosed: true, isWon: true, forecastCategory: 'Closed' as const };

/**
 * A small organisation whose scorecards for 2026-Q1, seen on 2026-02-15 (half the 90-day quarter
 * gone), are worked out by hand in scorecards.test.ts. USD, EUR at 1.1. Sales ⟶ East (Ana, u1, rep),
 * West (Ben, u2, rep); Cleo (u3) manages Sales; Ada (u6) is the admin.
 * - d1 Ana 300.00 USD: created 01-05 Prospecting, Proposal 01-20, won 02-05.
 * - d2 Ana 500.00 EUR (550.00 USD): created 01-10, open, closing 03-20.
 * - d3 Ben 200.00 USD: created 01-12, lost 02-01.
 * - d4 Ben 1000.00 USD: created 01-15 in Proposal, won 02-10.
 * Activities: Ana a meeting on 01-06 and a call on 01-07; Ben a meeting on 02-20 (after "now").
 * Quotas for 2026-Q1: Ana 1000.00 USD; Ben 2000.00 EUR (2200.00 USD); Sales on its own 4000.00 USD.
 */
export async function loadScorecardHistory(handle: DatabaseHandle): Promise<void> {
  const events: NewEvent[] = [
    orgEvent(t0, { name: 'Scorecard test org' }),
    currencyDefined('USD', 2, t0),
    currencyDefined('EUR', 2, t0),
    currencyRateSet('EUR', '2025-01-01', '1.1', t0),
    stage('Prospecting', 1, 'Pipeline'),
    stage('Proposal', 2, 'Best Case'),
    stage('Closed Won', 3, 'Closed', true, true),
    stage('Closed Lost', 4, 'Omitted', true, false),
    teamCreated('sales', 'Sales', null, t0),
    teamCreated('east', 'East', 'sales', t0),
    teamCreated('west', 'West', 'sales', t0),
    userCreated('u1', 'Ana Alvarez', t0, 'ana@score.test'),
    userCreated('u2', 'Ben Brooks', t0, 'ben@score.test'),
    userCreated('u3', 'Cleo Chen', t0, 'cleo@score.test'),
    userCreated('u6', 'Ada Admin', t0, 'ada@score.test'),
    roleGranted('u1', 'east', 'rep', t0),
    roleGranted('u2', 'west', 'rep', t0),
    roleGranted('u3', 'sales', 'manager', t0),
    roleGranted('u6', 'sales', 'admin', t0),
    dealCreated('d1', '2026-01-05T00:00:00Z', {
      name: 'Acme',
      ownerId: 'u1',
      amountMinor: 30_000n,
      createdAt: new Date('2026-01-05T00:00:00Z'),
      closeDate: '2026-03-31',
    }),
    dealChanged('d1', '2026-01-20T00:00:00Z', { stage: 'Proposal', forecastCategory: 'Best Case' }),
    dealChanged('d1', '2026-02-05T00:00:00Z', { ...won, closeDate: '2026-02-05' }),
    dealCreated('d2', '2026-01-10T00:00:00Z', {
      name: 'Globex',
      ownerId: 'u1',
      amountMinor: 50_000n,
      currency: 'EUR',
      createdAt: new Date('2026-01-10T00:00:00Z'),
      closeDate: '2026-03-20',
    }),
    dealCreated('d3', '2026-01-12T00:00:00Z', {
      name: 'Initech',
      ownerId: 'u2',
      amountMinor: 20_000n,
      createdAt: new Date('2026-01-12T00:00:00Z'),
      closeDate: '2026-03-01',
    }),
    dealChanged('d3', '2026-02-01T00:00:00Z', {
      stage: 'Closed Lost',
      isClosed: true,
      forecastCategory: 'Omitted',
      closeDate: '2026-02-01',
    }),
    dealCreated('d4', '2026-01-15T00:00:00Z', {
      name: 'Umbrella',
      ownerId: 'u2',
      amountMinor: 100_000n,
      stage: 'Proposal',
      forecastCategory: 'Best Case',
      createdAt: new Date('2026-01-15T00:00:00Z'),
      closeDate: '2026-03-15',
    }),
    dealChanged('d4', '2026-02-10T00:00:00Z', { ...won, closeDate: '2026-02-10' }),
    activity('a1', 'u1', 'meeting', '2026-01-06T10:00:00.000Z'),
    activity('a2', 'u1', 'call', '2026-01-07T10:00:00.000Z'),
    activity('a3', 'u2', 'meeting', '2026-02-20T10:00:00.000Z'),
  ];
  await withTransaction(handle, (conn) =>
    appendEvents(conn, events, { recordedTime: new Date('2026-02-14T00:00:00Z') }),
  );
  const change = { actor: 'u6', source: 'api' as const, now: new Date('2026-02-14T12:00:00Z') };
  await setQuota(handle, {
    ...change,
    subjectType: 'user',
    subjectId: 'u1',
    period: '2026-Q1',
    amount: '1000',
  });
  await setQuota(handle, {
    ...change,
    subjectType: 'user',
    subjectId: 'u2',
    period: '2026-Q1',
    amount: '2000.00',
    currency: 'EUR',
  });
  await setQuota(handle, {
    ...change,
    subjectType: 'team',
    subjectId: 'sales',
    period: '2026-Q1',
    amount: '4000.00',
  });
}

export const scorecardNow = new Date('2026-02-15T00:00:00Z');
