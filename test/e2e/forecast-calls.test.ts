import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWebApp,
  chromiumPath,
  noChromiumMessage,
  openBrowser,
  screenshot,
  signIn,
  startDemoServer,
  watchPage,
  type Browser,
  type DemoServer,
  type PageWatch,
} from './browser-harness.js';

const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});

async function openForecast(page: Page, baseUrl: string): Promise<void> {
  await page.goto(new URL('/forecast', baseUrl).toString());
  await page.getByRole('heading', { name: /^Forecast / }).waitFor();
  await page.getByRole('table').first().waitFor();
}

describe.skipIf(chromiumPath === null)(
  chromiumPath ? 'forecast calls in Chromium' : noChromiumMessage,
  () => {
    let server: DemoServer;
    let browser: Browser;
    let page: Page;
    let watch: PageWatch;
    let submitted = '';

    beforeAll(async () => {
      buildWebApp();
      server = await startDemoServer();
      browser = await openBrowser(chromiumPath ?? '');
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      watch = watchPage(page, server.url.replace(/\/$/, ''));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lets a rep submit a call at the roll-up, and refuses one far from it without a reason', async () => {
      await signIn(page, server.url, server.emailOf('rep'));
      await openForecast(page, server.url);
      const form = page.getByRole('form', { name: 'Submit your call' });
      const commit = form.getByLabel('Commit (USD)');
      // A call at the rep's roll-up (Closed + Commit, and Closed + Commit + Best Case) needs no
      // reason. The form starts there, or at the rep's latest call when the demo already has one.
      const rollup = /Your roll-up: commit \$([\d,]+) \(Closed \+ Commit\), best case \$([\d,]+)/.exec(
        (await form.textContent()) ?? '',
      );
      expect(rollup).not.toBeNull();
      const [commitRollup, bestRollup] = [rollup?.[1], rollup?.[2]].map(
        (v) => `${(v ?? '').replace(/,/g, '')}.00`,
      );
      await commit.fill(commitRollup ?? '');
      await form.getByLabel('Best case (USD)').fill(bestRollup ?? '');
      submitted = await commit.inputValue();
      expect(submitted).toMatch(/^\d+\.\d{2}$/);
      await form.getByLabel('Note (optional)').fill('Two deals in legal review');
      await form.getByRole('button', { name: 'Submit call' }).click();
      await expect
        .poll(() => form.getByRole('status').textContent())
        .toMatch(/^Call recorded for week \d+: /);
      const row = page.getByRole('row', { name: new RegExp(server.nameOf('rep')) });
      await expect
        .poll(() => row.getByRole('cell').nth(1).textContent())
        .toBe(dollars.format(Number(submitted)));
      await screenshot(page, 'forecast-rep-submitted-1280');

      // Twice the roll-up and 50,000 more: the form asks for a reason; sent without one, the
      // server refuses readably.
      const far = String(Math.round(Number(submitted) * 2 + 50_000));
      await commit.fill(far);
      await form.getByLabel('Best case (USD)').fill(far);
      await expect
        .poll(() => form.getByText('Reason (required: this call is far from the roll-up)').isVisible())
        .toBe(true);
      await form.getByRole('button', { name: 'Submit call' }).click();
      await expect
        .poll(() => form.getByRole('alert').textContent())
        .toMatch(
          /^This call differs from the roll-up of the deals by more than 10 %: write a reason\. reason: commit \d+\.\d{2} USD against a roll-up of /,
        );
      await screenshot(page, 'forecast-rep-refused-1280');
      // Signed out, the app first asks who is signed in and is told 401: expected.
      expect(
        watch.unexpected([
          { status: 422, path: '/api/calls' },
          { status: 401, path: '/api/session' },
        ]),
      ).toEqual([]);
    }, 240_000);

    it("shows the manager the rep's call in the grid, with its history one click away", async () => {
      await browser.context.clearCookies();
      watch.reset();
      await signIn(page, server.url, server.emailOf('manager'));
      await openForecast(page, server.url);
      const row = page.getByRole('row', { name: new RegExp(server.nameOf('rep')) });
      await expect
        .poll(() => row.getByRole('cell').nth(1).textContent())
        .toBe(dollars.format(Number(submitted)));
      await expect
        .poll(() => page.getByTestId('missing-calls').textContent())
        .not.toContain(server.nameOf('rep'));
      await screenshot(page, 'forecast-manager-grid-1280');
      expect(
        await page.getByRole('link', { name: 'Export the call grid as CSV' }).getAttribute('href'),
      ).toMatch(/^\/api\/calls\/grid\/export\?period=.+&format=csv$/);
      await row.getByRole('button', { name: /^History of / }).click();
      await expect
        .poll(() =>
          page.getByRole('heading', { name: `${server.nameOf('rep')}: calls week by week` }).isVisible(),
        )
        .toBe(true);
      await page.getByRole('img', { name: /^Weekly calls of / }).scrollIntoViewIfNeeded();
      await screenshot(page, 'forecast-manager-history-1280');
      expect(watch.unexpected([{ status: 401, path: '/api/session' }])).toEqual([]);
    }, 240_000);

    it('shows track records on the Accuracy page', async () => {
      watch.reset();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accuracy' }).click();
      await page.getByRole('heading', { name: 'Forecast accuracy' }).waitFor();
      const table = page.getByRole('region', { name: 'Track records', exact: true }).getByRole('table');
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBeGreaterThan(2);
      await expect
        .poll(() => table.getByRole('row', { name: new RegExp(server.nameOf('rep')) }).isVisible())
        .toBe(true);
      await page.locator('.call-history-chart canvas').first().waitFor();
      await screenshot(page, 'accuracy-manager-1280');
      expect(
        await page.getByRole('link', { name: 'Export the track records as XLSX' }).getAttribute('href'),
      ).toBe('/api/calls/track-records/export?format=xlsx');
      // The manager's team: its call (the manager's) beside the sum of its members' calls.
      const teams = page.getByTestId('team-records');
      await teams.waitFor();
      const teamCells = await teams.getByRole('row').nth(1).getByRole('cell').allTextContents();
      expect(teamCells[1]).toBe(server.nameOf('manager'));
      expect(teamCells[3]).toMatch(/^-?\d+ %$/);
      expect(teamCells[4]).toMatch(/^-?\d+ %$/);
      await teams.scrollIntoViewIfNeeded();
      await screenshot(page, 'accuracy-manager-teams-1280');
      // A manager reads a subtree, not the organisation: no backtest is offered or asked for.
      expect(await page.getByRole('region', { name: 'Backtest' }).count()).toBe(0);
      expect(watch.unexpected([])).toEqual([]);
    }, 120_000);

    it('shows the executive the backtest and the calibration chart on the Accuracy page', async () => {
      await browser.context.clearCookies();
      watch.reset();
      await signIn(page, server.url, server.emailOf('executive'));
      await page.goto(new URL('/accuracy', server.url).toString());
      // The backtest runs only when asked: it holds the server for seconds.
      await page.getByRole('button', { name: 'Run the backtest' }).click();
      const summary = page.getByTestId('backtest-summary');
      // The first request replays the demo's ledger week by week: seconds, not milliseconds.
      await summary.waitFor({ timeout: 120_000 });
      const candor = summary.getByTestId('backtest-candor');
      const cells = await candor.getByRole('cell').allTextContents();
      expect(cells[0]).toBe("Candor's forecast");
      // WAPE, bias, ±10 %, coverage as percentages; Brier as a score.
      expect(cells.slice(1, 5).every((c) => /^[−+]?\d+(\.\d)? %$/.test(c))).toBe(true);
      expect(cells[5]).toMatch(/^0\.\d{3}$/);
      expect(await summary.getByTestId('backtest-stage-weighted').isVisible()).toBe(true);
      expect(
        await page
          .getByRole('link', { name: 'Export the backtest, week by week as CSV' })
          .getAttribute('href'),
      ).toBe('/api/backtest/export?format=csv');
      const chart = page.getByRole('img', { name: /^Calibration of win probabilities/ });
      await chart.scrollIntoViewIfNeeded();
      await page.locator('.call-history-chart canvas').last().waitFor();
      await screenshot(page, 'accuracy-executive-backtest-1280');
      expect(watch.unexpected([{ status: 401, path: '/api/session' }])).toEqual([]);
    }, 240_000);
  },
);
