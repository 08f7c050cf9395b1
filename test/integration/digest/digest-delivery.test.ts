import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../src/core/digest/sign-webhook.js';
import { withConnection } from '../../../src/db/connection.js';
import { openDigestChannels } from '../../../src/services/digest/open-digest-channels.js';
import { sendDigests } from '../../../src/services/digest/send-digests.js';
import { listDigestDeliveries } from '../../../src/store/digest-deliveries.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { loadHygieneHistory } from '../hygiene/hygiene-history.js';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher.js';

const asOf = new Date('2026-05-12T00:00:00Z');
const clock = () => new Date('2026-05-12T06:00:00Z');
const secret = 'a-webhook-secret-for-tests';

/** The message with its quoted-printable parts decoded (soft line breaks joined, =XX bytes read as UTF-8). */
function decoded(data: string): string {
  const joined = data.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** A webhook receiver on 127.0.0.1 that answers 500 to its first request, then 200. */
async function startReceiver(): Promise<{
  server: Server;
  url: string;
  requests: { body: string; signature: string }[];
}> {
  const requests: { body: string; signature: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ body, signature: String(request.headers['x-candor-signature'] ?? '') });
      response.statusCode = requests.length === 1 ? 500 : 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/candor`;
  return { server, url, requests };
}

describeEachEngine('weekly digests', (engine) => {
  let database: TestDatabase;
  let smtp: SmtpCatcher;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadHygieneHistory(database);
    smtp = await startSmtpCatcher();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await smtp.close();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
    await database.close();
  });

  it('mails each owner and manager their digest and posts it, signed, to the webhook, retrying after a 500', async () => {
    const waits: number[] = [];
    const channels = openDigestChannels({
      smtpUrl: smtp.url,
      from: 'Candor <digest@hygiene.test>',
      webhookUrl: receiver.url,
      webhookSecret: secret,
      clock,
    });
    if (channels.webhook) channels.webhook.sleep = async (ms) => void waits.push(ms);
    const run = await sendDigests(database, { asOf, channels, dryRun: false, clock });

    expect(run.digests.map((d) => [d.audience, d.recipientName, d.subject])).toEqual([
      ['owner', 'Ana Alvarez', 'Your pipeline on 2026-05-12: 8 hygiene flags'],
      ['owner', 'Ben Brooks', 'Your pipeline on 2026-05-12: 7 hygiene flags'],
      ['manager', 'Cleo Chen', 'Sales on 2026-05-12: 15 hygiene flags, hygiene score 32.5'],
    ]);
    // The messages as the SMTP server received them.
    expect(smtp.mails.map((m) => m.to)).toEqual([
      ['ana@hygiene.test'],
      ['ben@hygiene.test'],
      ['cleo@hygiene.test'],
    ]);
    expect(smtp.mails[0]?.from).toBe('digest@hygiene.test');
    const ana = decoded(smtp.mails[0]?.data ?? '');
    expect(ana).toContain('Subject: Your pipeline on 2026-05-12: 8 hygiene flags');
    expect(ana).toContain(
      '- Acme: [high] pushed-repeatedly: pushed 3 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30, since 2026-05-01',
    );
    const cleo = decoded(smtp.mails[2]?.data ?? '');
    expect(cleo).toContain('hygiene score 32.5 of 100');
    expect(cleo).toContain('Biggest changes since last week:');
    expect(cleo).toContain('- Hooli (Ana Alvarez): amount 800.00 → 1200.00');

    // The webhook: the first post got a 500 and was retried after a backoff; every post is signed.
    expect(receiver.requests).toHaveLength(4);
    expect(waits).toEqual([500]);
    for (const request of receiver.requests) {
      expect(verifyWebhookSignature(request.body, request.signature, secret)).toBe(true);
      expect(verifyWebhookSignature(request.body, request.signature, 'not-the-secret-at-all')).toBe(false);
    }
    const first = JSON.parse(receiver.requests[0]?.body ?? '{}');
    expect(first).toMatchObject({
      type: 'candor.hygiene-digest',
      digest: { audience: 'owner', recipientId: 'u1' },
    });
    expect(first.digest.flags[1]).toMatchObject({ deal: 'h1', rule: 'pushed-repeatedly', severity: 'high' });
    expect(receiver.requests[1]?.body).toBe(receiver.requests[0]?.body);

    // The delivery log.
    const log = await withConnection(database, (conn) => listDigestDeliveries(conn, 20));
    expect(log).toHaveLength(6);
    const webhookToAna = log.find(
      (d) => d.channel === 'webhook' && d.subject.startsWith('Your pipeline') && d.attempts === 2,
    );
    expect(webhookToAna).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
      recipient: receiver.url,
    });
    expect(log.filter((d) => d.status === 'sent')).toHaveLength(6);
    expect(new Set(log.map((d) => d.runId))).toEqual(new Set([run.runId]));
  });

  it('logs a failed delivery after its last retry, and a dry run sends and logs nothing', async () => {
    const failing = createServer((_request, response) => {
      response.statusCode = 503;
      response.end();
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/`;
    try {
      const channels = openDigestChannels({
        from: 'x <x@y.test>',
        webhookUrl: url,
        webhookSecret: secret,
        clock,
      });
      if (channels.webhook) channels.webhook.sleep = async () => undefined;
      const before = smtp.mails.length;
      const dry = await sendDigests(database, { asOf, channels, dryRun: true, clock });
      expect(dry.deliveries).toEqual([]);
      expect(dry.digests.map((d) => d.channels)).toEqual([['webhook'], ['webhook'], ['webhook']]);
      const run = await sendDigests(database, { asOf, channels, dryRun: false, clock });
      expect(run.deliveries.map((d) => [d.status, d.attempts, d.lastError])).toEqual([
        ['failed', 5, 'the receiver answered 503'],
        ['failed', 5, 'the receiver answered 503'],
        ['failed', 5, 'the receiver answered 503'],
      ]);
      expect(smtp.mails.length).toBe(before);
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
  });
});
