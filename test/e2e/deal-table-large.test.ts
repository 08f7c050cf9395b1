import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunityListResponse } from '../../src/api/opportunity-list.js';
import { loadConfig } from '../../src/config.js';
import { withTransaction } from '../../src/db/connection.js';
import { openDatabase } from '../../src/db/open-database.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { createDemoOrganisation, demoPassword } from '../../src/services/create-demo-organisation.js';
import { appendEvents } from '../../src/store/append-events.js';
import { dealCreated } from '../helpers/sample-events.js';
import {
  buildWebApp,
  chromiumPath,
  noChromiumMessage,
  openBrowser,
  screenshot,
  signIn,
  watchPage,
  type Browser,
  type PageWatch,
} from './browser-harness.js';

const extraDeals = 20_000;

describe.skipIf(chromiumPath === null)(
  chromiumPath
    ? `the deal table with ${extraDeals.toLocaleString('en-US')} more deals, in Chromium`
    : noChromiumMessage,
  () => {
    let dataDir: string;
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let watch: PageWatch;
    let executive = '';

    beforeAll(async () => {
      buildWebApp();
      // The demo organisation plus 20,000 deals appended through the store, in one transaction.
      dataDir = mkdtempSync(join(tmpdir(), 'candor-e2e-large-'));
      const handle = await openDatabase({ dataDir });
      try {
        const demo = await createDemoOrganisation(handle, { now: new Date() });
        executive = demo.signIns.find((p) => p.role === 'executive')?.email ?? '';
        const owner = demo.signIns.find((p) => p.role === 'rep')?.userId ?? null;
        const deals = Array.from({ length: extraDeals }, (_, i) =>
          dealCreated(`large-${i}`, '2026-01-05T10:00:00Z', {
            name: `Volume deal ${String(i).padStart(5, '0')}`,
            ownerId: owner,
            // Amounts 1.00 to 20,000.00 (a deal's number in cents times 100), none equal.
            amountMinor: BigInt((i + 1) * 100),
            closeDate: `2027-0${1 + (i % 9)}-15`,
          }),
        );
        await withTransaction(handle, (conn) =>
          appendEvents(conn, deals, { recordedTime: new Date('2026-01-05T10:00:00Z') }),
        );
      } finally {
        await handle.close();
      }
      const config = loadConfig({ CANDOR_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
      server = await startServer({ config, clock: () => new Date(), host: '127.0.0.1', port: 0 });
      browser = await openBrowser(chromiumPath ?? '');
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      watch = watchPage(page, server.url.replace(/\/$/, ''));
    }, 600_000); // building the app and appending 20,000 deals take a while on a busy machine
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    const api = async <T>(path: string): Promise<T> =>
      (await page.request.get(new URL(path, server.url).toString())).json() as Promise<T>;
    const table = () => page.getByLabel('Deal table, scrolls');
    const renderedRows = () => page.locator('tbody tr[data-deal-id]').count();

    it('scrolls through the list with only the rows on screen in the page', async () => {
      await signIn(page, server.url, executive, demoPassword);
      await page.goto(new URL('/deals?close=any&q=Volume%20deal&sort=name', server.url).toString());
      await page.locator('tbody tr[data-deal-id="large-0"]').waitFor();
      expect(await page.getByTestId('deal-total').textContent()).toBe('20,000');
      // Scroll to the end of what is loaded, again and again: each time the next page of 300 is
      // fetched, while the page keeps only a screenful of rows.
      const lastRendered = async () =>
        Number(
          ((await page.locator('tbody tr[data-deal-id]').last().getAttribute('data-deal-id')) ?? '').replace(
            'large-',
            '',
          ),
        );
      let previous = -1;
      for (let step = 0; step < 8; step += 1) {
        await table().evaluate((element) => {
          element.scrollTop = element.scrollHeight;
        });
        await expect.poll(lastRendered).toBeGreaterThan(previous);
        previous = await lastRendered();
        expect(await renderedRows()).toBeLessThan(120);
      }
      // Deals sorted by name: after eight pages the rows reach well past the first thousand.
      const last = (await page.locator('tbody tr[data-deal-id]').last().getAttribute('data-deal-id')) ?? '';
      expect(Number(last.replace('large-', ''))).toBeGreaterThanOrEqual(1_000);
      await screenshot(page, 'deals-large-scrolled-1280');
    });

    it('sorts the whole list by amount on the server, largest first', async () => {
      await page.goto(new URL('/deals?close=any&q=Volume%20deal', server.url).toString());
      await page.locator('tbody tr[data-deal-id]').first().waitFor();
      const amount = page.getByRole('button', { name: /^Amount/ });
      await amount.click(); // ascending
      await expect
        .poll(() => page.locator('tbody tr[data-deal-id]').first().getAttribute('data-deal-id'))
        .toBe('large-0');
      await amount.click(); // descending
      await expect
        .poll(() => page.locator('tbody tr[data-deal-id]').first().getAttribute('data-deal-id'))
        .toBe(`large-${extraDeals - 1}`);
      const listed = await api<OpportunityListResponse>(
        '/api/opportunities?search=Volume%20deal&sort=amount&order=desc&limit=3',
      );
      expect(listed.items.map((d) => [d.id, d.amount])).toEqual([
        ['large-19999', '20000.00'],
        ['large-19998', '19999.00'],
        ['large-19997', '19998.00'],
      ]);
      expect(await page.locator('tbody tr[data-deal-id]').first().innerText()).toContain('20,000');
      expect(await renderedRows()).toBeLessThan(120);
      await screenshot(page, 'deals-large-by-amount-1280');
      // The app asks for its session before signing in: that 401 is expected.
      expect(watch.unexpected([{ status: 401, path: '/api/session' }])).toEqual([]);
    });
  },
);
