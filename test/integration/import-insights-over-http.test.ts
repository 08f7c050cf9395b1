import { beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/connection.js';
import { hashPassword } from '../../src/services/password-hashing.js';
import { appendEvents } from '../../src/store/append-events.js';
import { saveCredential } from '../../src/store/credential-queries.js';
import { roleGranted, userCreated } from '../helpers/sample-events.js';
import { testPassword, type SignedInClient } from '../helpers/sign-in.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { useServerWithHistory } from './server-history.js';

/** Feedback from a service desk: line 3 names a deal Candor does not hold. */
const feedbackCsv =
  'Account,Deal,Kind,Topic,Note,When\r\n' +
  'Acme Corp,d1,Feature request,SSO,Needs SAML sign-on,2026-04-02\r\n' +
  ',d404,Pricing,,Too dear,2026-04-03\r\n';

const mapping = JSON.stringify({
  entity: 'insights',
  source: 'desk',
  fields: {
    accountId: { column: 'Account', lookup: 'account' },
    opportunityId: 'Deal',
    type: 'Kind',
    topic: 'Topic',
    text: 'Note',
    capturedAt: 'When',
  },
});

describeEachEngine('insights imported over HTTP', (engine) => {
  const server = useServerWithHistory(engine);
  let ada: SignedInClient;
  beforeAll(async () => {
    const at = '2026-01-01T00:00:00Z';
    await withTransaction(server.database, async (conn) => {
      await appendEvents(
        conn,
        [userCreated('u10', 'Ada Admin', at, 'ada@server.test'), roleGranted('u10', 'sales', 'admin', at)],
        { recordedTime: new Date(at) },
      );
      await saveCredential(conn, {
        userId: 'u10',
        passwordHash: await hashPassword(testPassword),
        updatedAt: new Date(at),
      });
    });
    ada = await server.as('ada');
  });

  it('takes a CSV of insights with its mapping, like a deals file, and reports the bad row', async () => {
    const data = new FormData();
    data.append('kind', 'csv');
    data.append('skipInvalid', 'true');
    data.append('mapping', mapping);
    data.append('file', new Blob([feedbackCsv]), 'feedback.csv');
    const started = await ada.inject({ method: 'POST', url: '/api/imports', payload: data });
    expect([started.statusCode, started.json().entity]).toEqual([202, 'insights']);
    let job = started.json();
    for (let waited = 0; job.status === 'running' && waited < 60_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await ada.get(`/api/imports/${job.id}`)).body;
    }
    expect(job.result).toMatchObject({
      committed: true,
      imported: { 'import.committed': 1, 'insight.captured': 1 },
      rejected: [
        {
          file: 'feedback.csv',
          line: 3,
          column: 'Deal',
          value: 'd404',
          reason: 'no deal d404 in Candor: import the opportunities first',
        },
      ],
    });
    const insights = await ada.get('/api/insights?opportunityId=d1');
    expect(
      insights.body.insights.map((i: { accountId: string; type: string; topic: string }) => [
        i.accountId,
        i.type,
        i.topic,
      ]),
    ).toEqual([['a1', 'feature-request', 'SSO']]);
  });
});
