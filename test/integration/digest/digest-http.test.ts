import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DigestDeliveriesResponse, DigestRunResponse } from '../../../src/api/digests.js';
import { loadConfig } from '../../../src/config.js';
import { createApp } from '../../../src/server/create-app.js';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
import { signIn, type SignedInClient } from '../../helpers/sign-in.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { loadHygieneHistory } from '../hygiene/hygiene-history.js';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher.js';

const asOf = '2026-05-12T00:00:00.000Z';
const clock = () => new Date('2026-05-12T06:00:00Z');
const subjects = [
  ['owner', 'Ana Alvarez', 'Your pipeline on 2026-05-12: 8 hygiene flags'],
  ['owner', 'Ben Brooks', 'Your pipeline on 2026-05-12: 7 hygiene flags'],
  ['manager', 'Cleo Chen', 'Sales on 2026-05-12: 15 hygiene flags, hygiene score 32.5'],
];

describeEachEngine('sending the weekly digests over HTTP', (engine) => {
  let database: TestDatabase;
  let smtp: SmtpCatcher;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let ada: SignedInClient;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadHygieneHistory(database);
    smtp = await startSmtpCatcher();
    const config = loadConfig({ SMTP_URL: smtp.url, DIGEST_FROM: 'Candor <digest@hygiene.test>' });
    app = await createApp({ db: database, config, clock, logger: false });
    // The same server with no digest channel configured.
    bare = await createApp({ db: database, config: loadConfig({}), clock, logger: false });
    ada = await signIn(app, 'ada@hygiene.test');
  });
  afterAll(async () => {
    await app?.close();
    await bare?.close();
    await smtp?.close();
    await database?.close();
  });

  it('answers a dry run with who would get what by which channel, and sends and logs nothing', async () => {
    const { status, body } = await ada.send('POST', '/api/admin/digests/send', { asOf, dryRun: true });
    expect(status).toBe(200);
    const run = body as DigestRunResponse;
    expect(run).toMatchObject({ asOf, dryRun: true, deliveries: [] });
    expect(run.digests.map((d) => [d.audience, d.recipientName, d.subject])).toEqual(subjects);
    expect(run.digests.map((d) => [d.email, d.channels])).toEqual([
      ['ana@hygiene.test', ['email']],
      ['ben@hygiene.test', ['email']],
      ['cleo@hygiene.test', ['email']],
    ]);
    expect(run.digests[0]?.flags[1]).toEqual({
      deal: 'h1',
      dealName: 'Acme',
      ownerName: 'Ana Alvarez',
      rule: 'pushed-repeatedly',
      severity: 'high',
      evidence: 'pushed 3 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30',
      since: '2026-05-01T10:00:00.000Z',
    });
    expect(run.digests[2]?.score).toBe(32.5);
    expect(smtp.mails).toEqual([]);
    expect((await ada.get('/api/admin/digests/deliveries')).body).toEqual({ deliveries: [] });
  });

  it('sends each digest to the SMTP server and logs every delivery', async () => {
    const { status, body } = await ada.send('POST', '/api/admin/digests/send', { asOf });
    expect(status).toBe(200);
    const run = body as DigestRunResponse;
    expect(run.dryRun).toBe(false);
    expect(run.deliveries.map((d) => [d.channel, d.recipient, d.status, d.attempts, d.lastError])).toEqual([
      ['email', 'ana@hygiene.test', 'sent', 1, null],
      ['email', 'ben@hygiene.test', 'sent', 1, null],
      ['email', 'cleo@hygiene.test', 'sent', 1, null],
    ]);
    // The messages as the SMTP server received them.
    expect(smtp.mails.map((m) => [m.from, m.to])).toEqual([
      ['digest@hygiene.test', ['ana@hygiene.test']],
      ['digest@hygiene.test', ['ben@hygiene.test']],
      ['digest@hygiene.test', ['cleo@hygiene.test']],
    ]);
    expect(smtp.mails[2]?.data).toContain(`Subject: ${subjects[2]?.[2] ?? ''}`);

    const log = (await ada.get('/api/admin/digests/deliveries?limit=10')).body as DigestDeliveriesResponse;
    expect(log.deliveries).toHaveLength(3);
    expect(new Set(log.deliveries.map((d) => d.runId))).toEqual(new Set([run.runId]));
    expect(log.deliveries.map((d) => d.recipient).sort()).toEqual([
      'ana@hygiene.test',
      'ben@hygiene.test',
      'cleo@hygiene.test',
    ]);
    expect(log.deliveries.every((d) => d.status === 'sent' && d.createdAt === clock().toISOString())).toBe(
      true,
    );
    expect((await ada.get('/api/admin/digests/deliveries?limit=2')).body.deliveries).toHaveLength(2);
  });

  it('exports the delivery log it lists, for the same limit, to admins only', async () => {
    const log = (await ada.get('/api/admin/digests/deliveries?limit=2')).body as DigestDeliveriesResponse;
    const csv = await ada.get('/api/admin/digests/deliveries/export?limit=2');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header, ...rows] = readCsvDownload(String(csv.body));
    expect(header).toEqual([
      'delivery id',
      'run id',
      'created (UTC)',
      'finished (UTC)',
      'channel',
      'audience',
      'recipient',
      'subject',
      'status',
      'attempts',
      'last error',
    ]);
    expect(rows).toEqual(
      log.deliveries.map((d) => [
        d.id,
        d.runId,
        clock().toISOString(),
        d.finishedAt,
        'email',
        d.audience,
        d.recipient,
        d.subject,
        'sent',
        '1',
        '',
      ]),
    );
    const all = (await ada.get('/api/admin/digests/deliveries/export')).body as string;
    expect(
      readCsvDownload(all)
        .find((r) => r[6] === 'cleo@hygiene.test')
        ?.slice(4, 8),
    ).toEqual(['email', 'manager', 'cleo@hygiene.test', subjects[2]?.[2]]);

    const xlsx = await ada.inject({ method: 'GET', url: '/api/admin/digests/deliveries/export?format=xlsx' });
    expect(xlsx.headers['content-disposition']).toContain(
      'filename="digest-deliveries-as-of-2026-05-12T06-00-00Z.xlsx"',
    );
    const sheet = await readXlsxDownload(xlsx, 'Digest deliveries');
    expect(sheet.rowCount).toBe(4);
    expect([sheet.getRow(2).getCell(3).value, sheet.getRow(2).getCell(10).value]).toEqual([clock(), 1]);

    const cleo = await signIn(app, 'cleo@hygiene.test');
    expect((await cleo.get('/api/admin/digests/deliveries/export')).status).toBe(403);
    expect((await ada.get('/api/admin/digests/deliveries/export?limit=0')).status).toBe(400);
  });

  it('refuses a real run with no channel configured, bad input, and anyone but an admin', async () => {
    const adaOnBare = await signIn(bare, 'ada@hygiene.test');
    const none = await adaOnBare.send('POST', '/api/admin/digests/send', { asOf });
    expect(none.status).toBe(400);
    expect(none.body.detail).toBe('no digest channel is configured, so nothing can be sent');
    expect((await adaOnBare.send('POST', '/api/admin/digests/send', { dryRun: true })).status).toBe(200);

    const unknown = await ada.send('POST', '/api/admin/digests/send', { dryrun: true });
    expect(unknown.status).toBe(400);
    const badAsOf = await ada.send('POST', '/api/admin/digests/send', { asOf: 'last Tuesday', dryRun: true });
    expect(badAsOf.status).toBe(400);
    expect(JSON.stringify(badAsOf.body.errors)).toContain('asOf');
    expect((await ada.get('/api/admin/digests/deliveries?limit=0')).status).toBe(400);

    const cleo = await signIn(app, 'cleo@hygiene.test');
    const mailsBefore = smtp.mails.length;
    expect((await cleo.send('POST', '/api/admin/digests/send', { asOf })).status).toBe(403);
    expect((await cleo.get('/api/admin/digests/deliveries')).status).toBe(403);
    expect(smtp.mails.length).toBe(mailsBefore);
  });
});
