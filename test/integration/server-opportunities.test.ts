import { expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/test-database.js';
import { useServerWithHistory } from './server-history.js';

describeEachEngine('GET /api/opportunities', (engine) => {
  const server = useServerWithHistory(engine);
  const { get } = server;
  async function ids(query: string): Promise<string[]> {
    const { status, body } = await get(`/api/opportunities?${query}`);
    expect(status).toBe(200);
    return body.items.map((item: { id: string }) => item.id);
  }

  it('lists the deals of a period by close date, with names and decimal amounts', async () => {
    const { status, body } = await get('/api/opportunities?period=2026-Q1');
    expect(status).toBe(200);
    expect(body.total).toBe(4);
    expect(body.currency).toBe('USD');
    expect(body.items.map((d: { id: string }) => d.id)).toEqual(['d2', 'd3', 'd5', 'd1']);
    expect(body.items[0]).toEqual({
      id: 'd2',
      name: 'Globex expansion',
      accountId: null,
      accountName: null,
      ownerId: 'u2',
      ownerName: 'Ben Brooks',
      stage: 'Proposal/Price Quote',
      forecastCategory: 'Best Case',
      amount: '500.00',
      currency: 'EUR',
      corporateAmount: '550.00',
      closeDate: '2026-02-28',
      isClosed: false,
      isWon: false,
      pushCount: 0,
      createdAt: '2026-01-05T10:00:00.000Z',
      nextStep: null,
      isLateRecordedClose: false,
    });
    const d1 = body.items[3];
    expect([d1.accountName, d1.ownerName, d1.amount]).toEqual(['Acme Corp', 'Ana Alvarez', '1500.00']);
    // d3 was won on 03-15 but recorded on 04-20: more than 7 days late.
    expect(body.items.map((d: { isLateRecordedClose: boolean }) => d.isLateRecordedClose)).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });

  it('filters by owner, team (with its sub-teams), stage, category and search', async () => {
    expect(await ids('owner=u1')).toEqual(['d3', 'd1']);
    expect(await ids('owner=u1&owner=u3')).toEqual(['d3', 'd5', 'd1']);
    expect(await ids('team=east')).toEqual(['d3', 'd1']);
    expect(await ids('team=sales')).toEqual(['d2', 'd3', 'd5', 'd1', 'd4']);
    expect(await ids('team=west&owner=u1')).toEqual([]);
    expect(await ids('stage=Closed%20Won')).toEqual(['d3']);
    expect(await ids('category=Commit&category=Best%20Case')).toEqual(['d2', 'd1']);
    expect(await ids('search=ACME')).toEqual(['d1']);
    expect(await ids('search=100%25')).toEqual([]);
    expect(await ids('closeFrom=2026-03-01&closeTo=2026-03-26')).toEqual(['d3', 'd5']);
    expect(await ids('closeFrom=2026-04-01')).toEqual(['d4']);
  });

  it('sorts by amount in the corporate currency or by name, either way', async () => {
    expect(await ids('sort=amount&order=desc')).toEqual(['d4', 'd1', 'd2', 'd5', 'd3']);
    expect(await ids('sort=name')).toEqual(['d1', 'd2', 'd5', 'd3', 'd4']);
    expect(await ids('sort=name&order=desc')).toEqual(['d4', 'd3', 'd5', 'd2', 'd1']);
  });

  it('pages with limit and offset, the total counting every match', async () => {
    const pages = [];
    for (const offset of [0, 2, 4, 10]) {
      const { body } = await get(`/api/opportunities?sort=name&limit=2&offset=${offset}`);
      pages.push({
        total: body.total,
        offset: body.offset,
        ids: body.items.map((d: { id: string }) => d.id),
      });
    }
    expect(pages).toEqual([
      { total: 5, offset: 0, ids: ['d1', 'd2'] },
      { total: 5, offset: 2, ids: ['d5', 'd3'] },
      { total: 5, offset: 4, ids: ['d4'] },
      { total: 5, offset: 10, ids: [] },
    ]);
  });

  it('lists the deals as they stood at an instant', async () => {
    const { body } = await get(
      '/api/opportunities?period=2026-Q1&asOf=2026-02-20T00:00:00Z&sort=amount&order=desc',
    );
    expect(
      body.items.map((d: { id: string; forecastCategory: string; amount: string }) => [
        d.id,
        d.forecastCategory,
        d.amount,
      ]),
    ).toEqual([
      ['d1', 'Commit', '1200.00'],
      ['d2', 'Best Case', '500.00'],
      ['d5', 'Pipeline', '300.00'],
      ['d3', 'Pipeline', '250.50'],
    ]);
  });

  it('refuses bad filters with problem details naming each one', async () => {
    const bad = await get('/api/opportunities?limit=501&offset=-1&category=Maybe&sort=size');
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { where: string; value: string }) => [e.where, e.value])).toEqual([
      ['category', 'Maybe'],
      ['sort', 'size'],
      ['limit', '501'],
      ['offset', '-1'],
    ]);
    const both = await get('/api/opportunities?period=2026-Q1&closeFrom=2026-01-01');
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([
      {
        where: 'closeFrom',
        value: '2026-01-01',
        reason: 'give either period or closeFrom/closeTo, not both',
      },
    ]);
    const team = await get('/api/opportunities?team=nowhere');
    expect(team.status).toBe(400);
    expect(team.body.errors).toEqual([{ where: 'team', value: 'nowhere', reason: 'no team has this id' }]);
  });
});
