import { describe, expect, it } from 'vitest';
import { accountToText } from './account-text.js';
import { attributeCallGap } from './attribute-call-gap.js';
import { history, quarter, quarterInput } from './bridge.test-support.js';
import { computeBridge } from './compute-bridge.js';
import { narrateBridge } from './narrate-bridge.js';

const input = quarterInput(quarter);
const bridge = computeBridge(input);
const nextPeriod = { period: '2023-Q3', openMinor: 30_000n, dealIds: ['B'] };

describe('narrateBridge', () => {
  const paragraphs = narrateBridge({ bridge, callGap: null, decimals: 2, periodOver: true, nextPeriod });
  const text = accountToText(paragraphs);

  it('states the size of the change from the start to the end', () => {
    // 500.00 at the start, 445.00 at the end: a fall of 55.00, 11% of 500.00.
    expect(text).toContain(
      'The 2023-Q2 pipeline went from USD 500 open at the start to USD 445 at the end: USD 120 won in 1 deal and USD 325 left open past the period in 7 deals. That is a fall of USD 55, 11% of the start.',
    );
  });

  it('names the biggest movements with their deals, owners and team', () => {
    expect(text).toContain(
      'The biggest movement: lost, −USD 70 across 1 deal, led by Deal E (Ada Quill, −USD 70).',
    );
    expect(text).toContain(
      'Next: slipped out of the period, −USD 60 across 2 deals, led by Deal B (Ada Quill, −USD 50) and Deal I (Ada Quill, −USD 10); 2 of them, −USD 60, in East.',
    );
  });

  it('says what drove the result', () => {
    // Out: lost 70 + slipped 60 + omitted 25 + decreased 30 = 185; in: 30 + 50 + 25 + 25 = 130.
    expect(text).toContain('Losses outweighed gains: USD 185 went out');
    expect(text).toContain('while USD 130 came in');
    expect(text).toContain(
      'The main drag was lost deals (USD 70); the main source of growth was deals pulled in from other periods (USD 50).',
    );
    expect(text).toContain('What was won equals 24% of the pipeline open at the start (USD 120 of USD 500).');
  });

  it('judges whether it will continue on the leading signals', () => {
    expect(text).toContain(
      'Leading signals: 3 close-date pushes on 3 deals of the period; USD 30 of new pipeline against USD 130 slipped or lost; 2023-Q3 has USD 300 open, 60% of what 2023-Q2 started with.',
    );
    expect(text).toContain('3 of 3 signals point to the pattern continuing, so more of the same is likely');
  });

  it('links every figure to the deals behind it', () => {
    const figures = paragraphs.flat().filter((f) => /USD/.test(f.text) && f.deals);
    const start = figures.find((f) => f.text === 'USD 500');
    expect(start?.deals).toEqual(['A', 'B', 'E', 'F', 'G', 'H', 'I', 'K']);
    const slipped = paragraphs.flat().find((f) => f.text === '−USD 60');
    expect(slipped?.deals).toEqual(['B', 'I']);
    const pushes = paragraphs.flat().find((f) => f.text === '3 close-date pushes');
    expect(pushes?.deals).toEqual(['B', 'I', 'K']);
  });

  it('against a call, states the miss and what it rested on', () => {
    const withCall = accountToText(
      narrateBridge({
        bridge,
        callGap: attributeCallGap(input, 25_000n),
        decimals: 2,
        periodOver: true,
        nextPeriod: null,
      }),
    );
    expect(withCall).toContain(
      'We missed the call of USD 250 by USD 31: USD 219 closed in 2023-Q2, 88% of the call.',
    );
    expect(withCall).toContain(
      'The call was USD 29 below the USD 279 of Commit and closed deals behind it at the time.',
    );
    expect(withCall).toContain(
      'The biggest movement: commit deals still open, −USD 80 across 1 deal, led by Deal H (Ada Quill, −USD 80).',
    );
    expect(withCall).toContain('2 of 2 signals point to the pattern continuing');
  });

  it('says so when nothing points to the pattern continuing', () => {
    const calm = computeBridge(
      quarterInput(history('C', [['2023-04-15T00:00:00Z', { amountMinor: 3_000n }]])),
    );
    const calmText = accountToText(
      narrateBridge({ bridge: calm, callGap: null, decimals: 2, periodOver: false, nextPeriod: null }),
    );
    expect(calmText).toContain('The 2023-Q2 pipeline went from USD 0 open at the start to USD 30 at the end');
    expect(calmText).toContain('None of the 2 signals points to the pattern continuing.');
    expect(calmText).toContain('USD 30 is still open with the period under way.');
  });
});
