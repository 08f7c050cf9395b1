import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineResponse } from '../../src/api/pipeline.js';
import type { SessionInfo } from '../../src/api/session.js';
import {
  chromiumPath,
  noChromiumMessage,
  screenshot,
  signIn,
  useDemoBrowser,
  type Browser,
  type DemoServer,
  type PageWatch,
} from './browser-harness.js';

/** Before signing in, the app asks who is signed in and is told 401: that is the expected answer. */
const signedOutProbe = { status: 401, path: '/api/session' };

/** The quarter the pipeline page shows, from its heading ("Pipeline 2026-Q4"). */
async function shownPeriod(page: Page): Promise<string> {
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  return heading?.replace('Pipeline ', '') ?? '';
}

/**
 * The deal counts and sums the pipeline page shows, read from the page itself. The table loads 300
 * deals a page as it scrolls, so it is scrolled to the end until every deal is loaded and its sum
 * is the whole sum; only the rows on screen are in the DOM, so the owners are collected on the way.
 */
async function readPipeline(page: Page) {
  const allCard = page.getByTestId('card-all');
  const table = page.getByLabel('Deal table, scrolls');
  await page.getByTestId('deal-total').waitFor();
  const owners = new Map<string, string>();
  for (let step = 0; step < 500; step += 1) {
    const rows = await page
      .locator('tbody tr[data-deal-id]')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-deal-id') ?? '',
          tr.querySelector('td.col-owner')?.textContent ?? '',
        ]),
      );
    for (const [id, owner] of rows) owners.set(id ?? '', owner ?? '');
    const summary = await page.locator('.summary-sum').textContent();
    const atEnd = await table.evaluate((e) => e.scrollTop + e.clientHeight >= e.scrollHeight - 2);
    if (summary?.startsWith('Total') && atEnd) break;
    await table.evaluate((e) => {
      e.scrollTop += e.clientHeight;
    });
    await page.waitForTimeout(30);
  }
  return {
    cardDeals: Number(await allCard.getByTestId('card-deals').textContent()),
    cardAmount: await allCard.locator('[data-exact]').getAttribute('data-exact'),
    tableDeals: Number((await page.getByTestId('deal-total').textContent())?.replace(/,/g, '')),
    tableSum: await page.getByTestId('deal-sum').getAttribute('data-exact'),
    summary: await page.locator('.summary-sum').textContent(),
    owners: [...owners.values()],
  };
}

