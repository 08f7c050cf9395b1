import { afterEach, beforeEach, expect, it } from 'vitest';
import { everything } from '../core/access-scope.js';
import { convertMinor } from '../core/money.js';
import { withConnection, withTransaction } from '../db/connection.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../test/helpers/test-database.js';
import { dealCreated, event, orgEvent } from '../../test/helpers/sample-events.js';
import { appendEvents } from './append-events.js';
import { listDeals, summarizePipeline } from './pipeline-queries.js';

describeEachEngine('corporate-currency conversion in SQL', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  const at = '2026-01-01T00:00:00Z';
  const rates = [
    { code: 'EUR', validFrom: '2026-01-01', rate: '1.0823' },
    { code: 'EUR', validFrom: '2026-03-01', rate: '1.1000' },
    { code: 'JPY', validFrom: '2026-01-01', rate: '0.0067' },
  ];
  const deals = [
    { id: 'e1', currency: 'EUR', amountMinor: 12_345n, closeDate: '2026-02-15' }, // Jan rate
    { id: 'e2', currency: 'EUR', amountMinor: 5n, closeDate: '2026-03-15' }, // March rate, rounds
    { id: 'e3', currency: 'EUR', amountMinor: 99_999n, closeDate: '2026-03-01' }, // first day of the March rate
    { id: 'j1', currency: 'JPY', amountMinor: 1_234_567n, closeDate: '2026-02-01' },
    { id: 'u1', currency: 'USD', amountMinor: 100n, closeDate: '2026-02-01' },
    { id: 'x1', currency: 'CHF', amountMinor: 700n, closeDate: '2026-02-01' }, // no rate
  ];

  beforeEach(async () => {
    await withTransaction(database, (conn) =>
      appendEvents(
        conn,
        [
          orgEvent(at, { name: 'FX' }),
          event('currency', 'USD', 'currency.defined', at, { code: 'USD', decimals: 2 }),
          event('currency', 'EUR', 'currency.defined', at, { code: 'EUR', decimals: 2 }),
          event('currency', 'JPY', 'currency.defined', at, { code: 'JPY', decimals: 0 }),
          event('currency', 'CHF', 'currency.defined', at, { code: 'CHF', decimals: 2 }),
          ...rates.map((r) =>
            event('currency', r.code, 'currency.rate_set', at, { validFrom: r.validFrom, rate: r.rate }),
          ),
          ...deals.map((d) =>
            dealCreated(d.id, at, {
              currency: d.currency,
              amountMinor: d.amountMinor,
              closeDate: d.closeDate,
            }),
          ),
        ],
        { recordedTime: new Date(at) },
      ),
    );
  });

  function expectedInUsd(deal: (typeof deals)[number]): bigint | null {
    if (deal.currency === 'USD') return deal.amountMinor;
    const rate = rates.filter((r) => r.code === deal.currency && r.validFrom <= deal.closeDate).at(-1);
    if (!rate) return null;
    return convertMinor({
      minor: deal.amountMinor,
      fromDecimals: deal.currency === 'JPY' ? 0 : 2,
      toDecimals: 2,
      rate: rate.rate,
    });
  }

  it('converts each deal exactly as core convertMinor does', async () => {
    const { deals: rows } = await withConnection(database, (conn) =>
      listDeals(conn, {
        closeFrom: '2026-01-01',
        closeTo: '2026-04-01',
        asOf: null,
        scope: everything,
        corporateCurrency: 'USD',
        limit: 100,
        offset: 0,
      }),
    );
    const byId = new Map(rows.map((r) => [r.id, r.corporateAmountMinor]));
    for (const deal of deals) expect(byId.get(deal.id), deal.id).toBe(expectedInUsd(deal));
    expect(byId.get('e2')).toBe(6n); // 0.05 EUR × 1.1 = 0.055 → 0.06
  });

  it('sums converted deals and counts the ones without a rate', async () => {
    const [total] = await withConnection(database, (conn) =>
      summarizePipeline(conn, {
        closeFrom: '2026-01-01',
        closeTo: '2026-04-01',
        asOf: null,
        scope: everything,
        corporateCurrency: 'USD',
      }),
    );
    const expected = deals.map(expectedInUsd).reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n);
    expect(total).toEqual({ category: 'Pipeline', deals: 6, amountMinor: expected, unconverted: 1 });
  });
});
