import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import { describeEachEngine } from '../helpers/test-database.js';
import {
  describeWithSharedData,
  fixtures,
  openCliSession,
  sharedData,
  type CliSession,
} from './import-cli-helper.js';

describeWithSharedData('salesforce-sample', 'Salesforce Events on the real sample export', () => {
  describeEachEngine('the sample with an Event file', (engine) => {
    let cli: CliSession;
    let export_: string;
    beforeAll(async () => {
      cli = await openCliSession(engine);
      // The sample has no Event file: ours relates Events to its real deals and accounts.
      export_ = join(cli.folder, 'sample-with-events');
      cpSync(join(sharedData, 'salesforce-sample'), export_, { recursive: true });
      cpSync(join(fixtures, 'salesforce-sample-events', 'Event.csv'), join(export_, 'Event.csv'));
    });
    afterAll(async () => {
      await cli.close();
    });

    it("links each Event to its deal's account and logs it as a programme meeting, once", async () => {
      const summary = (await cli.run(['import', 'salesforce', export_, '--json'])).json<ImportSummary>();
      expect(summary.rejected).toEqual([]);
      // The deleted Event is neither an activity nor a meeting.
      expect(summary.imported).toMatchObject({ 'activity.logged': 2, 'meeting.logged': 2 });
      const meetings = await cli.withDb(
        async (db) =>
          (
            await sql<
              Record<string, unknown>
            >`select m.id, a.name as account, o.name as deal, m.duration_minutes,
              m.planned, m.status from meetings m join accounts a on a.id = m.account_id
              left join opportunities o on o.id = m.opportunity_id order by m.id`.execute(db.db)
          ).rows,
      );
      expect(meetings).toEqual([
        {
          id: '00U4600000ABCdeAAA',
          account: 'Dickenson plc',
          deal: 'Dickenson Mobile Generators',
          duration_minutes: 90,
          planned: false,
          status: 'held',
        },
        {
          id: '00U4600000ABCdfAAA',
          account: 'United Oil & Gas Corp.',
          deal: null,
          duration_minutes: 60,
          planned: true,
          status: 'held',
        },
      ]);
      const again = (await cli.run(['import', 'salesforce', export_, '--json'])).json<ImportSummary>();
      expect(again.events).toBe(0);
    });
  });
});
