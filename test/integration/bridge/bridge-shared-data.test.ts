import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../helpers/test-database.js';
import { describeWithSharedData, openCliSession, sharedData, type CliSession } from '../import-cli-helper.js';
import { openOf, toMinor, type BridgeJson, type PipelineJson } from './bridge-sums.js';

const sample = join(sharedData, 'salesforce-sample');

describeWithSharedData('salesforce-sample', 'candor bridge on the Salesforce sample export', () => {
  describeEachEngine('the sample', (engine) => {
    let cli: CliSession;
    beforeAll(async () => {
      cli = await openCliSession(engine);
      expect((await cli.run(['import', 'salesforce', sample, '--json'])).exitCode).toBe(0);
    }, 300_000);
    afterAll(async () => {
      await cli.close();
    });

    for (const [period, from, to] of [
      ['2018-Q3', '2018-07-01T00:00:00Z', '2018-10-01T00:00:00Z'],
      ['2018', '2013-01-01T00:00:00Z', '2019-01-01T00:00:00Z'],
    ] as const) {
      it(`walks ${period} from ${from} to ${to} to the as-of pipelines, to the cent`, async () => {
        const bridge = (
          await cli.run(['bridge', '--period', period, '--from', from, '--to', to, '--json'])
        ).json<BridgeJson>();
        const atFrom = (
          await cli.run(['pipeline', '--period', period, '--as-of', from, '--json'])
        ).json<PipelineJson>();
        const atTo = (
          await cli.run(['pipeline', '--period', period, '--as-of', to, '--json'])
        ).json<PipelineJson>();
        expect(toMinor(bridge.start)).toBe(openOf(atFrom));
        expect(toMinor(bridge.open)).toBe(openOf(atTo));
        const walked = bridge.steps.reduce((sum, s) => sum + toMinor(s.amount), toMinor(bridge.start));
        expect(walked).toBe(toMinor(bridge.end));
        expect(toMinor(bridge.won) + toMinor(bridge.open)).toBe(toMinor(bridge.end));
        for (const step of bridge.steps) {
          if (step.kind === 'category' || step.kind === 'won') continue;
          expect(step.deals.reduce((sum, d) => sum + toMinor(d.amount), 0n)).toBe(toMinor(step.amount));
        }
      });
    }
  });
});
