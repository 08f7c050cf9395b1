import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../helpers/test-database.js';
import {
  describeWithSharedData,
  importMavenExport,
  mavenData,
  openCliSession,
  type CliSession,
} from '../import-cli-helper.js';
import { openOf, toMinor, type BridgeJson, type PipelineJson } from './bridge-sums.js';

type Row = {
  opportunity_id: string;
  deal_stage: string;
  engage_date: string;
  close_date: string;
  close_value: string;
};

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What the raw CSV says about a quarter ending before the day `to`, for a bridge whose window
 * takes in the closes dated `closedFrom` or later. A deal is engaged (created, open) on its engage date and
 * closed on its close date, each at midnight UTC; only won deals carry a value (lost ones carry 0,
 * imported as no amount), and open deals have no close date, so they are in no quarter.
 */
function expectedFromCsv(rows: readonly Row[], to: string, closedFrom: string) {
  const won = rows.filter((r) => r.deal_stage === 'Won' && r.close_date >= closedFrom && r.close_date < to);
  const value = (list: readonly Row[]) => list.reduce((sum, r) => sum + BigInt(r.close_value) * 100n, 0n);
  return {
    wonIds: won.map((r) => `maven:${r.opportunity_id}`).sort(),
    won: value(won),
    // Open when the window opens: engaged before the window's first day.
    start: value(won.filter((r) => r.engage_date < closedFrom)),
    created: value(won.filter((r) => r.engage_date >= closedFrom)),
  };
}

describeWithSharedData('maven-crm', 'candor bridge on the Maven CRM export', () => {
  const rows = Papa.parse<Row>(readFileSync(join(mavenData, 'sales_pipeline.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

  describeEachEngine('the Maven export', (engine) => {
    let cli: CliSession;
    beforeAll(async () => {
      cli = await openCliSession(engine);
      for (const result of await importMavenExport(cli)) expect(result.stderr).toBe('');
    }, 300_000);
    afterAll(async () => {
      await cli.close();
    });

    for (const [period, from, to] of [
      ['2017-Q2', '2017-04-01', '2017-07-01'],
      ['2017-Q3', '2017-07-01', '2017-10-01'],
    ] as const) {
      const bridgeOf = async (fromAt: string) =>
        (
          await cli.run(['bridge', '--period', period, '--from', fromAt, '--to', `${to}T00:00:00Z`, '--json'])
        ).json<BridgeJson>();

      it(`walks ${period} from start to end to the cent, its won step being what the CSV says closed won`, async () => {
        // From the last second before the quarter: every close dated in it falls inside the window.
        const bridge = await bridgeOf(`${addDays(from, -1)}T23:59:59Z`);
        const walked = bridge.steps.reduce((sum, s) => sum + toMinor(s.amount), toMinor(bridge.start));
        expect(walked).toBe(toMinor(bridge.end));
        expect(toMinor(bridge.won) + toMinor(bridge.open)).toBe(toMinor(bridge.end));

        const csv = expectedFromCsv(rows, to, from);
        expect(csv.wonIds.length).toBeGreaterThan(400);
        const wonStep = bridge.steps.find((s) => s.kind === 'won');
        expect(wonStep?.deals.map((d) => d.id).sort()).toEqual(csv.wonIds);
        expect(wonStep?.deals.reduce((sum, d) => sum + toMinor(d.amount), 0n)).toBe(csv.won);
        expect(toMinor(bridge.won)).toBe(csv.won);
        // Every deal of the quarter has closed by its end, so nothing is left open.
        expect(toMinor(bridge.open)).toBe(0n);
        expect(toMinor(bridge.start)).toBe(csv.start);
        expect(toMinor(bridge.steps.find((s) => s.kind === 'created')?.amount ?? '0')).toBe(csv.created);
        // Lost deals carry no amount: they are named in the lost step, for nothing.
        expect(toMinor(bridge.steps.find((s) => s.kind === 'lost')?.amount ?? '0')).toBe(0n);
      });

      it(`from the quarter's first instant, leaves out the deals closed at that very instant (${period})`, async () => {
        // The export dates closes by day, imported at midnight UTC: a deal closed on the quarter's
        // first day was already won at `from`, and deals won by `from` are outside the bridge.
        const fromAt = `${from}T00:00:00Z`;
        const bridge = await bridgeOf(fromAt);
        const walked = bridge.steps.reduce((sum, s) => sum + toMinor(s.amount), toMinor(bridge.start));
        expect(walked).toBe(toMinor(bridge.end));
        const csv = expectedFromCsv(rows, to, addDays(from, 1));
        const firstDay = rows.filter((r) => r.deal_stage === 'Won' && r.close_date === from);
        expect(firstDay.length).toBeGreaterThan(0);
        expect(csv.wonIds.length + firstDay.length).toBe(expectedFromCsv(rows, to, from).wonIds.length);
        const wonStep = bridge.steps.find((s) => s.kind === 'won');
        expect(wonStep?.deals.map((d) => d.id).sort()).toEqual(csv.wonIds);
        expect(toMinor(bridge.won)).toBe(csv.won);
        expect(toMinor(bridge.start)).toBe(csv.start);
        // The start is the open pipeline as `candor pipeline --as-of` gives it.
        const atFrom = (
          await cli.run(['pipeline', '--period', period, '--as-of', fromAt, '--json'])
        ).json<PipelineJson>();
        expect(toMinor(bridge.start)).toBe(openOf(atFrom));
      });
    }
  });
});
