import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { withConnection } from '../../src/db/connection.js';
import { signInNewAdmin, type SignedInClient } from '../helpers/sign-in.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { serverHistory, useServerWithHistory } from './server-history.js';

describeEachEngine('POST /api/ledger/verify', (engine) => {
  const server = useServerWithHistory(engine);
  let admin: SignedInClient;

  beforeAll(async () => {
    admin = await signInNewAdmin(server.app, server.database);
  });

  it('is refused to people without the admin role and without the CSRF token', async () => {
    for (const person of ['ana', 'cleo', 'vera']) {
      const answer = await (await server.as(person)).send('POST', '/api/ledger/verify');
      expect([person, answer.status]).toEqual([person, 403]);
    }
    const noToken = await server.app.inject({
      method: 'POST',
      url: '/api/ledger/verify',
      headers: { cookie: admin.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().detail).toContain('CSRF');
  });

  it('checks the whole ledger and answers its length and head', async () => {
    const { status, body } = await admin.send('POST', '/api/ledger/verify');
    expect(status).toBe(200);
    const head = (await admin.get('/api/ledger/head')).body;
    // The fixture's history plus the three events that made the test admin.
    expect(body).toMatchObject({
      ok: true,
      length: String(serverHistory.length + 3),
      head: head.head,
      checkedAt: '2026-05-01T12:00:00.000Z',
      problems: [],
    });
    expect(head.length).toBe(body.length);
    expect(Number.isInteger(body.durationMs) && body.durationMs >= 0).toBe(true);
  });

  it('names a derived table that no longer matches a replay of the ledger', async () => {
    await withConnection(server.database, (conn) =>
      sql`update opportunities set amount_minor = 1 where id = 'd1'`.execute(conn.db),
    );
    const { status, body } = await admin.send('POST', '/api/ledger/verify');
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.problems).toEqual([
      {
        kind: 'projection-mismatch',
        seq: null,
        where: 'opportunities d1',
        message: 'opportunities d1: amount_minor is "1"; a replay of the ledger gives "150000"',
      },
    ]);
  });
});
