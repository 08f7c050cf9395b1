import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { everything } from '../../../src/core/access-scope.js';
import { computeDealFacts } from '../../../src/core/hygiene/compute-deal-facts.js';
import { filterKnownEvents } from '../../../src/core/hygiene/known-events.js';
import type { NewEvent } from '../../../src/core/ledger-event.js';
import { computeOpportunityHistory } from '../../../src/core/opportunity-history.js';
import { withConnection, withTransaction } from '../../../src/db/connection.js';
import { fillDealHistory } from '../../../src/db/migrations/0014-hygiene-deal-history.js';
import { evaluateHygieneAsOf } from '../../../src/services/hygiene/evaluate-hygiene-as-of.js';
import { appendEvents } from '../../../src/store/append-events.js';
import { listEntityEvents } from '../../../src/store/entity-events.js';
import { summarizeStageStays } from '../../../src/store/hygiene-history-queries.js';
import { verifyProjections } from '../../../src/store/verify-ledger.js';
import { dealChanged, dealCreated } from '../../helpers/sample-events.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { loadHygieneHistory } from './hygiene-history.js';

const stages = [
  ['Qualification', 0.2, 'Pipeline'],
  ['Needs Analysis', 0.2, 'Pipeline'],
  ['Value Proposition', 0.5, 'Pipeline'],
  ['Id. Decision Makers', 0.6, 'Pipeline'],
] as const;

/**
 * Busier deals than the hand-built history: stage moves (stays for the norms), pushes, two amount
 * changes inside one swing window, a next step and supporting information set, a close; three
 * changed in Candor, one of them long after the date it carries.
 */
function busyDeals(): { event: NewEvent; recordedAt: string }[] {
  const events: NewEvent[] = [];
  for (let n = 0; n < 6; n += 1) {
    const id = `b${n}`;
    const day = (d: number) => new Date(Date.UTC(2026, 0, 2 + n + d, 10)).toISOString();
    events.push(dealCreated(id, day(0), { name: `Busy ${n}`, ownerId: n % 2 ? 'u1' : 'u2' }));
    stages.slice(0, 2 + (n % 3)).forEach(([stage, probability01, forecastCategory], i) => {
      events.push(dealChanged(id, day(10 + i * (5 + n)), { stage, probability01, forecastCategory }));
    });
    events.push(dealChanged(id, day(40), { closeDate: '2026-04-30' }));
    events.push(dealChanged(id, day(50), { closeDate: '2026-05-31', nextStep: 'Send the proposal' }));
    events.push(dealChanged(id, day(60 + n), { closeDate: '2026-06-30' }));
    events.push(dealChanged(id, day(85), { amountMinor: 120_000n }));
    events.push(dealChanged(id, day(88), { amountMinor: 150_000n, fields: { economicBuyer: 'Dana' } }));
    if (n === 5) {
      events.push(
        dealChanged(id, day(95), { stage: 'Closed Lost', isClosed: true, forecastCategory: 'Omitted' }),
      );
    }
  }
  const imported = events.map((e) => ({
    event: { ...e, source: 'import' as const, batchId: 'busy' },
    recordedAt: '2026-01-01T00:00:00Z',
  }));
  return [
    ...imported,
    {
      event: dealChanged('b1', '2026-05-20T09:00:00Z', { amountMinor: 90_000n }),
      recordedAt: '2026-05-20T09:00:00Z',
    },
    {
      event: dealChanged('b2', '2026-03-01T09:00:00Z', { nextStep: 'Meet the board' }),
      recordedAt: '2026-05-11T09:00:00Z',
    },
    {
      event: dealChanged('b3', '2026-05-02T09:00:00Z', { competitor: 'Initrode' }),
      recordedAt: '2026-05-02T10:00:00Z',
    },
  ];
}

const moments = [
  '2026-02-10T00:00:00Z',
  '2026-04-05T12:00:00Z',
  '2026-05-08T00:00:00Z',
  '2026-07-01T00:00:00Z',
];

