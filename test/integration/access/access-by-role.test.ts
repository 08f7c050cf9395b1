import { expect, it } from 'vitest';
import { describeEachEngine } from '../../helpers/test-database.js';
import { subjectDeal, tableRoles, useAccessFixture } from './access-fixture.js';
import { accessTable } from './access-table.js';

describeEachEngine('access: every API route × every role × own, subtree and outside data', (engine) => {
  const fixture = useAccessFixture(engine);

  it('has a row for every API route, and a route for every row', () => {
    const declared = fixture.app.declaredRoutes.map((r) => `${r.method} ${r.url}`);
    const inTable = [...new Set(accessTable.map((row) => row.route))];
    expect(declared.filter((route) => !inTable.includes(route)).sort(), 'routes without a row').toEqual([]);
    expect(inTable.filter((route) => !declared.includes(route)).sort(), 'rows without a route').toEqual([]);
  });

  it('answers each request with exactly the expected status', async () => {
    const unexpected: string[] = [];
    let checked = 0;
    for (const row of accessTable) {
      for (const [index, role] of tableRoles.entries()) {
        const deal = row.subject ? subjectDeal[row.subject] : '';
        const options = row.request({ deal, role });
        const client = row.endsSession ? await fixture.freshClient(role) : fixture.client(role);
        const response = client ? await client.inject(options) : await fixture.app.inject(options);
        checked += 1;
        const wanted = row.expect[index];
        if (response.statusCode !== wanted) {
          unexpected.push(
            `${row.route}${row.subject ? ` (${row.subject})` : ''} as ${role}: ${response.statusCode}, expected ${wanted} — ${response.body.slice(0, 160)}`,
          );
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(checked).toBe(accessTable.length * tableRoles.length);
    // Several hundred requests, some of which build whole reports (board pack, forecast, backtest).
  }, 300_000);
});
