import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScorecardsReport } from '../../../src/services/scorecards/scorecard-report.js';
import { createCliDatabase, type CliDatabase } from '../../helpers/cli-database.js';
import { runCli } from '../../helpers/run-cli.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { loadScorecardHistory, scorecardNow } from './scorecard-history.js';

describeEachEngine('candor scorecard and candor quotas', (engine) => {
  let database: CliDatabase;
  const cli = (args: string[]) =>
    runCli([...args, ...database.args], { databaseUrl: database.databaseUrl, clock: () => scorecardNow });
  beforeAll(async () => {
    database = await createCliDatabase(engine);
    const handle = await database.open();
    await loadScorecardHistory(handle);
    await handle.close();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('prints a rep’s card with status words, and the same figures as JSON', async () => {
    const text = await cli(['scorecard', '--period', '2026-Q1', '--owner', 'u1']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(
      'Scorecards for 2026-Q1 (2026-01-01 to before 2026-04-01), 50 % of the period gone, in USD',
    );
    expect(text.stdout).toContain('Ana Alvarez (East): bookings 300.00, 30.0 % of 1000.00 — OFF TRACK');
    const json = await cli(['scorecard', '--period', '2026-Q1', '--team', 'west', '--json']);
    const report = json.json() as ScorecardsReport;
    expect(report.teams.map((t) => [t.subjectId, t.bookings, t.quota])).toEqual([
      ['west', '1000.00', '2200.00'],
    ]);
    expect(report.people.map((p) => p.subjectId)).toEqual(['u2']);
  });

  it('sets and lists quotas and targets from the command line', async () => {
    const set = await cli(['quotas', 'set', '--period', '2026-02', '--user', 'u1', '--amount', '400']);
    expect(set.stdout).toBe('Quota user:u1:2026-02 set.\n');
    const list = await cli(['quotas', '--period', '2026-02', '--json']);
    expect(
      (list.json() as { people: { userId: string; quota: string | null }[] }).people.find(
        (p) => p.userId === 'u1',
      )?.quota,
    ).toBe('400.00');
    const refused = await cli(['quotas', 'set', '--period', '2026-Q9', '--user', 'u1', '--amount', '1']);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain("'2026-Q9' is not a quota period");
    const targets = await cli([
      'quotas',
      'targets',
      '--role',
      'manager',
      '--indicator',
      'win_rate',
      '--value',
      '0.3',
      '--json',
    ]);
    const rows = (
      targets.json() as { targets: { role: string; indicator: string; value: string; source: string }[] }
    ).targets;
    expect(rows.find((t) => t.role === 'manager' && t.indicator === 'win_rate')).toMatchObject({
      value: '0.3',
      source: 'set',
    });
  });
});
