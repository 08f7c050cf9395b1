import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReportCard, ScorecardsReport } from '../../../src/services/scorecards/scorecard-report.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { toMinor } from '../bridge/bridge-sums.js';
import {
  describeWithSharedData,
  importMavenExport,
  mavenData,
  openCliSession,
  type CliSession,
} from '../import-cli-helper.js';

type DealRow = {
  opportunity_id: string;
  sales_agent: string;
  deal_stage: string;
  close_date: string;
  close_value: string;
};
type AgentRow = { sales_agent: string; manager: string; regional_office: string };

/** What the CSV says, by hand, about the deals of some agents closing in `[from, to)`. */
type Expected = { bookings: bigint; wonIds: string[]; closedIds: string[]; won: number; lost: number };

function parse<T>(file: string): T[] {
  return Papa.parse<T>(readFileSync(join(mavenData, file), 'utf8'), { header: true, skipEmptyLines: true })
    .data;
}

/**
 * Bookings are the won deals dated in the quarter at their close value (whole dollars, so cents are
 * ×100); win rate counts the won and the lost deals dated in it. Open deals have no close date.
 */
function expectedFromCsv(deals: readonly DealRow[], agents: ReadonlySet<string>, from: string, to: string) {
  const closed = deals.filter(
    (d) =>
      agents.has(d.sales_agent) &&
      (d.deal_stage === 'Won' || d.deal_stage === 'Lost') &&
      d.close_date >= from &&
      d.close_date < to,
  );
  const won = closed.filter((d) => d.deal_stage === 'Won');
  const ids = (list: readonly DealRow[]) => list.map((d) => `maven:${d.opportunity_id}`).sort();
  return {
    bookings: won.reduce((sum, d) => sum + BigInt(d.close_value) * 100n, 0n),
    wonIds: ids(won),
    closedIds: ids(closed),
    won: won.length,
    lost: closed.length - won.length,
  } satisfies Expected;
}

function indicatorOf(card: ReportCard, key: string) {
  const indicator = card.indicators.find((i) => i.key === key);
  if (!indicator) throw new Error(`card ${card.subjectId} has no indicator '${key}'`);
  return indicator;
}

/** The card's bookings and win rate, with the deals behind them, against the CSV's. */
function expectCardToMatch(card: ReportCard, expected: Expected): void {
  const context = `${card.subjectType} ${card.name}`;
  expect(toMinor(card.bookings), context).toBe(expected.bookings);
  const bookings = indicatorOf(card, 'bookings');
  expect(toMinor(String(bookings.value)), context).toBe(expected.bookings);
  expect([...bookings.dealIds].sort(), context).toEqual(expected.wonIds);
  const winRate = indicatorOf(card, 'win_rate');
  const closed = expected.won + expected.lost;
  // The report rounds shares to six decimals.
  if (closed === 0) expect(winRate.value, context).toBeNull();
  else expect(winRate.value, context).toBeCloseTo(expected.won / closed, 6);
  expect([...winRate.dealIds].sort(), context).toEqual(expected.closedIds);
}

