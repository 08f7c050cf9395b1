import { beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/connection.js';
import { appendEvents } from '../../src/store/append-events.js';
import { event } from '../helpers/sample-events.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { useServerWithHistory } from './server-history.js';

describeEachEngine('deal filter options and a deal as of an instant', (engine) => {
  const server = useServerWithHistory(engine);

  beforeAll(async () => {
    // Three stages, one retired: the filters list every stage in pipeline order.
    const at = '2026-01-01T00:00:00Z';
    const stage = (name: string, order: number, extra: Record<string, unknown> = {}) =>
      event('stage', name, 'stage.defined', at, {
        name,
        order,
        probability01: 0.1,
        forecastCategory: 'Pipeline',
        isClosed: false,
        isWon: false,
        requiredFields: [],
        active: true,
        ...extra,
      });
    await withTransaction(server.database, (conn) =>
      appendEvents(
        conn,
        [
          stage('Closed Won', 9, { isClosed: true, isWon: true, forecastCategory: 'Closed' }),
          stage('Prospecting', 1),
          stage('Old stage', 5, { active: false }),
        ],
        { recordedTime: new Date(at) },
      ),
    );
  });

  const ownersOf = async (person: string, query = '') => {
    const { status, body } = await (await server.as(person)).get(`/api/opportunities/filter-options${query}`);
    expect(status).toBe(200);
    return (body.owners as { name: string }[]).map((o) => o.name);
  };

  it('offers only the people whose deals the caller can see, by name', async () => {
    // Ana and Ben are reps; Cleo manages Sales (East: Ana, West: Ben) and owns d5; Vera views
    // everything but owns no deal, so she is never offered.
    expect(await ownersOf('ana')).toEqual(['Ana Alvarez']);
    expect(await ownersOf('ben')).toEqual(['Ben Brooks']);
    expect(await ownersOf('cleo')).toEqual(['Ana Alvarez', 'Ben Brooks', 'Cleo Chen']);
    expect(await ownersOf('vera')).toEqual(['Ana Alvarez', 'Ben Brooks', 'Cleo Chen']);
  });

  it('offers the owners of the deals as they stood at an instant', async () => {
    // On 2026-01-03 only d5 (Cleo's, created 01-02) existed; on 01-06 Ana's d1 too.
    expect(await ownersOf('vera', '?asOf=2026-01-03')).toEqual(['Cleo Chen']);
    expect(await ownersOf('vera', '?asOf=2026-01-06')).toEqual(['Ana Alvarez', 'Cleo Chen']);
    expect(await ownersOf('ana', '?asOf=2026-01-03')).toEqual([]);
  });

  it('offers every stage in pipeline order, the retired one marked', async () => {
    const { body } = await (await server.as('ana')).get('/api/opportunities/filter-options');
    expect(body.stages).toEqual([
      { name: 'Prospecting', isClosed: false, active: true },
      { name: 'Old stage', isClosed: false, active: false },
      { name: 'Closed Won', isClosed: true, active: true },
    ]);
    expect(body.owners).toEqual([{ id: 'u1', name: 'Ana Alvarez', active: true }]);
  });

  it('answers a deal as it stood at an instant, from its versions', async () => {
    // d1: created 01-05 at 1000.00 (Pipeline); Commit on 02-01; 1200.00 dated 02-15 (entered on
    // 03-20, backdated); 1500.00 and a champion on 03-10.
    const at = async (asOf: string) => (await server.get(`/api/opportunities/d1?asOf=${asOf}`)).body;
    expect(await at('2026-01-20')).toMatchObject({
      amount: '1000.00',
      stage: 'Prospecting',
      forecastCategory: 'Pipeline',
      fields: {},
      marks: { backdatedChanges: 0 },
      asOf: '2026-01-20T00:00:00.000Z',
    });
    expect(await at('2026-02-20T12:00:00Z')).toMatchObject({
      amount: '1200.00',
      corporateAmount: '1200.00',
      stage: 'Negotiation/Review',
      forecastCategory: 'Commit',
      fields: {},
      marks: { backdatedChanges: 1 },
      asOf: '2026-02-20T12:00:00.000Z',
    });
    const now = (await server.get('/api/opportunities/d1')).body;
    expect([now.amount, now.fields, now.asOf]).toEqual(['1500.00', { champion: 'Dana' }, null]);
    // d5 was pushed from 03-01 to 03-20 on 02-10.
    const d5 = (await server.get('/api/opportunities/d5?asOf=2026-02-05')).body;
    expect([d5.closeDate, d5.pushCount]).toEqual(['2026-03-01', 0]);
    // d2's EUR amount converts at the rate of its close date, as in the list.
    const d2 = (await server.get('/api/opportunities/d2?asOf=2026-02-20')).body;
    expect([d2.amount, d2.corporateAmount]).toEqual(['500.00', '550.00']);
  });

  it('answers 404 for a deal that did not exist yet, or lay outside the scope then', async () => {
    const before = await server.get('/api/opportunities/d1?asOf=2026-01-04');
    expect(before.status).toBe(404);
    expect(before.body).toMatchObject({
      detail: "there is no opportunity 'd1' as of 2026-01-04T00:00:00.000Z",
      errors: [{ where: 'id', value: 'd1', reason: 'no opportunity you can see had this id at that time' }],
    });
    const ana = await server.as('ana');
    expect((await ana.get('/api/opportunities/d1?asOf=2026-02-20')).status).toBe(200);
    expect((await ana.get('/api/opportunities/d2?asOf=2026-02-20')).status).toBe(404);
    const bad = await server.get('/api/opportunities/d1?asOf=yesterday');
    expect([bad.status, bad.body.errors[0].where]).toEqual([400, 'asOf']);
  });
});
