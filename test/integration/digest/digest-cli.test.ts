import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCliDatabase, type CliDatabase } from '../../helpers/cli-database.js';
import { runCli } from '../../helpers/run-cli.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { loadHygieneHistory } from '../hygiene/hygiene-history.js';

describeEachEngine('candor digest', (engine) => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await createCliDatabase(engine);
    const db = await database.open();
    await loadHygieneHistory(db);
    await db.close();
  });
  afterAll(async () => database.dispose());
  const run = (args: string[]) =>
    runCli([...args, ...database.args], {
      databaseUrl: database.databaseUrl,
      clock: () => new Date('2026-05-12T00:00:00Z'),
    });

  it('shows what would be sent with --dry-run, and refuses to send with no channel configured', async () => {
    const dry = await run(['digest', '--dry-run', '--json']);
    expect(dry.exitCode).toBe(0);
    const plan = dry.json() as {
      dryRun: boolean;
      digests: { recipientName: string; email: string; subject: string; channels: string[] }[];
      deliveries: unknown[];
    };
    expect(plan.dryRun).toBe(true);
    expect(plan.deliveries).toEqual([]);
    expect(plan.digests.map((d) => [d.recipientName, d.email, d.channels, d.subject])).toEqual([
      ['Ana Alvarez', 'ana@hygiene.test', [], 'Your pipeline on 2026-05-12: 8 hygiene flags'],
      ['Ben Brooks', 'ben@hygiene.test', [], 'Your pipeline on 2026-05-12: 7 hygiene flags'],
      ['Cleo Chen', 'cleo@hygiene.test', [], 'Sales on 2026-05-12: 15 hygiene flags, hygiene score 32.5'],
    ]);
    const text = await run(['digest', '--dry-run']);
    expect(text.stdout).toContain(
      'Would send 3 digest(s) as of 2026-05-12T00:00:00.000Z (dry run: nothing sent)',
    );
    const refused = await run(['digest']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('no digest channel is configured, so nothing can be sent');
  });
});