describeWithSharedData('maven-crm', 'candor scorecard on the Maven CRM export', () => {
  const deals = parse<DealRow>('sales_pipeline.csv');
  const agents = parse<AgentRow>('sales_teams.csv');
  const userId = (name: string) => `maven:user:${name}`;

  describeEachEngine('the Maven export', (engine) => {
    let cli: CliSession;
    const reports = new Map<string, ScorecardsReport>();
    const scorecard = async (period: string) => {
      const known = reports.get(period);
      if (known) return known;
      const result = await cli.run(['scorecard', '--period', period, '--json']);
      expect(result.stderr).toBe('');
      const report = result.json<ScorecardsReport>();
      reports.set(period, report);
      return report;
    };
    beforeAll(async () => {
      cli = await openCliSession(engine);
      for (const result of await importMavenExport(cli)) expect(result.stderr).toBe('');
    }, 300_000);
    afterAll(async () => {
      await cli.close();
    });

    for (const [period, from, to] of [
      ['2017-Q2', '2017-04-01', '2017-07-01'],
      ['2017-06', '2017-06-01', '2017-07-01'],
    ] as const) {
      it(`gives each rep of ${period} the bookings and win rate the CSV gives, deal by deal`, async () => {
        const report = await scorecard(period);
        expect(report).toMatchObject({ periodStart: from, periodEnd: to, currency: 'USD', elapsedShare: 1 });
        // Every agent is a rep and gets a card, with or without deals; managers sell nothing.
        expect(report.people.map((p) => p.subjectId).sort()).toEqual(
          agents.map((a) => userId(a.sales_agent)).sort(),
        );
        let total = 0n;
        for (const agent of agents) {
          const card = report.people.find((p) => p.subjectId === userId(agent.sales_agent));
          if (!card) throw new Error(`no card for ${agent.sales_agent}`);
          const expected = expectedFromCsv(deals, new Set([agent.sales_agent]), from, to);
          expectCardToMatch(card, expected);
          total += expected.bookings;
        }
        // The quarter has real data: hundreds of won deals, some lost.
        const all = expectedFromCsv(deals, new Set(agents.map((a) => a.sales_agent)), from, to);
        expect(all.bookings).toBe(total);
        expect(all.won).toBeGreaterThan(period === '2017-Q2' ? 1000 : 300);
        expect(all.lost).toBeGreaterThan(0);
      });

      it(`gives each team of ${period} the sum of its reps, and the CSV's office and manager totals`, async () => {
        const report = await scorecard(period);
        // Three offices, each above its managers' teams: 3 + 6 teams.
        expect(report.teams).toHaveLength(9);
        const people = new Map(report.people.map((p) => [p.subjectId, p]));
        for (const team of report.teams) {
          const reps = team.ownerIds.filter((id) => people.has(id));
          const sum = reps.reduce((s, id) => s + toMinor(people.get(id)?.bookings ?? '0'), 0n);
          expect(toMinor(team.bookings), team.name).toBe(sum);
          // The team's agents by the CSV: an office's, or a manager's.
          const members = agents.filter((a) =>
            team.path.length === 1 ? a.regional_office === team.name : `${a.manager} team` === team.name,
          );
          expect(members.length, team.name).toBeGreaterThan(0);
          expect(reps.sort(), team.name).toEqual(members.map((a) => userId(a.sales_agent)).sort());
          expectCardToMatch(
            team,
            expectedFromCsv(deals, new Set(members.map((a) => a.sales_agent)), from, to),
          );
        }
        // The offices together are the whole company.
        const offices = report.teams.filter((t) => t.path.length === 1);
        expect(offices).toHaveLength(3);
        const everyone = expectedFromCsv(deals, new Set(agents.map((a) => a.sales_agent)), from, to);
        expect(offices.reduce((s, t) => s + toMinor(t.bookings), 0n)).toBe(everyone.bookings);
      });
    }

    it('agrees with the 2017-Q2 figures worked out by hand from the CSV', async () => {
      const report = await scorecard('2017-Q2');
      // Deals dated April–June 2017: 1,254 won for 3,086,111 and 778 lost. The biggest seller won 96
      // deals for 310,075 and lost 60: a win rate of 96 / 156.
      const darcel = report.people.find((p) => p.subjectId === userId('Darcel Schlecht'));
      expect(darcel?.bookings).toBe('310075.00');
      expect(darcel && indicatorOf(darcel, 'win_rate').value).toBe(0.615385);
      const offices = report.teams.filter((t) => t.path.length === 1);
      expect(offices.reduce((s, t) => s + toMinor(t.bookings), 0n)).toBe(308611100n);
      const closed = offices.flatMap((t) => indicatorOf(t, 'win_rate').dealIds);
      expect(closed).toHaveLength(1254 + 778);
    });

    it('counts the same 2017-Q2 bookings in the trend of the quarter after', async () => {
      const q2 = await scorecard('2017-Q2');
      const q3 = await scorecard('2017-Q3');
      expect(q3.periods.slice(-2)).toEqual(['2017-Q2', '2017-Q3']);
      for (const card of q3.people) {
        const before = q2.people.find((p) => p.subjectId === card.subjectId);
        const trend = indicatorOf(card, 'bookings').trend;
        expect(trend.at(-2), card.name).toBe(before?.bookings);
        expect(trend.at(-1), card.name).toBe(card.bookings);
      }
    });
  });
});
