import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeEachEngine,
  openTestDatabase,
  type TestDatabase,
} from '../../../test/helpers/test-database.js';
import { loadHygieneHistory } from '../../../test/integration/hygiene/hygiene-history.js';
import { computeForecastWithout } from './compute-hygiene-forecast.js';
import { getHygieneReport } from './get-hygiene-report.js';

const asOf = new Date('2026-05-12T00:00:00Z');
const everything = { kind: 'everything' } as const;
const cents = (amount: string) => Math.round(Number(amount) * 100);

describeEachEngine('the hygiene-adjusted forecast', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadHygieneHistory(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives the P10–P90 band without the stale deals by running the forecast again without them', async () => {
    const report = await getHygieneReport(database, {
      asOf,
      scope: everything,
      trendWeeks: 0,
      withForecast: true,
      clock: () => asOf,
    });
    const forecast = report.forecast;
    if (!forecast?.available) throw new Error(`no forecast: ${JSON.stringify(forecast)}`);
    expect(forecast.period).toBe('2026-Q2');
    // Initech (close date past, no amount) and Acme (pushed three times, 1,000) are stale.
    expect(forecast.byRule.map((r) => [r.rule, r.deals])).toEqual([
      ['close-date-past', 1],
      ['pushed-repeatedly', 1],
    ]);
    const removed = forecast.byRule.reduce((sum, r) => sum + cents(r.expected), 0);
    expect(removed).toBeGreaterThan(0);

    const { adjusted } = forecast;
    expect(forecast.adjustedExpected).toBe(adjusted.expected);
    // The expected value is a sum: running without the deal takes off exactly its contribution.
    expect(Math.abs(cents(adjusted.expected) - (cents(forecast.expected) - removed))).toBeLessThanOrEqual(1);
    for (const f of [forecast, adjusted]) {
      expect(cents(f.p10)).toBeLessThanOrEqual(cents(f.p50));
      expect(cents(f.p50)).toBeLessThanOrEqual(cents(f.p90));
    }
    // The band is simulated again, not shifted: it moves down, and not by the same amount at each end.
    expect(cents(adjusted.p90)).toBeLessThan(cents(forecast.p90));
    expect(cents(adjusted.p10)).toBeLessThanOrEqual(cents(forecast.p10));
    expect(adjusted).toEqual(
      await computeForecastWithout(
        database,
        { period: '2026-Q2', asOf, scope: everything },
        new Set(report.flags.filter((f) => f.severity === 'high').map((f) => f.deal)),
      ),
    );
  });

  it('reproduces the reported forecast exactly when nothing is left out', async () => {
    const report = await getHygieneReport(database, {
      asOf,
      scope: everything,
      trendWeeks: 0,
      withForecast: true,
      clock: () => asOf,
    });
    const forecast = report.forecast;
    if (!forecast?.available) throw new Error('no forecast');
    expect(
      await computeForecastWithout(database, { period: '2026-Q2', asOf, scope: everything }, new Set()),
    ).toEqual({
      expected: forecast.expected,
      p10: forecast.p10,
      p50: forecast.p50,
      p90: forecast.p90,
    });
  });
});
