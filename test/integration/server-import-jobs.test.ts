import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { withConnection, withTransaction } from '../../src/db/connection.js';
import { createApp } from '../../src/server/create-app.js';
import { hashPassword } from '../../src/services/password-hashing.js';
import { appendEvents } from '../../src/store/append-events.js';
import { saveCredential } from '../../src/store/credential-queries.js';
import { insertImportJob, updateImportJobProgress } from '../../src/store/import-job-queries.js';
import { dealsCsvMapping } from '../helpers/deals-csv-mapping.js';
import { readCsvDownload, readXlsxDownload } from '../helpers/read-download.js';
import { roleGranted, userCreated } from '../helpers/sample-events.js';
import { signIn, testPassword, type SignedInClient } from '../helpers/sign-in.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { fixtures } from './import-cli-helper.js';
import { testConfig, testUploadDir, useServerWithHistory } from './server-history.js';

const now = new Date('2026-05-01T12:00:00Z');

/** Deals of a CSV export: line 3 has an impossible close date, starting with '-' (neutralised). */
const dealsCsv =
  'Deal ID,Deal Name,Owner,Stage,Value,Currency,Close,Created\r\n' +
  'X-1,Web form deal,Ana Alvarez,Discovery,1200.50,USD,2026-06-30,2026-04-01\r\n' +
  'X-2,"Bad close, ""quoted""",Ben Brooks,Discovery,100,USD,-2026-01-01,2026-04-01\r\n' +
  'X-3,Credit note,Ben Brooks,Discovery,-5,USD,2026-06-15,2026-04-01\r\n';

function mappingJson(source: string): string {
  return JSON.stringify(
    dealsCsvMapping(source, [
      { name: 'Discovery', order: 1, probability: 0.2, forecastCategory: 'Pipeline' },
    ]),
  );
}

function form(
  fields: Record<string, string>,
  files: Record<string, [name: string, content: string | Buffer]>,
) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const [name, [fileName, content]] of Object.entries(files))
    data.append(name, new Blob([content]), fileName);
  return data;
}

const uploadFolders = () =>
  readdirSync(testUploadDir).filter((name) => name.startsWith('candor-upload-')).length;

