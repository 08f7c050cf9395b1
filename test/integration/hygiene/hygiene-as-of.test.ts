import { afterAll, beforeAll, expect, it } from 'vitest';
import { everything } from '../../../src/core/access-scope.js';
import { computeDealFacts } from '../../../src/core/hygiene/compute-deal-facts.js';
import { filterKnownEvents } from '../../../src/core/hygiene/known-events.js';
import { computeOpportunityHistory } from '../../../src/core/opportunity-history.js';
import { withConnection } from '../../../src/db/connection.js';
import { evaluateHygieneAsOf } from '../../../src/services/hygiene/evaluate-hygiene-as-of.js';
import { getHygieneSnapshot } from '../../../src/services/hygiene/get-hygiene-snapshot.js';
import { listEntityEvents } from '../../../src/store/entity-events.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { loadHygieneHistory } from './hygiene-history.js';

describeEachEngine('hygiene as of a moment', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadHygieneHistory(database);
  });
  afterAll(async () => database.close());

  const snapshot = (asOf: string) =>
    getHygieneSnapshot(database, { asOf: new Date(asOf), scope: everything });
  const rulesOf = (flags: { deal: string; rule: string }[], deal: string) =>
    flags.filter((f) => f.deal === deal).map((f) => f.rule);

  it('flags every deal as worked out by hand on 12 May', async () => {
    const { asOf, flags, scores } = await snapshot('2026-05-12T00:00:00Z');
    expect(asOf).toBe('2026-05-12T00:00:00.000Z');
    const short = (f: { deal: string; rule: string; severity: string; evidence: string; since: string }) =>
      [f.deal, f.rule, f.severity, f.evidence, f.since].join(' | ');
    expect(flags.map((f) => ({ ...f, owner: undefined })).map(short)).toEqual([
      'h1 | stuck-in-stage | medium | in Prospecting for 126 days; too little history (1 completed stay), so the limit is 60 days | 2026-03-06T10:00:00.000Z',
      'h1 | pushed-repeatedly | high | pushed 3 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30 | 2026-05-01T10:00:00.000Z',
      'h2 | stuck-in-stage | medium | in Proposal/Price Quote for 121 days; too little history (0 completed stays), so the limit is 60 days | 2026-03-11T10:00:00.000Z',
      'h2 | created-late-stage | low | created directly in Proposal/Price Quote (late stages start at Perception Analysis) | 2026-01-10T10:00:00.000Z',
      'h3 | close-date-past | high | close date 2026-04-15 passed 27 days ago, still open | 2026-04-16T00:00:00.000Z',
      'h3 | no-activity | high | no activity logged in the 121 days since it was created (limit 30) | 2026-02-09T10:00:00.000Z',
      'h3 | stuck-in-stage | medium | in Prospecting for 121 days; too little history (1 completed stay), so the limit is 60 days | 2026-03-11T10:00:00.000Z',
      'h3 | amount-missing | medium | no amount entered | 2026-01-10T10:00:00.000Z',
      'h4 | stuck-in-stage | medium | in Negotiation/Review for 99 days; too little history (0 completed stays), so the limit is 60 days | 2026-04-02T10:00:00.000Z',
      'h4 | commit-without-next-step | medium | in Commit without a next step | 2026-02-01T10:00:00.000Z',
      'h4 | missing-required-fields | medium | Negotiation/Review requires Economic buyer: missing | 2026-02-01T10:00:00.000Z',
      'h4 | created-late-stage | low | created directly in Negotiation/Review (late stages start at Perception Analysis) | 2026-02-01T10:00:00.000Z',
      'h5 | stuck-in-stage | medium | in Prospecting for 126 days; too little history (1 completed stay), so the limit is 60 days | 2026-03-06T10:00:00.000Z',
      'h5 | backdated-change | medium | amount entered 2026-05-10 dated 2026-04-01 (39 days earlier) | 2026-05-10T10:00:00.000Z',
      'h6 | backdated-change | medium | stage, probability01, forecastCategory, isClosed, isWon entered 2026-05-05 dated 2026-04-10 (24 days earlier); won on 2026-04-10 but recorded 2026-05-05 | 2026-05-05T08:00:00.000Z',
    ]);
    // Ana: h1 1000·1 + h3 (no amount: stand-in, the lower median 1000) ·1 + h5 1200·0.5 = 2600 of 3200 → 18.75.
    // Ben: h2 500·0.5 + h4 2000·0.5 = 1250 of 2500 → 50. Sales: 3850 of 5700 → 32.46.
    expect(scores).toEqual([
      { owner: 'u1', team: 'east', score: 18.8 },
      { owner: 'u2', team: 'west', score: 50 },
      { owner: null, team: 'east', score: 18.8 },
      { owner: null, team: 'sales', score: 32.5 },
      { owner: null, team: 'west', score: 50 },
    ]);
  });

  it('shows each flag appear and disappear at the right moment, from what was known then', async () => {
    // Two pushes by 15 April, three from 1 May 10:00.
    expect(rulesOf((await snapshot('2026-04-15T00:00:00Z')).flags, 'h1')).not.toContain('pushed-repeatedly');
    expect(rulesOf((await snapshot('2026-05-01T10:00:00Z')).flags, 'h1')).toContain('pushed-repeatedly');
    // On 1 May nobody knew Stark was won (recorded 5 May): it looked overdue.
    const may1 = await snapshot('2026-05-01T00:00:00Z');
    expect(may1.flags.filter((f) => f.deal === 'h6').map((f) => [f.rule, f.evidence])).toEqual([
      ['close-date-past', 'close date 2026-04-10 passed 21 days ago, still open'],
      [
        'stuck-in-stage',
        'in Prospecting for 100 days; too little history (0 completed stays), so the limit is 60 days',
      ],
    ]);
    // On 8 May Hooli's backdated amount (recorded 10 May) was not known either.
    const may8 = await snapshot('2026-05-08T00:00:00Z');
    expect(rulesOf(may8.flags, 'h5')).toEqual(['stuck-in-stage']);
    expect(rulesOf(may8.flags, 'h6')).toEqual(['backdated-change']);
    // Initech's close date passes at the start of 16 April.
    expect(rulesOf((await snapshot('2026-04-15T23:59:59Z')).flags, 'h3')).not.toContain('close-date-past');
    expect(rulesOf((await snapshot('2026-04-16T00:00:00Z')).flags, 'h3')).toContain('close-date-past');
  });

  it('computes in SQL the same facts as the reference replay of the known events', async () => {
    for (const asOf of ['2026-03-01T12:00:00Z', '2026-05-08T00:00:00Z', '2026-05-12T00:00:00Z']) {
      const at = new Date(asOf);
      await withConnection(database, async (conn) => {
        const { deals } = await evaluateHygieneAsOf(conn, { asOf: at, scope: everything });
        for (const deal of deals) {
          const events = filterKnownEvents(await listEntityEvents(conn, 'opportunity', deal.id), at).filter(
            (e) => e.businessTime <= at,
          );
          const reference = computeDealFacts({
            versions: computeOpportunityHistory(events).versions,
            asOf: at,
            amountWindowStart: new Date(at.getTime() - 7 * 86_400_000),
            corporateAmountMinor: deal.corporateAmountMinor,
            lastActivityAt: deal.lastActivityAt,
            backdated: deal.backdated,
          });
          // The SQL lists pushes only for deals at or past the threshold (3); the rest need none.
          const expected =
            reference && deal.pushes.length === 0 && reference.pushes.length < 3
              ? { ...reference, pushes: [] }
              : reference;
          expect({ asOf, ...deal }).toEqual({ asOf, ...expected });
        }
        expect(deals.length).toBeGreaterThan(0);
      });
    }
  });
});