describe.skipIf(chromiumPath === null)(
  chromiumPath ? 'the web app, per role, in Chromium' : noChromiumMessage,
  () => {
    let server: DemoServer;
    let browser: Browser;
    let page: Page;
    let watch: PageWatch;
    const counts: Record<string, number> = {};

    const demo = useDemoBrowser();
    beforeAll(() => {
      ({ server, browser, page, watch } = demo);
    });

    async function session(): Promise<SessionInfo> {
      return (await page.request.get(new URL('/api/session', server.url).toString())).json();
    }

    it('shows the sign-in page with the demo banner and no inline code, and refuses a wrong password readably', async () => {
      await page.goto(server.url);
      await page.waitForURL(/\/sign-in\?next=/);
      await expect.poll(() => page.getByText('Demo organisation', { exact: true }).isVisible()).toBe(true);
      expect(await page.locator('.sign-in-org').textContent()).toBe('Demo Org — sample data DEMO');
      await screenshot(page, 'sign-in-1280');
      await page.getByLabel('E-mail').fill(server.emailOf('rep'));
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('That e-mail and password do not match an active account.');
      const html = await (await page.request.get(server.url)).text();
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)|<style|style=/i);
      expect(watch.unexpected([signedOutProbe, { status: 401, path: '/api/auth/sign-in' }])).toEqual([]);
    });

    for (const role of ['admin', 'executive', 'manager', 'rep'] as const) {
      it(`signs in as the demo ${role}: the scope in words, and deal counts that add up`, async () => {
        await browser.context.clearCookies();
        watch.reset();
        await signIn(page, server.url, server.emailOf(role));
        const me = await session();
        const scopeText = await page.getByTestId('scope-description').textContent();
        expect(scopeText).toBe(me.scope.description);
        if (role === 'admin' || role === 'executive') {
          expect(scopeText).toBe('Everything: every deal in the organisation');
        }
        if (role === 'rep') expect(scopeText).toBe('Your own deals');
        if (role === 'manager') expect(scopeText).toMatch(/^Your deals and those of .+ \(\d+ people\)$/);

        const shown = await readPipeline(page);
        expect(shown.summary).toMatch(/^Total: /);
        const period = await shownPeriod(page);
        const api: PipelineResponse = await (
          await page.request.get(new URL(`/api/pipeline?period=${period}`, server.url).toString())
        ).json();
        const apiDeals = Object.values(api.categories).reduce((sum, total) => sum + total.deals, 0);
        expect(shown.cardDeals).toBe(apiDeals);
        expect(shown.tableDeals).toBe(apiDeals);
        expect(shown.owners).toHaveLength(apiDeals);
        // The cards' total equals the sum over the deals listed under them, to the cent.
        expect(shown.tableSum).toBe(shown.cardAmount);
        if (role === 'rep') expect(new Set(shown.owners)).toEqual(new Set([me.user.name]));
        counts[role] = apiDeals;

        const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
        expect(nav).toEqual(
          role === 'admin'
            ? [
                'Pipeline',
                'Deals',
                'Scorecards',
                'Forecast',
                'Accuracy',
                'Bridge',
                'Inspection',
                'Voice',
                'Engagement',
                'Audit',
                'Imports',
                'Admin',
              ]
            : [
                'Pipeline',
                'Deals',
                'Scorecards',
                'Forecast',
                'Accuracy',
                'Bridge',
                'Inspection',
                'Voice',
                'Engagement',
                'Audit',
              ],
        );
        await screenshot(page, `pipeline-${role}-1280`);
        expect(watch.unexpected([signedOutProbe])).toEqual([]);
      });
    }

    it('cuts the counts to each scope: rep within manager within everything', () => {
      expect(counts.admin).toBe(counts.executive);
      expect(counts.rep).toBeGreaterThan(0);
      expect(counts.rep).toBeLessThan(counts.manager ?? 0);
      expect(counts.manager).toBeLessThan(counts.executive ?? 0);
    });

    it('turns every page into history with an as-of day, with edits off, and back to now', async () => {
      await browser.context.clearCookies();
      await signIn(page, server.url, server.emailOf('manager'));
      const period = await shownPeriod(page);
      const nowDeals = Number(await page.getByTestId('card-all').getByTestId('card-deals').textContent());
      // Six weeks back: the demo's history is generated up to today, so the quarter looked different then.
      const asOf = new Date(Date.now() - 42 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('As of').fill(asOf);
      await page.getByText(/^Viewing history as of \d{1,2} \w+ \d{4}$/).waitFor();
      expect(new URL(page.url()).searchParams.get('asOf')).toBe(asOf);
      const api: PipelineResponse = await (
        await page.request.get(new URL(`/api/pipeline?period=${period}&asOf=${asOf}`, server.url).toString())
      ).json();
      const thenDeals = Object.values(api.categories).reduce((sum, total) => sum + total.deals, 0);
      await expect
        .poll(async () => Number(await page.getByTestId('card-all').getByTestId('card-deals').textContent()))
        .toBe(thenDeals);
      expect(thenDeals).not.toBe(nowDeals);
      expect(await page.locator('tbody .cell-edit').count()).toBe(0);
      await page.getByRole('link', { name: 'Deals', exact: true }).click();
      await page.getByText(/^Viewing history as of /).waitFor();
      expect(new URL(page.url()).searchParams.get('asOf')).toBe(asOf);
      await screenshot(page, 'deals-history-manager-1280');
      await page.getByRole('button', { name: 'Back to now' }).click();
      await expect.poll(() => page.getByText(/Viewing history/).count()).toBe(0);
      await expect.poll(() => page.locator('tbody .cell-edit').count()).toBeGreaterThan(0);
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    });

    it('reads at phone width: the navigation folds away and the deal table scrolls sideways', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(new URL('/pipeline', server.url).toString());
      await page.getByTestId('deal-total').waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      await screenshot(page, 'pipeline-manager-390');
      await page.getByRole('button', { name: 'Menu' }).click();
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
      await screenshot(page, 'menu-open-390');
      const table = page.getByLabel('Deal table, scrolls');
      const widths = await table.evaluate((element) => [element.scrollWidth, element.clientWidth]);
      expect(widths[0]).toBeGreaterThan(widths[1] ?? 0);
      const pageWidth = await page.evaluate('document.documentElement.scrollWidth');
      expect(pageWidth).toBeLessThanOrEqual(390);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    });

    it('loads nothing from anywhere but its own server', () => {
      expect(watch.offOrigin).toEqual([]);
    });
  },
);