describeEachEngine('hygiene history facts projection', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadHygieneHistory(database);
    for (const { event, recordedAt } of busyDeals()) {
      await withTransaction(database, (conn) =>
        appendEvents(conn, [event], { recordedTime: new Date(recordedAt) }),
      );
    }
  });
  afterAll(async () => database.close());

  it('is what a replay of each deal gives, and the migration fills it the same from the versions', async () => {
    await withConnection(database, async (conn) => {
      expect(await verifyProjections(conn)).toEqual([]);
      const count = async () =>
        (
          await sql<{ facts: string; stays: string }>`
            select (select count(*) from hygiene_deal_facts) as facts,
                   (select count(*) from hygiene_stage_stays) as stays`.execute(conn.db)
        ).rows[0];
      const projected = await count();
      // Stays ended: b0–b5 2+3+4+2+3+5 (b5's last one by its loss), h6 1 (by its win).
      expect(projected).toEqual({ facts: '12', stays: '20' });
      await sql`delete from hygiene_deal_facts`.execute(conn.db);
      await sql`delete from hygiene_stage_stays`.execute(conn.db);
      await fillDealHistory(conn.db);
      expect(await count()).toEqual(projected);
      expect(await verifyProjections(conn)).toEqual([]);
    });
  });

  it('gives the facts of the reference replay whether a deal is read from the projection or its versions', async () => {
    for (const asOf of moments) {
      const at = new Date(asOf);
      await withConnection(database, async (conn) => {
        const { deals } = await evaluateHygieneAsOf(conn, { asOf: at, scope: everything });
        const paths = await sql<{ projected: string; versions: string }>`
          select count(*) filter (where last_change_at <= ${at}) as projected,
                 count(*) filter (where last_change_at > ${at}) as versions
          from hygiene_deal_facts`.execute(conn.db);
        // On 5 April: h2–h5, b0, b2, b4 last changed before (h5 is replayed: changed later with an
        // earlier date); h1, h6, b1, b3, b5 after.
        if (asOf === moments[1]) expect(paths.rows[0]).toEqual({ projected: '7', versions: '5' });
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
          const expected =
            reference && deal.pushes.length === 0 && reference.pushes.length < 3
              ? { ...reference, pushes: [] }
              : reference;
          expect({ asOf, ...deal }).toEqual({ asOf, ...expected });
        }
        expect(deals.map((d) => d.id)).toContain('b0');
      });
    }
  });

  it('summarises the stays ended by each moment as the window over the versions does', async () => {
    for (const asOf of moments) {
      const at = new Date(asOf);
      await withConnection(database, async (conn) => {
        const late = ['b2'];
        const fromProjection = await summarizeStageStays(conn, {
          asOf: at,
          percentile: 0.9,
          excludeIds: late,
        });
        const fromVersions = await sql<{ stage: string; samples: string; p: number; median: number }>`
          with stays as (
            select stage,
                   extract(epoch from (lead(valid_from) over (partition by id order by valid_from) - valid_from))
                     / 86400.0 as days
            from opportunity_versions
            where valid_from <= ${at} and valid_from = stage_entered_at and id <> all(${late}::text[])
          )
          select stage, count(*) as samples,
                 percentile_cont(0.9) within group (order by days) as p,
                 percentile_cont(0.5) within group (order by days) as median
          from stays where days is not null group by stage`.execute(conn.db);
        const byStage = (a: { stage: string }, b: { stage: string }) => a.stage.localeCompare(b.stage);
        expect(fromProjection.sort(byStage)).toEqual(
          fromVersions.rows
            .map((r) => ({
              stage: r.stage,
              samples: Number(r.samples),
              percentileDays: Number(r.p),
              medianDays: Number(r.median),
            }))
            .sort(byStage),
        );
        if (asOf === moments[3]) expect(fromProjection.length).toBeGreaterThan(2);
      });
    }
  });
});
