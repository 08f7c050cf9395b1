import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { withConnection } from '../../src/db/connection.js';
import { insertVerificationJob } from '../../src/store/verification-job-queries.js';
import { readCsvDownload, readXlsxDownload } from '../helpers/read-download.js';
import { signInNewAdmin, type SignedInClient } from '../helpers/sign-in.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { serverHistory, useServerWithHistory } from './server-history.js';

describeEachEngine('verification as a background job', (engine) => {
  const server = useServerWithHistory(engine);
  let admin: SignedInClient;

  beforeAll(async () => {
    admin = await signInNewAdmin(server.app, server.database);
  });

  /** Starts a verification and polls it until it ends; returns the start answer and the ended job. */
  async function verify() {
    const started = await admin.inject({ method: 'POST', url: '/api/ledger/verify' });
    const job = started.json();
    for (let waited = 0; waited < 60_000; waited += 25) {
      const { status, body } = await admin.get(`/api/ledger/verifications/${job.id}`);
      expect(status).toBe(200);
      if (body.status !== 'running') return { started, job: body };
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`verification ${job.id} did not end`);
  }

  it('is refused to people without the admin role and without the CSRF token', async () => {
    for (const person of ['ana', 'cleo', 'vera']) {
      const client = await server.as(person);
      const answers = [
        (await client.send('POST', '/api/ledger/verify')).status,
        (await client.get('/api/ledger/verifications')).status,
      ];
      expect([person, answers]).toEqual([person, [403, 403]]);
    }
    const noToken = await server.app.inject({
      method: 'POST',
      url: '/api/ledger/verify',
      headers: { cookie: admin.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().detail).toContain('CSRF');
  });

  it('answers 202 with a running job at once, then reports the length, head and who ran it', async () => {
    const { started, job } = await verify();
    expect(started.statusCode).toBe(202);
    expect(started.headers.location).toBe(`/api/ledger/verifications/${started.json().id}`);
    expect(started.json()).toMatchObject({
      status: 'running',
      actor: 'test-admin',
      startedAt: '2026-05-01T12:00:00.000Z',
      progress: { phase: 'starting', done: 0, total: 0 },
      result: null,
    });
    const head = (await admin.get('/api/ledger/head')).body;
    // The fixture's history plus the three events that made the test admin.
    const length = serverHistory.length + 3;
    expect(job).toMatchObject({
      status: 'succeeded',
      actor: 'test-admin',
      actorName: 'Test Admin',
      finishedAt: '2026-05-01T12:00:00.000Z',
      progress: { phase: 'finished' },
      error: null,
      result: {
        ok: true,
        length: String(length),
        head: head.head,
        checkedAt: '2026-05-01T12:00:00.000Z',
        problems: [],
      },
    });
    expect(head.length).toBe(String(length));
    // The last progress reported counts entities replayed: 5 deals, 4 people, the test admin,
    // 4 teams (sales, east, west, the admin's), 1 account, 2 currencies and the org settings.
    expect(job.progress.total).toBe(18);
    expect(job.progress.done).toBe(18);
    const listed = (await admin.get('/api/ledger/verifications')).body.items;
    expect(listed[0]).toEqual(job);
  });

  it('names a derived table that no longer matches a replay of the ledger', async () => {
    await withConnection(server.database, (conn) =>
      sql`update opportunities set amount_minor = 1 where id = 'd1'`.execute(conn.db),
    );
    const { job } = await verify();
    expect([job.status, job.result.ok]).toEqual(['succeeded', false]);
    expect(job.result.problems).toEqual([
      {
        kind: 'projection-mismatch',
        seq: null,
        where: 'opportunities d1',
        message: 'opportunities d1: amount_minor is "1"; a replay of the ledger gives "150000"',
      },
    ]);
  });

  it('exports the verifications it lists (when, by whom, result, chain length and head) to admins only', async () => {
    const listed = (await admin.get('/api/ledger/verifications')).body.items as {
      id: string;
      result: { ok: boolean; length: string; head: string };
    }[];
    const csv = await admin.get('/api/ledger/verifications/export');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header, ...rows] = readCsvDownload(String(csv.body));
    expect(header).toEqual([
      'verification id',
      'started (UTC)',
      'finished (UTC)',
      'started by id',
      'started by',
      'status',
      'result',
      'chain length',
      'head hash',
      'problems',
      'first problem',
      'duration (ms)',
      'why it stopped',
    ]);
    const length = String(serverHistory.length + 3);
    const head = (await admin.get('/api/ledger/head')).body.head as string;
    // Both started at the same instant: the list's order, newest first then by id, is the file's.
    expect(rows.map((r) => r[0])).toEqual(listed.map((j) => j.id));
    const byResult = (result: string) => rows.find((r) => r[6] === result)?.slice(1);
    const same = [
      '2026-05-01T12:00:00.000Z',
      '2026-05-01T12:00:00.000Z',
      'test-admin',
      'Test Admin',
      'succeeded',
    ];
    expect(byResult('problems found')).toEqual([
      ...same,
      'problems found',
      length,
      head,
      '1',
      'opportunities d1: amount_minor is "1"; a replay of the ledger gives "150000"',
      expect.stringMatching(/^\d+$/),
      '',
    ]);
    expect(byResult('intact')).toEqual([
      ...same,
      'intact',
      length,
      head,
      '0',
      '',
      expect.stringMatching(/^\d+$/),
      '',
    ]);

    const xlsx = await admin.inject({ method: 'GET', url: '/api/ledger/verifications/export?format=xlsx' });
    expect(xlsx.headers['content-disposition']).toContain(
      'filename="verifications-as-of-2026-05-01T12-00-00Z.xlsx"',
    );
    const row = (await readXlsxDownload(xlsx, 'Verifications')).getRow(2);
    expect([row.getCell(2).value, row.getCell(8).value, row.getCell(8).numFmt]).toEqual([
      new Date('2026-05-01T12:00:00Z'),
      Number(length),
      '0',
    ]);

    for (const person of ['ana', 'cleo', 'vera'])
      expect((await (await server.as(person)).get('/api/ledger/verifications/export')).status).toBe(403);
  });

  it('answers the job already running instead of starting a second one', async () => {
    // A job another app server runs, alive a minute ago, on a shared server; on the embedded
    // engine one process alone opens the database, so such a job was interrupted.
    await withConnection(server.database, (conn) =>
      insertVerificationJob(conn, {
        id: 'elsewhere',
        actor: 'test-admin',
        startedAt: new Date('2026-05-01T12:59:00Z'),
        progress: { phase: 'chain', done: 10, total: 30 },
      }),
    );
    const started = await admin.inject({ method: 'POST', url: '/api/ledger/verify' });
    expect(started.statusCode).toBe(202);
    const elsewhere = (await admin.get('/api/ledger/verifications/elsewhere')).body;
    if (engine === 'pglite') {
      expect(started.json().id).not.toBe('elsewhere');
      expect([elsewhere.status, elsewhere.error.code, elsewhere.error.message.split(':')[0]]).toEqual([
        'failed',
        'unavailable',
        'interrupted',
      ]);
      await verify(); // the new one runs to its end before the suite closes the database
    } else {
      expect(started.json()).toMatchObject({ id: 'elsewhere', status: 'running' });
      expect(elsewhere.progress).toEqual({ phase: 'chain', done: 10, total: 30 });
    }
    expect((await admin.get('/api/ledger/verifications/nope')).status).toBe(404);
  });
});
