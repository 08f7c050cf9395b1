import { expect, it } from 'vitest';
import { readCsvDownload, readXlsxDownload } from '../helpers/read-download.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { useServerWithHistory } from './server-history.js';

describeEachEngine('GET /api/opportunities/:id and its timeline', (engine) => {
  const server = useServerWithHistory(engine);
  const { get } = server;

  it('answers a deal as it stands, with account and owner names and its backdating marks', async () => {
    const { status, body } = await get('/api/opportunities/d1');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'd1',
      name: 'Acme renewal',
      account: { id: 'a1', name: 'Acme Corp' },
      owner: { id: 'u1', name: 'Ana Alvarez' },
      amount: '1500.00',
      currency: 'USD',
      corporateAmount: '1500.00',
      corporateCurrency: 'USD',
      stage: 'Negotiation/Review',
      stageEnteredAt: '2026-02-01T10:00:00.000Z',
      probability: 0.9,
      forecastCategory: 'Commit',
      closeDate: '2026-03-31',
      fields: { champion: 'Dana' },
      closedRecordedAt: null,
      marks: { isLateRecordedClose: false, backdatedChanges: 1 },
    });
  });

  it('marks a win recorded weeks after its close date as a late-recorded close', async () => {
    const { body } = await get('/api/opportunities/d3');
    expect(body).toMatchObject({
      stage: 'Closed Won',
      isClosed: true,
      isWon: true,
      account: null,
      closedRecordedAt: '2026-04-20T08:00:00.000Z',
      marks: { isLateRecordedClose: true, backdatedChanges: 1 },
    });
  });

  it('answers an unknown deal as a 404 problem, for the deal and for its timeline', async () => {
    for (const url of ['/api/opportunities/nope', '/api/opportunities/nope/timeline']) {
      const { status, type, body } = await get(url);
      expect(status).toBe(404);
      expect(type).toMatch(/^application\/problem\+json/);
      expect(body).toMatchObject({
        type: 'urn:candor:problem:not-found',
        status: 404,
        code: 'not-found',
        detail: "there is no opportunity 'nope'",
        instance: url,
        errors: [{ where: 'id', value: 'nope', reason: 'no opportunity you can see has this id' }],
      });
    }
  });

  it('shows every event of a deal in business order with what changed from what', async () => {
    const { status, body } = await get('/api/opportunities/d1/timeline');
    expect(status).toBe(200);
    expect(body.opportunityId).toBe('d1');
    expect(body.backdatedAfterHours).toBe(72);
    const events = body.events as {
      seq: string;
      kind: string;
      businessTime: string;
      recordedTime: string;
      changes: { field: string; from: string | null; to: string | null }[];
      backdated: boolean;
      hash: string;
      prevHash: string;
    }[];
    // The change dated 02-15 was entered last (highest seq) but sits where it took effect.
    expect(events.map((e) => [e.kind, e.businessTime, e.backdated])).toEqual([
      ['opportunity.created', '2026-01-05T10:00:00.000Z', false],
      ['opportunity.changed', '2026-02-01T10:00:00.000Z', false],
      ['opportunity.changed', '2026-02-15T10:00:00.000Z', true],
      ['opportunity.changed', '2026-03-10T10:00:00.000Z', false],
    ]);
    expect(BigInt(events[2]!.seq)).toBeGreaterThan(BigInt(events[3]!.seq));
    expect(events[2]!.recordedTime).toBe('2026-03-20T10:00:00.000Z');
    expect(events[0]!.changes.slice(0, 5)).toEqual([
      { field: 'name', from: null, to: 'Acme renewal' },
      { field: 'accountId', from: null, to: 'a1' },
      { field: 'ownerId', from: null, to: 'u1' },
      { field: 'amount', from: null, to: '1000.00' },
      { field: 'currency', from: null, to: 'USD' },
    ]);
    expect(events[1]!.changes).toEqual([
      { field: 'stage', from: 'Prospecting', to: 'Negotiation/Review' },
      { field: 'probability', from: '0.1', to: '0.9' },
      { field: 'forecastCategory', from: 'Pipeline', to: 'Commit' },
    ]);
    expect(events[2]!.changes).toEqual([{ field: 'amount', from: '1000.00', to: '1200.00' }]);
    // Folded in business order, the 03-10 change starts from the backdated 1200.00, not from 1000.00.
    expect(events[3]!.changes).toEqual([
      { field: 'amount', from: '1200.00', to: '1500.00' },
      { field: 'fields.champion', from: null, to: 'Dana' },
    ]);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && /^[0-9a-f]{64}$/.test(e.prevHash))).toBe(
      true,
    );
  });

  it('exports the timeline the caller may see, one row per event, as CSV and XLSX', async () => {
    const ana = await server.as('ana');
    const csv = await ana.inject({ method: 'GET', url: '/api/opportunities/d1/timeline/export' });
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.headers['content-disposition']).toContain('filename="deal-d1-timeline.csv"');
    const [header = [], ...rows] = readCsvDownload(csv.body);
    expect(header).toEqual([
      'seq',
      'took effect',
      'recorded',
      'event',
      'by',
      'source',
      'import batch',
      'changes',
      'backdated (recorded over 72 h after)',
      'hash',
    ]);
    expect(rows.map((r) => [r[1], r[3], r[8]])).toEqual([
      ['2026-01-05T10:00:00.000Z', 'opportunity.created', 'no'],
      ['2026-02-01T10:00:00.000Z', 'opportunity.changed', 'no'],
      ['2026-02-15T10:00:00.000Z', 'opportunity.changed', 'yes'],
      ['2026-03-10T10:00:00.000Z', 'opportunity.changed', 'no'],
    ]);
    expect(rows[0]?.[7]).toMatch(
      /^name: Acme renewal; accountId: a1; ownerId: u1; amount: 1000\.00; stage: /,
    );
    expect(rows.slice(1).map((r) => r[7])).toEqual([
      'stage: Prospecting → Negotiation/Review; probability: 0.1 → 0.9; forecastCategory: Pipeline → Commit',
      'amount: 1000.00 → 1200.00',
      'amount: 1200.00 → 1500.00; fields.champion: (empty) → Dana',
    ]);
    expect(rows[2]?.[2]).toBe('2026-03-20T10:00:00.000Z');

    const xlsx = await ana.inject({
      method: 'GET',
      url: '/api/opportunities/d1/timeline/export?format=xlsx',
    });
    const sheet = await readXlsxDownload(xlsx, 'Timeline');
    expect(sheet.rowCount).toBe(5);
    const recorded = sheet.getRow(4).getCell(3);
    expect([recorded.value, recorded.numFmt]).toEqual([
      new Date('2026-03-20T10:00:00.000Z'),
      'yyyy-mm-dd hh:mm:ss',
    ]);
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('number');

    // Ben works another team's deals: Ana's timeline is not his to see, as a file or otherwise.
    const ben = await server.as('ben');
    expect((await ben.get('/api/opportunities/d1/timeline/export')).status).toBe(404);
    expect((await get('/api/opportunities/d1/timeline/export?format=pdf')).status).toBe(400);
  });

  it('shows a push of the close date and a loss', async () => {
    const { body } = await get('/api/opportunities/d5/timeline');
    const changes = body.events.map((e: { changes: unknown[] }) => e.changes);
    expect(changes[1]).toEqual([{ field: 'closeDate', from: '2026-03-01', to: '2026-03-20' }]);
    expect(changes[2]).toEqual([
      { field: 'stage', from: 'Prospecting', to: 'Closed Lost' },
      { field: 'probability', from: '0.1', to: '0' },
      { field: 'forecastCategory', from: 'Pipeline', to: 'Omitted' },
      { field: 'closeDate', from: '2026-03-20', to: '2026-03-25' },
      { field: 'isClosed', from: 'false', to: 'true' },
      { field: 'lossReason', from: null, to: 'Price' },
    ]);
  });
});
