import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaReportResponse } from '../../src/api/quotas.js';
import type { ScorecardReport } from '../../src/api/scorecards.js';
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

/** Before signing in, the app asks who is signed in and is told 401: that is the expected answer. */
const signedOutProbe = { status: 401, path: '/api/session' };

describe.skipIf(chromiumPath === null)(
  chromiumPath ? 'scorecards and quotas in Chromium' : noChromiumMessage,
  () => {
    let server: DemoServer;
    let browser: Browser;
    let page: Page;
    let watch: PageWatch;

    beforeAll(async () => {
      buildWebApp();
      server = await startDemoServer();
      browser = await openBrowser(chromiumPath ?? '');
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      watch = watchPage(page, server.url.replace(/\/$/, ''));
      // Building the web app and generating the demo organisation take minutes on a busy machine.
    }, 600_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const api = async <T>(path: string): Promise<T> =>
      (await page.request.get(new URL(path, server.url).toString())).json() as Promise<T>;

    it("shows a manager the team's and each rep's card, as the API computes them, one click from the deals", async () => {
      await signIn(page, server.url, server.emailOf('manager'));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecards' }).click();
      const heading = await page.getByRole('heading', { level: 1, name: /^Scorecards / }).textContent();
      const period = heading?.replace('Scorecards ', '') ?? '';
      await page.locator('.scorecard').first().waitFor();
      const report = await api<ScorecardReport>(`/api/scorecards?period=${period}`);
      expect(report.teams.length).toBeGreaterThan(0);
      expect(report.people.length).toBeGreaterThan(2);
      expect(await page.locator('.scorecard').count()).toBe(report.teams.length + report.people.length);
      const team = report.teams[0];
      const card = page.getByTestId(`scorecard-team-${team?.subjectId ?? ''}`);
      expect(await card.locator('.status-pill').textContent()).toBe(
        { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'no-target': 'No target' }[
          team?.status ?? 'no-target'
        ],
      );
      // Every rep of the demo has a quota, so every rep card says how much of it is booked.
      expect(report.people.every((p) => p.quota !== null)).toBe(true);
      await page.getByText('What early activity went with making the number').waitFor();
      await page.locator('.insight-summary').waitFor();
      await screenshot(page, 'scorecards-manager-1280');
      // The deals behind an indicator, one click away.
      await card.getByRole('button', { name: 'Win rate' }).click();
      const firstDeal = card.locator('.deal-chip').first();
      if ((team?.indicators.find((i) => i.key === 'win_rate')?.dealIds.length ?? 0) > 0) {
        await firstDeal.waitFor();
        await screenshot(page, 'scorecards-card-open');
      }
      await card.locator('.scorecard-big').click();
      await page.waitForURL(/\/deals\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('team')).toBe(team?.subjectId);
      expect(url.searchParams.getAll('category')).toEqual(['Closed']);
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    }, 180_000);

    it('lets the admin set a team quota and see its difference from the sum of its people', async () => {
      // Leave the deals page first: signed out, its queries would be answered 401.
      await page.goto('about:blank');
      await browser.context.clearCookies();
      watch.reset();
      await signIn(page, server.url, server.emailOf('admin'));
      await page.goto(new URL('/admin?tab=quotas', server.url).toString());
      await page.getByRole('heading', { name: 'Teams' }).waitFor();
      const period = await page.getByLabel('Period').inputValue();
      const before = await api<QuotaReportResponse>(`/api/quotas?period=${period}`);
      const frontLine = before.teams.find((t) => t.own === null && t.membersWithQuota > 0);
      expect(frontLine).toBeDefined();
      const row = page.getByTestId(`quota-team-${frontLine?.teamId ?? ''}`);
      const own = (Number(frontLine?.membersSum) + 25_000).toFixed(2);
      await row.getByRole('textbox').fill(own);
      await row.getByRole('textbox').press('Enter');
      await page.getByText('Saved in the ledger.').waitFor();
      await expect.poll(() => row.locator('td').nth(2).textContent()).toMatch(/25,000/);
      const after = await api<QuotaReportResponse>(`/api/quotas?period=${period}`);
      expect(after.teams.find((t) => t.teamId === frontLine?.teamId)).toMatchObject({
        own,
        difference: '25000.00',
      });
      await screenshot(page, 'admin-quotas-1280');
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    }, 180_000);
  },
);
