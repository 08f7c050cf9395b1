import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { withTransaction } from '../../src/db/connection.js';
import { createApp } from '../../src/server/create-app.js';
import { appendEvents } from '../../src/store/append-events.js';
import { orgEvent } from '../helpers/sample-events.js';
import { signInNewAdmin, type SignedInClient } from '../helpers/sign-in.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { writeZip } from '../helpers/write-zip.js';

describeEachEngine('a Salesforce zip that unpacks to too much', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: SignedInClient;
  // Uploads of this file only: other test files upload at the same time.
  const ownTmp = mkdtempSync(join(tmpdir(), 'candor-zip-limit-'));
  const uploadFolders = () => readdirSync(ownTmp).filter((name) => name.startsWith('candor-upload-')).length;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await withTransaction(database, (conn) =>
      appendEvents(conn, [orgEvent('2026-01-01T00:00:00Z', { name: 'Zip test org' })], {
        recordedTime: new Date('2026-01-01T00:00:00Z'),
      }),
    );
    // Uploads up to 4,096 bytes, so a zip may unpack to 20 times that: 81,920 bytes.
    app = await createApp({
      db: database,
      config: loadConfig({ CANDOR_UPLOAD_DIR: ownTmp }),
      clock: () => new Date('2026-05-01T12:00:00Z'),
      importUploadLimitBytes: 4_096,
    });
    admin = await signInNewAdmin(app, database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(ownTmp, { recursive: true, force: true });
  });

  const upload = async (zip: Buffer) => {
    const form = new FormData();
    form.append('kind', 'salesforce');
    form.append('file', new Blob([zip]), 'export.zip');
    const response = await admin.inject({ method: 'POST', url: '/api/imports', payload: form });
    return { status: response.statusCode, body: response.json() };
  };

  it('is refused with 413 before anything is unpacked, starting no job', async () => {
    // 90,000 bytes of opportunities deflate to a few hundred bytes.
    const bomb = writeZip([{ name: 'export/Opportunity.csv', content: 'Id,Name\r\n'.padEnd(90_000, '0') }]);
    expect(bomb.length).toBeLessThan(4_096);
    const refused = await upload(bomb);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({
      code: 'invalid-input',
      detail:
        'export.zip unpacks to 90000 bytes of files to import, more than the limit of 81920 bytes: ' +
        'export fewer objects or a shorter period, or import the folder with the candor CLI',
    });
    expect((await admin.get('/api/imports')).body.items).toEqual([]);
    expect(uploadFolders()).toBe(0);
  });

  it('counts only the files an import reads: other entries stay packed', async () => {
    const zip = writeZip([
      { name: 'export/Opportunity.csv', content: 'Id,Name\r\n' },
      { name: 'export/Attachment.csv', content: 'x'.repeat(200_000) },
      { name: 'export/Documents/scan.pdf', content: Buffer.alloc(200_000, 1) },
    ]);
    const started = await upload(zip);
    expect([started.status, started.body.status, started.body.fileName]).toEqual([
      202,
      'running',
      'export.zip',
    ]);
    for (let waited = 0; waited < 60_000; waited += 50) {
      if ((await admin.get(`/api/imports/${started.body.id}`)).body.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
