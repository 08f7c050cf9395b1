import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScorecardsReport } from '../../../src/services/scorecards/scorecard-report.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { toMinor } from '../bridge/bridge-sums.js';
import { describeWithSharedData, openCliSession, sharedData, type CliSession } from '../import-cli-helper.js';

const sample = join(sharedData, 'salesforce-sample');

type OpportunityRow = {
  Id: string;
  Amount: string;
  CloseDate: string;
  IsClosed: string;
  IsWon: string;
  OwnerId: string;
};

describeWithSharedData('salesforce-sample', 'candor scorecard on the Salesforce sample export', () => {
  const rows = Papa.parse<OpportunityRow>(readFileSync(join(sample, 'Opportunity.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

  describeEachEngine('the sample', (engine) => {
    let cli: CliSession;
    const owner = rows[0]?.OwnerId ?? '';
    beforeAll(async () => {
      cli = await openCliSession(engine);
      expect((await cli.run(['import', 'salesforce', sample, '--json'])).exitCode).toBe(0);
      // The export has no User file: its one owner is a placeholder in no team, holding no role. A
      // quota makes them someone with a card (docs/scorecards.md: every rep, and anyone with a quota).
      for (const period of ['2018-Q3', '2018-Q4']) {
        const set = await cli.run([
          'quotas',
          'set',
          '--period',
          period,
          '--user',
          owner,
          '--amount',
          '2000000',
        ]);
        expect(set.stderr).toBe('');
      }
    }, 300_000);
    afterAll(async () => {
      await cli.close();
    });

    it('has one currency, so the bookings need no conversion', () => {
      // No CurrencyIsoCode column: every amount is in the organisation's one currency.
      expect(Object.keys(rows[0] ?? {})).not.toContain('CurrencyIsoCode');
      expect(new Set(rows.map((r) => r.OwnerId)).size).toBe(1);
    });

    // By hand from the CSV: 13 closed-won deals dated July–September 2018 for 3,240,000 (as the
    // pipeline's Closed says), 4 dated October 2018 for 120,000 + 75,000 + 30,000 + 120,000; none lost.
    for (const [period, from, to, booked, attainment] of [
      ['2018-Q3', '2018-07-01', '2018-10-01', '3240000.00', 1.62],
      ['2018-Q4', '2018-10-01', '2019-01-01', '345000.00', 0.1725],
    ] as const) {
      it(`books for ${period} the closed-won deals the CSV dates in it`, async () => {
        const result = await cli.run(['scorecard', '--period', period, '--json']);
        expect(result.stderr).toBe('');
        const report = result.json<ScorecardsReport>();
        expect(report).toMatchObject({ periodStart: from, periodEnd: to });
        const day = (r: OpportunityRow) => r.CloseDate.slice(0, 10);
        const closed = rows.filter((r) => r.IsClosed === '1' && day(r) >= from && day(r) < to);
        const won = closed.filter((r) => r.IsWon === '1');
        expect(won.length).toBeGreaterThan(0);
        const card = report.people.find((p) => p.subjectId === owner);
        expect(card, `a card for the owner ${owner}`).toBeDefined();
        expect(toMinor(card?.bookings ?? '')).toBe(won.reduce((s, r) => s + BigInt(r.Amount) * 100n, 0n));
        expect(card).toMatchObject({ bookings: booked, quota: '2000000.00', attainment, path: [] });
        const bookings = card?.indicators.find((i) => i.key === 'bookings');
        expect([...(bookings?.dealIds ?? [])].sort()).toEqual(won.map((r) => r.Id).sort());
        const winRate = card?.indicators.find((i) => i.key === 'win_rate');
        expect(winRate?.value).toBe(won.length / closed.length);
      });
    }
  });
});
