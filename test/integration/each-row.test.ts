import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withConnection } from '../../src/db/connection.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

describeEachEngine('Connection.eachRow', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('hands over every row in order, typed by the same parsers as execute, and counts them', async () => {
    const seen: { n: number; day: string; big: string }[] = [];
    const count = await withConnection(database, (conn) =>
      conn.eachRow(
        sql<{ n: number; day: string; big: string }>`
          select g as n, date '2026-03-01' + g as day, (g::int8 * 10000000000) as big
          from generate_series(1, 2500) g order by g`,
        (row) => seen.push(row),
      ),
    );
    expect(count).toBe(2500);
    expect(seen).toHaveLength(2500);
    expect(seen[0]).toEqual({ n: 1, day: '2026-03-02', big: '10000000000' });
    expect(seen.at(-1)).toEqual({ n: 2500, day: '2033-01-03', big: '25000000000000' });
  });

  it('ends with the error of a row it could not take, and leaves the connection usable', async () => {
    await withConnection(database, async (conn) => {
      let calls = 0;
      const read = conn.eachRow(sql<{ n: number }>`select g as n from generate_series(1, 50) g`, (row) => {
        calls += 1;
        if (row.n === 3) throw new Error('row 3 is not wanted');
      });
      await expect(read).rejects.toThrow('row 3 is not wanted');
      expect(calls).toBe(3);
      const after = await sql<{ one: number }>`select 1 as one`.execute(conn.db);
      expect(after.rows).toEqual([{ one: 1 }]);
    });
  });

  it('ends with the database error of a statement that fails', async () => {
    await withConnection(database, async (conn) => {
      await expect(
        conn.eachRow(sql`select 1 / (g - 2) from generate_series(1, 5) g`, () => undefined),
      ).rejects.toThrow(/division by zero/);
      const after = await sql<{ one: number }>`select 1 as one`.execute(conn.db);
      expect(after.rows).toEqual([{ one: 1 }]);
    });
  });
});
