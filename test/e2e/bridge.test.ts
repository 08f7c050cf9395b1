import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  noChromiumMessage,
  screenshot,
  screenshotDir,
  signIn,
  useDemoBrowser,
  type DemoServer,
  type PageWatch,
} from './browser-harness.js';

/** The last whole quarter before today, the one a board would ask about. */
function lastQuarter(now: Date): string {
  const quarter = Math.floor(now.getUTCMonth() / 3);
  return quarter === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${quarter}`;
}

describe.skipIf(chromiumPath === null)(
  chromiumPath ? 'the bridge page in Chromium' : noChromiumMessage,
  () => {
    let server: DemoServer;
    let page: Page;
    let watch: PageWatch;
    const period = lastQuarter(new Date());

    const demo = useDemoBrowser();
    beforeAll(async () => {
      ({ server, page, watch } = demo);
      await signIn(page, server.url, server.emailOf('executive'));
      // The signed-out session check before signing in answers 401 on purpose.
      watch.reset();
    });

    it('shows the waterfall, the account and the steps, and a figure opens its deals', async () => {
      await page.getByRole('link', { name: 'Bridge', exact: true }).click();
      await page.goto(new URL(`/bridge?period=${period}`, server.url).toString());
      await page.getByRole('heading', { name: `Bridge ${period}` }).waitFor();
      const account = page.getByTestId('bridge-account');
      await account.waitFor();
      expect(await account.innerText()).toContain(`The ${period} pipeline went from`);
      await page.locator('.bridge-chart canvas').first().waitFor();
      await screenshot(page, 'bridge-page');
      const csv = page.getByRole('link', { name: 'Export the deal movements behind the steps as CSV' });
      expect(await csv.getAttribute('href')).toBe(`/api/bridge/export?period=${period}&format=csv`);
      // The first figure of the account is the pipeline open at the start: its deals open below.
      await account.locator('.figure-link').first().click();
      const deals = page.getByTestId('bridge-deals');
      await deals.waitFor();
      expect(await deals.locator('tbody tr').count()).toBeGreaterThan(0);
      await deals.scrollIntoViewIfNeeded();
      await screenshot(page, 'bridge-deals');
      const first = deals.locator('a.deal-link').first();
      const name = await first.innerText();
      await first.click();
      await page.getByRole('heading', { name }).waitFor();
      expect(watch.unexpected([])).toEqual([]);
    }, 180_000);

    it('groups by team and serves the board pack with the chain head', async () => {
      await page.goto(new URL(`/bridge?period=${period}`, server.url).toString());
      await page.getByLabel('Group by').selectOption('team');
      await page.getByRole('heading', { name: 'By team' }).waitFor();
      await page.getByRole('heading', { name: 'By team' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'bridge-by-team');
      const pack = await page.request.get(new URL(`/api/boardpack?period=${period}`, server.url).toString());
      expect(pack.status()).toBe(200);
      expect(pack.headers()['content-type']).toContain('text/html');
      const head = await page.request.get(new URL('/api/ledger/head', server.url).toString());
      const ledger = (await head.json()) as { length: string; head: string };
      expect(await pack.text()).toContain(`data-chain-head="${ledger.head}"`);
      // The pack's waterfall, as a reader sees it: labels under the bars must not run into each other.
      await page.goto(new URL(`/api/boardpack?period=${period}`, server.url).toString());
      const waterfall = page.locator('svg').first();
      await waterfall.scrollIntoViewIfNeeded();
      await waterfall.screenshot({ path: join(screenshotDir, 'boardpack-waterfall.png') });
      expect(watch.unexpected([])).toEqual([]);
    }, 180_000);
  },
);
