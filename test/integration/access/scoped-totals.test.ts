import { expect, it } from 'vitest';
import { describeEachEngine } from '../../helpers/test-database.js';
import { tableRoles, useAccessFixture } from './access-fixture.js';

type Item = { id: string; ownerId: string | null; forecastCategory: string; corporateAmount: string | null };

/** Sums decimal strings with two places exactly, in cents. */
function sumCents(amounts: (string | null)[]): bigint {
  return amounts.reduce((sum, a) => sum + (a === null ? 0n : BigInt(a.replace('.', ''))), 0n);
}

describeEachEngine('totals follow the scope', (engine) => {
  const fixture = useAccessFixture(engine);

  it('shows each role a pipeline whose totals are the sums over exactly the deals it may list', async () => {
    const seen: Record<string, string[]> = {};
    for (const role of tableRoles.filter((r) => r !== 'anonymous')) {
      const client = fixture.client(role);
      if (!client) throw new Error(`no client for ${role}`);
      const pipeline = (await client.get('/api/pipeline?period=2026-Q1')).body;
      const list = (await client.get('/api/opportunities?period=2026-Q1&limit=500')).body;
      const items = list.items as Item[];
      expect(list.total).toBe(items.length);
      seen[role] = items.map((i) => i.id).sort();
      for (const [category, total] of Object.entries(
        pipeline.categories as Record<string, { deals: number; amount: string }>,
      )) {
        const inCategory = items.filter((i) => i.forecastCategory === category);
        expect({ role, category, deals: total.deals, cents: BigInt(total.amount.replace('.', '')) }).toEqual({
          role,
          category,
          deals: inCategory.length,
          cents: sumCents(inCategory.map((i) => i.corporateAmount)),
        });
      }
    }
    // Ana sees her own; Cleo her subtree (Sales: Ana, Ben and herself); the company-wide roles all.
    expect(seen).toEqual({
      rep: ['d1', 'd3'],
      manager: ['d1', 'd2', 'd3', 'd5'],
      executive: ['d1', 'd2', 'd3', 'd5', 'd8'],
      viewer: ['d1', 'd2', 'd3', 'd5', 'd8'],
      admin: ['d1', 'd2', 'd3', 'd5', 'd8'],
    });
  });
});
