import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../test/helpers/test-database.js';
import { loadServerHistory } from '../../test/integration/server-history.js';
import type { AccessScope } from '../core/access-scope.js';
import { getOpportunity } from './get-opportunity.js';
import { getOpportunityTimeline } from './get-opportunity-timeline.js';
import { listOpportunities } from './list-opportunities.js';

describeEachEngine('deal reads within an access scope', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
  });
  afterAll(async () => {
    await database.close();
  });

  const anasDeals: AccessScope = { kind: 'owners', ownerIds: ['u1'] };
  const list = (scope: AccessScope, extra: Partial<Parameters<typeof listOpportunities>[1]> = {}) =>
    listOpportunities(database, {
      scope,
      asOf: null,
      sort: 'name',
      descending: false,
      limit: 50,
      offset: 0,
      ...extra,
    });

  it('finds a deal inside the scope and answers not-found for one outside it', async () => {
    expect((await getOpportunity(database, { id: 'd1', scope: anasDeals })).owner).toEqual({
      id: 'u1',
      name: 'Ana Alvarez',
    });
    await expect(getOpportunity(database, { id: 'd2', scope: anasDeals })).rejects.toMatchObject({
      code: 'not-found',
      message: "there is no opportunity 'd2'",
    });
    await expect(getOpportunityTimeline(database, { id: 'd2', scope: anasDeals })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(
      getOpportunity(database, { id: 'd2', scope: { kind: 'owners', ownerIds: [] } }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('lists only the deals in scope, even when a filter asks for others', async () => {
    expect((await list(anasDeals)).items.map((d) => d.id)).toEqual(['d1', 'd3']);
    expect((await list(anasDeals, { ownerIds: ['u2'] })).total).toBe(0);
    expect((await list(anasDeals, { teamId: 'sales' })).items.map((d) => d.id)).toEqual(['d1', 'd3']);
    expect((await list({ kind: 'everything' })).total).toBe(5);
  });
});
