import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { verifyWebhookSignature } from '../../../src/core/digest/sign-webhook.js';
import { startSmtpCatcher } from '../digest/smtp-catcher.js';
import { submitCall } from '../../../src/services/calls/submit-call.js';
import { everything } from '../../../src/services/access.js';
import { createCliDatabase, type CliDatabase } from '../../helpers/cli-database.js';
import { runCli } from '../../helpers/run-cli.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { loadServerHistory } from '../server-history.js';

describeEachEngine('candor calls', (engine) => {
  let database: CliDatabase;
  const clock = () => new Date('2026-03-05T12:00:00Z');

  beforeAll(async () => {
    database = await createCliDatabase(engine);
    const handle = await database.open();
    await loadServerHistory(handle);
    // Ana's 2026-Q1 roll-up: Closed 250.50 (d3) + Commit 1,500.00 (d1); her call matches it.
    await submitCall(handle, {
      actor: 'u1',
      source: 'cli',
      now: new Date('2026-03-05T10:00:00Z'),
      period: '2026-Q1',
      commit: '1750.50',
      bestCase: '1750.50',
      forecastScope: everything,
    });
    await handle.close();
  });
  afterAll(async () => database.dispose());

  it('prints the top team’s calls beside the roll-up and who has not called', async () => {
    const run = await runCli(['calls', '--period', '2026-Q1', ...database.args], {
      databaseUrl: database.databaseUrl,
      clock,
    });
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Calls for 2026-Q1, Sales: week 10 due 2026-03-05T17:00:00.000Z; amounts in USD');
    expect(lines.find((l) => l.startsWith('Sales (Cleo Chen)'))?.split(/\s{2,}/)).toEqual([
      'Sales (Cleo Chen)',
      '—',
      '—',
      '250.50',
      '1500.00',
      '550.00',
      '0.00',
      // Closed + Commit now (250.50 + 1,500.00) less as of week 9's due time 02-26 17:00 (d1 at 1,200.00).
      '550.50',
    ]);
    expect(
      lines
        .find((l) => l.startsWith('  Ana Alvarez'))
        ?.trim()
        .split(/\s{2,}/)
        .slice(0, 5),
    ).toEqual(['Ana Alvarez', '1750.50', '1750.50', '250.50', '1500.00']);
    expect(run.stdout).toContain(
      'Not yet called for week 10 (2 of 3):\n  Ben Brooks (West)\n  Cleo Chen (Sales)\n',
    );
  });

  it('answers JSON with --json', async () => {
    const run = await runCli(['calls', '--period', '2026-Q1', '--json', ...database.args], {
      databaseUrl: database.databaseUrl,
      clock,
    });
    const body = run.json() as {
      grid: { rows: { name: string; call: { commit: string } | null }[] };
      missing: { missing: { userId: string }[] };
    };
    expect(body.grid.rows.map((r) => [r.name, r.call?.commit ?? null])).toEqual([
      ['Cleo Chen', null],
      ['Ana Alvarez', '1750.50'],
      ['Ben Brooks', null],
    ]);
    expect(body.missing.missing.map((m) => m.userId)).toEqual(['u2', 'u3']);
  });

  it('reminds who has not called the open week by e-mail and a signed webhook, after a dry run', async () => {
    const dry = await runCli(
      ['calls', 'remind', '--period', '2026-Q1', '--dry-run', '--json', ...database.args],
      {
        databaseUrl: database.databaseUrl,
        clock,
      },
    );
    expect(dry.exitCode).toBe(0);
    const plan = dry.json() as {
      window: { week: number };
      reminders: { name: string; channels: string[] }[];
    };
    expect(plan.window.week).toBe(10);
    expect(plan.reminders.map((r) => [r.name, r.channels])).toEqual([
      ['Ben Brooks', []],
      ['Cleo Chen', []],
    ]);
    const refused = await runCli(['calls', 'remind', '--period', '2026-Q1', ...database.args], {
      databaseUrl: database.databaseUrl,
      clock,
    });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('no reminder channel is configured, so nothing can be sent');

    const smtp = await startSmtpCatcher();
    const bodies: { body: string; signature: string }[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        bodies.push({ body, signature: String(request.headers['x-candor-signature'] ?? '') });
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const secret = 'a-reminder-secret-for-tests';
    try {
      const config = loadConfig({
        ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
        SMTP_URL: smtp.url,
        DIGEST_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
        DIGEST_WEBHOOK_SECRET: secret,
      });
      const sent = await runCli(['calls', 'remind', '--period', '2026-Q1', ...database.args], {
        config,
        clock,
      });
      expect(sent.stderr).toBe('');
      expect(sent.exitCode).toBe(0);
      expect(sent.stdout.split('\n')[0]).toBe(
        'Reminded 2 person(s) of the 2026-Q1 week 10 call due 2026-03-05T17:00:00.000Z; the webhook gets the list',
      );
      expect(smtp.mails.map((m) => m.to)).toEqual([['ben@server.test'], ['cleo@server.test']]);
      expect(smtp.mails[0]?.data).toContain('Subject: Your forecast call for 2026-Q1, week 10, is due');
      expect(bodies).toHaveLength(1);
      const hook = bodies[0] as { body: string; signature: string };
      expect(verifyWebhookSignature(hook.body, hook.signature, secret)).toBe(true);
      const payload = JSON.parse(hook.body) as { type: string; week: number; missing: { userId: string }[] };
      expect(payload.type).toBe('candor.call-reminders');
      expect(payload.missing.map((m) => m.userId)).toEqual(['u2', 'u3']);
    } finally {
      await smtp.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('stores the scores of a finished quarter once, and says so when run again', async () => {
    const after = () => new Date('2026-04-02T09:00:00Z');
    const score = (args: string[]) =>
      runCli(['calls', 'score', '--period', '2026-Q1', ...args, ...database.args], {
        databaseUrl: database.databaseUrl,
        clock: after,
      });
    const first = await score(['--json']);
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    // Ana called 1,750.50 in week 10; 250.50 closed in her deals (d3).
    expect(first.json()).toEqual({
      periods: ['2026-Q1'],
      scored: [{ userId: 'u1', period: '2026-Q1', actual: '250.50', calls: 1, bias01: '5.988024' }],
      alreadyScored: 0,
    });
    const again = await score([]);
    expect(again.stdout).toBe('Stored 0 call scores over 2026-Q1; 1 already stored\n');
  });
});
