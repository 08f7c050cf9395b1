import { beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/connection.js';
import { appendEvents } from '../../src/store/append-events.js';
import { event } from '../helpers/sample-events.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { useServerWithHistory } from './server-history.js';

/** An activity on deal d1 (Ana's, east) or owned by Ben (west), at a fixed time. */
function activity(id: string, at: string, ownerId: string, opportunityId: string | null) {
  return event('activity', id, 'activity.logged', at, {
    type: 'call',
    subject: `Call ${id}`,
    occurredAt: at,
    opportunityId,
    accountId: opportunityId === null ? null : 'a1',
    ownerId,
    fields: {},
  });
}

describeEachEngine('GET /api/activities', (engine) => {
  const server = useServerWithHistory(engine);
  beforeAll(async () => {
    await withTransaction(server.database, (conn) =>
      appendEvents(
        conn,
        [
          activity('x1', '2026-02-03T09:00:00Z', 'u1', 'd1'),
          activity('x2', '2026-02-05T15:30:00Z', 'u1', 'd1'),
          activity('x3', '2026-02-04T11:00:00Z', 'u2', null),
        ],
        { recordedTime: new Date('2026-02-06T00:00:00Z') },
      ),
    );
  });

  it('lists the activities asked for, newest first, with their deal, account and owner by name', async () => {
    const { status, body } = await server.get('/api/activities?ids=x1,x2,x3,nope');
    expect(status).toBe(200);
    expect(body).toEqual({
      items: [
        {
          id: 'x2',
          type: 'call',
          subject: 'Call x2',
          occurredAt: '2026-02-05T15:30:00.000Z',
          opportunity: { id: 'd1', name: 'Acme renewal' },
          account: { id: 'a1', name: 'Acme Corp' },
          owner: { id: 'u1', name: 'Ana Alvarez' },
        },
        {
          id: 'x3',
          type: 'call',
          subject: 'Call x3',
          occurredAt: '2026-02-04T11:00:00.000Z',
          opportunity: null,
          account: null,
          owner: { id: 'u2', name: expect.any(String) as string },
        },
        expect.objectContaining({ id: 'x1', occurredAt: '2026-02-03T09:00:00.000Z' }),
      ],
    });
  });

  it("leaves out what the caller may not see: Ana sees her own, not Ben's", async () => {
    const ana = await server.as('ana');
    const { status, body } = await ana.get('/api/activities?ids=x1,x2,x3');
    expect(status).toBe(200);
    expect((body.items as { id: string }[]).map((a) => a.id)).toEqual(['x2', 'x1']);
  });

  it('refuses a request without ids, or with too many, saying why', async () => {
    const none = await server.get('/api/activities?ids=');
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('name at least one activity id');
    const many = Array.from({ length: 201 }, (_, i) => `x${i}`).join(',');
    const tooMany = await server.get(`/api/activities?ids=${many}`);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('at most 200 ids per request');
  });
});
