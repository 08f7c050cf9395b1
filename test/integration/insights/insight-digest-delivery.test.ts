import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../src/core/digest/sign-webhook.js';
import { sendInsightDigests } from '../../../src/services/insights/send-insight-digests.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useVoiceFixture } from './voice-fixture.js';
import { startSmtpCatcher, type SmtpCatcher } from '../digest/smtp-catcher.js';

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
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/voice`, requests };
}

describeEachEngine('customer-voice digest delivery', (engine) => {
  const fixture = useVoiceFixture(engine);
  let smtp: SmtpCatcher;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await smtp.close();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });

  it('sends each team its chosen types by e-mail and by signed webhook', async () => {
    const ben = fixture.as('ben');
    await ben.send('POST', '/api/insights', {
      accountId: 'a2',
      type: 'feature-request',
      topic: 'SSO',
      text: 'SAML please',
    });
    await ben.send('POST', '/api/insights', {
      accountId: 'a2',
      type: 'service-problem',
      topic: 'Late invoices',
      text: 'Invoice three weeks late',
      severity: 'high',
    });
    const ada = fixture.as('ada');
    const product = await ada.send('POST', '/api/insights/subscriptions', {
      name: 'Product',
      audience: 'product',
      types: ['feature-request'],
      email: 'product@globex.test',
      webhookUrl: receiver.url,
    });
    expect(product.status).toBe(201);
    const secret = product.body.webhookSecret as string;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const finance = await ada.send('POST', '/api/insights/subscriptions', {
      name: 'Finance',
      audience: 'finance',
      types: ['service-problem'],
      segments: ['Enterprise'],
      email: 'finance@globex.test',
    });
    expect(finance.body.webhookSecret).toBeNull();
    expect(
      (
        await ada.send('POST', '/api/insights/subscriptions', {
          name: 'X',
          audience: 'service',
          types: ['pricing'],
        })
      ).status,
    ).toBe(400);

    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    const results = await sendInsightDigests(fixture.database, {
      period: '2026-Q2',
      channels: {
        email: { transport, from: 'Candor <candor@server.test>' },
        webhook: { retries: 0, backoffBaseMs: 1, backoffMaxMs: 1, sleep: async () => {} },
        clock: () => new Date('2026-05-01T12:00:00Z'),
      },
    });
    expect(results.map((r) => [r.channel, r.recipient, r.ok])).toEqual([
      ['email', 'finance@globex.test', true],
      ['email', 'product@globex.test', true],
      ['webhook', receiver.url, true],
    ]);
    const mailTo = (to: string) =>
      smtp.mails.find((m) => m.to.includes(to))?.data.replace(/=\r?\n/g, '') ?? '';
    expect(mailTo('product@globex.test')).toContain(
      'Subject: Customer voice 2026-Q2: 1 insights for Product',
    );
    expect(mailTo('product@globex.test')).toContain('| SSO | 1 | 2000.00 |');
    expect(mailTo('product@globex.test')).not.toContain('Late invoices');
    expect(mailTo('finance@globex.test')).toContain('Late invoices');
    expect(mailTo('finance@globex.test')).toContain('customer-voice-2026-Q2.csv');

    expect(receiver.requests).toHaveLength(1);
    const [hook] = receiver.requests;
    expect(verifyWebhookSignature(hook?.body ?? '', hook?.signature ?? '', secret)).toBe(true);
    expect(verifyWebhookSignature(hook?.body ?? '', hook?.signature ?? '', 'another-secret')).toBe(false);
    const payload = JSON.parse(hook?.body ?? '{}');
    expect(payload).toMatchObject({
      kind: 'candor.insights.digest',
      period: '2026-Q2',
      subscription: { name: 'Product' },
    });
    expect(payload.csv).toContain('feature-request,medium,Globex,,,SSO,SAML please');
  });
});