describeEachEngine('imports over HTTP', (engine) => {
  const server = useServerWithHistory(engine);
  let ada: SignedInClient;
  beforeAll(async () => {
    const at = '2026-01-01T00:00:00Z';
    await withTransaction(server.database, async (conn) => {
      await appendEvents(
        conn,
        [userCreated('u10', 'Ada Admin', at, 'ada@server.test'), roleGranted('u10', 'sales', 'admin', at)],
        {
          recordedTime: new Date(at),
        },
      );
      await saveCredential(conn, {
        userId: 'u10',
        passwordHash: await hashPassword(testPassword),
        updatedAt: new Date(at),
      });
    });
    ada = await server.as('ada');
  });

  async function upload(data: FormData, as: SignedInClient = ada) {
    const response = await as.inject({ method: 'POST', url: '/api/imports', payload: data });
    return { status: response.statusCode, headers: response.headers, body: response.json() };
  }

  async function finished(id: string) {
    for (let waited = 0; waited < 60_000; waited += 50) {
      const { status, body } = await ada.get(`/api/imports/${id}`);
      expect(status).toBe(200);
      if (body.status !== 'running') return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import job ${id} did not finish`);
  }

  it('imports a Salesforce export zip in the background: 202 at once, then what landed', async () => {
    const folders = uploadFolders();
    const zip = readFileSync(join(fixtures, 'salesforce-messy.zip'));
    const started = await upload(form({ kind: 'salesforce' }, { file: ['salesforce-messy.zip', zip] }));
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/api/imports/${started.body.id}`);
    expect(started.body).toMatchObject({
      kind: 'salesforce',
      entity: null,
      fileName: 'salesforce-messy.zip',
      actor: 'u10',
      status: 'running',
      result: null,
    });
    const job = await finished(started.body.id);
    expect([job.status, job.error]).toEqual(['succeeded', null]);
    expect(job.result.imported).toEqual({
      'account.created': 2,
      'activity.logged': 4,
      'currency.defined': 1,
      'currency.rate_set': 2,
      'import.committed': 1,
      // Two deals name competitors; the Event on a deal is also a programme meeting.
      'insight.captured': 2,
      'meeting.logged': 1,
      'opportunity.changed': 5,
      'opportunity.created': 6,
      'quota.set': 1,
      'stage.defined': 6,
      'team.created': 4,
      'user.created': 4,
      'user.role_granted': 3,
    });
    expect([job.result.committed, job.result.events, job.result.rejectedRows, job.result.rejected]).toEqual([
      true,
      42,
      0,
      [],
    ]);
    expect(job.progress.phase).toBe('finished');
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.progress.total).toBeGreaterThan(0);
    const actors = await withConnection(server.database, (conn) =>
      conn.db
        .selectFrom('events')
        .select('actor')
        .distinct()
        .where('batch_id', '=', job.result.batchId)
        .execute(),
    );
    expect(actors).toEqual([{ actor: 'u10' }]);
    const tokyo = await ada.get('/api/opportunities?search=Tokyo');
    expect(tokyo.body.items.map((d: { amount: string; currency: string }) => [d.amount, d.currency])).toEqual(
      [['1500000', 'JPY']],
    );
    const list = await ada.get('/api/imports');
    expect(list.body.items[0]).toMatchObject({ id: job.id, status: 'succeeded', result: { events: 42 } });
    expect(uploadFolders()).toBe(folders);
  });

  it('imports a CSV with its mapping, lands the valid rows, and keeps the rejected one with its reason', async () => {
    const started = await upload(
      form(
        { kind: 'csv', skipInvalid: 'true' },
        { file: ['deals.csv', dealsCsv], mapping: ['deals.mapping.json', mappingJson('web')] },
      ),
    );
    expect([started.status, started.body.entity]).toEqual([202, 'opportunities']);
    const job = await finished(started.body.id);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({
      committed: true,
      imported: { 'import.committed': 1, 'opportunity.created': 2, 'stage.defined': 1 },
      events: 4,
      rejectedRows: 1,
      rejectFiles: ['deals.rejected.csv'],
      rejected: [
        {
          file: 'deals.csv',
          line: 3,
          column: 'Close',
          value: '-2026-01-01',
          reason: 'expected a date such as 2018-08-22',
        },
      ],
    });
    const landed = await ada.get('/api/opportunities?search=Credit');
    expect(landed.body.items.map((d: { id: string; amount: string }) => [d.id, d.amount])).toEqual([
      ['web:X-3', '-5.00'],
    ]);

    const report = await ada.inject({ method: 'GET', url: `/api/imports/${job.id}/rejects.csv` });
    expect(report.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(report.headers['content-disposition']).toContain(`filename="candor-import-${job.id}-rejects.csv"`);
    expect(report.body).toBe(
      "\uFEFFfile,line,column,value,reason\r\ndeals.csv,3,Close,'-2026-01-01,expected a date such as 2018-08-22\r\n",
    );
    const xlsx = await ada.inject({ method: 'GET', url: `/api/imports/${job.id}/rejects.xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Rejects')?.getRow(2).values).toEqual([
      undefined,
      'deals.csv',
      3,
      'Close',
      "'-2026-01-01",
      'expected a date such as 2018-08-22',
    ]);

    const records = await ada.inject({
      method: 'GET',
      url: `/api/imports/${job.id}/rejected-records/deals.rejected.csv`,
    });
    expect(records.statusCode).toBe(200);
    expect(records.headers['content-disposition']).toContain('filename="deals.rejected.csv"');
    const lines = dealsCsv.split('\r\n');
    expect(records.rawPayload.equals(Buffer.from(`${lines[0]}\r\n${lines[2]}\r\n`))).toBe(true);
  });

  it('lands nothing from a CSV with a bad row without skipInvalid: the job fails with the rejects', async () => {
    const started = await upload(
      form(
        { kind: 'csv', entity: 'opportunities', mapping: mappingJson('strict') },
        { file: ['deals.csv', dealsCsv] },
      ),
    );
    const job = await finished(started.body.id);
    expect([
      job.status,
      job.error.code,
      job.result.committed,
      job.result.events,
      job.result.rejectFiles,
    ]).toEqual(['failed', 'import-rejected', false, 0, []]);
    expect(job.error.message).toBe(
      '1 row was rejected, so nothing landed: fix them, or import again with skipInvalid=true to land the valid rows and keep the rejected ones',
    );
    expect(job.error.details).toEqual([
      {
        where: 'deals.csv: Close',
        line: 3,
        value: '-2026-01-01',
        reason: 'expected a date such as 2018-08-22',
      },
    ]);
    expect((await ada.get('/api/opportunities/strict:X-1')).status).toBe(404);
    const report = await ada.inject({ method: 'GET', url: `/api/imports/${job.id}/rejects.csv` });
    expect(report.body.split('\r\n')[1]).toBe(
      "deals.csv,3,Close,'-2026-01-01,expected a date such as 2018-08-22",
    );
    expect((await ada.get(`/api/imports/${job.id}/rejected-records/deals.rejected.csv`)).status).toBe(404);
  });

  it('says why a job failed in the background, naming the upload, never a server path', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
    const started = await upload(form({ kind: 'salesforce' }, { file: ['broken.zip', broken] }));
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect([job.status, job.result, job.error.code, job.error.message]).toEqual([
      'failed',
      null,
      'invalid-input',
      'broken.zip is neither a folder nor a readable zip',
    ]);
    expect(job.error.details[0].where).toBe('broken.zip');
    expect(JSON.stringify(job)).not.toContain(tmpdir());
  });

  it('answers 400 at once, starting no job, for an upload that cannot be imported', async () => {
    const before = (await ada.get('/api/imports')).body.items.length;
    const notZip = await upload(form({ kind: 'salesforce' }, { file: ['export.zip', 'Id,Name\r\n'] }));
    expect([notZip.status, notZip.body.detail]).toEqual([400, 'export.zip is not a zip file']);
    const noMapping = await upload(form({ kind: 'csv' }, { file: ['deals.csv', dealsCsv] }));
    expect([noMapping.status, noMapping.body.detail]).toEqual([400, 'a CSV import needs its mapping']);
    const lookup = JSON.stringify({
      ...JSON.parse(mappingJson('l')),
      fields: {
        ...JSON.parse(mappingJson('l')).fields,
        name: { column: 'Deal Name', lookupFile: { file: '../secrets.csv', key: 'a', value: 'b' } },
      },
    });
    const missing = await upload(form({ kind: 'csv', mapping: lookup }, { file: ['deals.csv', dealsCsv] }));
    expect([missing.status, missing.body.detail]).toEqual([
      400,
      'the mapping looks values up in ../secrets.csv, which was not sent',
    ]);
    const badMapping = await upload(
      form({ kind: 'csv', entity: 'users', mapping: mappingJson('u') }, { file: ['deals.csv', dealsCsv] }),
    );
    expect([badMapping.status, badMapping.body.detail]).toEqual([
      400,
      'the mapping file mapping.json does not fit users',
    ]);
    const unknown = await upload(form({ kind: 'ftp' }, { file: ['deals.csv', dealsCsv] }));
    expect([unknown.status, unknown.body.errors[0].where]).toEqual([400, 'kind']);
    expect((await ada.get('/api/imports')).body.items.length).toBe(before);
  });

  it('exports the recent imports it lists: files, status, times, landed and rejected counts', async () => {
    const listed = (await ada.get('/api/imports')).body.items as { id: string; fileName: string }[];
    const csv = await ada.get('/api/imports/export?format=csv');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header, ...rows] = readCsvDownload(String(csv.body));
    expect(header).toEqual([
      'import id',
      'kind',
      'entity',
      'file',
      'files read',
      'started by',
      'status',
      'started (UTC)',
      'finished (UTC)',
      'landed',
      'events',
      'rows read',
      'rows rejected',
      'problem',
    ]);
    expect(rows.map((r) => r[0])).toEqual(listed.map((j) => j.id));
    const at = now.toISOString();
    const byFile = (file: string, landed: string) =>
      rows.find((r) => r[3] === file && r[9] === landed)?.slice(1);
    expect(byFile('deals.csv', 'yes')).toEqual([
      'csv',
      'opportunities',
      'deals.csv',
      'deals.csv',
      'u10',
      'succeeded',
      at,
      at,
      'yes',
      '4',
      '3',
      '1',
      '',
    ]);
    expect(byFile('deals.csv', 'no')?.slice(5, 12)).toEqual(['failed', at, at, 'no', '0', '3', '1']);
    expect(byFile('broken.zip', '')?.slice(5)).toEqual([
      'failed',
      at,
      at,
      '',
      '',
      '',
      '',
      'broken.zip is neither a folder nor a readable zip',
    ]);
    expect(byFile('salesforce-messy.zip', 'yes')?.slice(0, 10)).toEqual([
      'salesforce',
      '',
      'salesforce-messy.zip',
      expect.stringContaining('Opportunity.csv'),
      'u10',
      'succeeded',
      at,
      at,
      'yes',
      '42',
    ]);

    const xlsx = await ada.inject({ method: 'GET', url: '/api/imports/export?format=xlsx' });
    expect(xlsx.headers['content-disposition']).toContain(
      'filename="imports-as-of-2026-05-01T12-00-00Z.xlsx"',
    );
    const sheet = await readXlsxDownload(xlsx, 'Imports');
    expect(sheet.rowCount).toBe(rows.length + 1);
    // Jobs started at the same instant (the fixed clock) list in no set order: found by file.
    const salesforce = sheet.getRow(
      rows.findIndex((r) => r[3] === 'salesforce-messy.zip' && r[9] === 'yes') + 2,
    );
    expect([salesforce.getCell(8).value, salesforce.getCell(11).value]).toEqual([now, 42]);

    for (const who of ['ana', 'cleo', 'vera'])
      expect((await (await server.as(who)).get('/api/imports/export')).status).toBe(403);
  });

  it('lets only admins import or see imports', async () => {
    const ana = await server.as('ana');
    const refused = await upload(form({ kind: 'salesforce' }, { file: ['x.zip', 'PK'] }), ana);
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    for (const who of ['cleo', 'vera']) {
      const client = await server.as(who);
      expect((await client.get('/api/imports')).status).toBe(403);
    }
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/imports' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an upload over the limit with 413, whether its length is declared or streamed', async () => {
    let small: FastifyInstance | undefined;
    try {
      small = await createApp({
        db: server.database,
        config: testConfig(),
        clock: () => now,
        importUploadLimitBytes: 4_096,
      });
      const admin = await signIn(small, 'ada@server.test');
      const folders = uploadFolders();
      const streamed = await admin.inject({
        method: 'POST',
        url: '/api/imports',
        payload: form({ kind: 'csv' }, { file: ['big.csv', 'x'.repeat(5_000)] }),
      });
      expect([streamed.statusCode, streamed.json().detail]).toEqual([
        413,
        'the upload is larger than the limit of 4096 bytes: send a smaller file',
      ]);
      const body = new Response(
        form({ kind: 'csv' }, { file: ['huge.csv', Buffer.alloc(3 * 2 ** 20, 120)] }),
      );
      const declared = await admin.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { 'content-type': body.headers.get('content-type') ?? '' },
        payload: Buffer.from(await body.arrayBuffer()),
      });
      expect([declared.statusCode, declared.json().code]).toEqual([413, 'invalid-input']);
      expect(uploadFolders()).toBe(folders);
    } finally {
      await small?.close();
    }
  });

  it('reports a job whose server stopped as failed, "interrupted", once that is certain', async () => {
    const progress = { phase: 'reading files', done: 10, total: 100, unit: 'bytes' as const };
    await withConnection(server.database, async (conn) => {
      for (const [id, minutesAgo] of [
        ['old-job', 11],
        ['recent-job', 1],
      ] as const) {
        const at = new Date(now.getTime() - minutesAgo * 60_000);
        await insertImportJob(conn, {
          id,
          kind: 'salesforce',
          fileName: 'x.zip',
          actor: 'u10',
          createdAt: at,
          progress,
        });
        await updateImportJobProgress(conn, { id, progress, at });
      }
    });
    const old = (await ada.get('/api/imports/old-job')).body;
    expect([old.status, old.error.code, old.error.message.split(':')[0]]).toEqual([
      'failed',
      'unavailable',
      'interrupted',
    ]);
    const recent = (await ada.get('/api/imports/recent-job')).body;
    // The embedded engine has one process: a job it does not run is dead. On a server another app server may run it.
    expect(recent.status).toBe(engine === 'pglite' ? 'failed' : 'running');
    expect((await ada.get('/api/imports/no-such-job')).status).toBe(404);
  });
});
