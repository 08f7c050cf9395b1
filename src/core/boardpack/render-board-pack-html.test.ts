import { describe, expect, it } from 'vitest';
import type { BoardPackData } from './board-pack-data.js';
import { renderBoardPackHtml } from './render-board-pack-html.js';

const pack: BoardPackData = {
  organisation: 'Acme <Sales> & Co',
  isDemo: false,
  period: '2023-Q2',
  from: '2023-04-01T00:00:00.000Z',
  to: '2023-07-01T00:00:00.000Z',
  builtAt: '2023-07-02T08:00:00.000Z',
  currency: 'USD',
  scope: 'the whole organisation',
  number: {
    status: 'ok',
    data: { won: '1200.00', wonDeals: 3, target: '1000.00', targetSource: 'quota of Sales', open: '50.00' },
  },
  calls: { status: 'absent', reason: 'Nobody made a forecast call for 2023-Q2.' },
  accuracy: { status: 'absent', reason: 'No scored calls yet.' },
  bridge: {
    start: '1000.00',
    won: '1200.00',
    open: '50.00',
    end: '1250.00',
    steps: [
      {
        label: 'Newly created',
        amount: '250.00',
        moves: 1,
        top: [{ name: 'Globex', owner: 'Ada', amount: '250.00', change: 'created' }],
      },
      { label: 'Lost', amount: '0.00', moves: 0, top: [] },
    ],
    account: ['The 2023-Q2 pipeline went from USD 1,000 to USD 1,250.'],
    waterfallSvg: '<svg width="10" height="10"></svg>',
  },
  scorecards: { status: 'absent', reason: 'Not available: no scorecards.' },
  hygiene: { status: 'absent', reason: 'Not available: no hygiene rules.' },
  risks: [],
  ledger: { length: '4211', head: 'ab'.repeat(32) },
};

describe('renderBoardPackHtml', () => {
  const html = renderBoardPackHtml(pack);

  it('carries the ledger chain head and length it was built from', () => {
    expect(html).toContain(`data-chain-length="4211"`);
    expect(html).toContain(`data-chain-head="${'ab'.repeat(32)}"`);
    expect(html).toContain('candor verify');
  });

  it('shows the number against target with the attainment and the gap', () => {
    expect(html).toContain('1,200.00 USD');
    expect(html).toContain('120%');
    expect(html).toContain('ahead by 200.00 USD');
  });

  it('states plainly what is absent', () => {
    expect(html).toContain('Nobody made a forecast call for 2023-Q2.');
    expect(html).toContain('Not available: no hygiene rules.');
    expect(html).toContain('No open Commit deal closing in 2023-Q2 has had its close date pushed.');
  });

  it('lists only the steps that moved, with their largest deals', () => {
    expect(html).toContain('<td>Newly created</td><td class="num rise">250.00 USD</td>');
    expect(html).not.toContain('<td>Lost</td>');
  });

  it('escapes names and needs nothing from outside', () => {
    expect(html).toContain('Acme &lt;Sales&gt; &amp; Co');
    expect(html).not.toMatch(/<script|<link|(src|href)=["']?https?:/i);
  });
});
