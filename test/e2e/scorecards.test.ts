import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuotaReportResponse } from '../../src/api/quotas.js';
import type { ScorecardReport } from '../../src/api/scorecards.js';
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

describe.skipIf(chromiumPath === null)(
  chromiumPath ? 'scorecards and quotas in Chromium' : noChromiumMessage,
  () => {
    let server: DemoServer;
    let browser: Browser;
    let page: Page;
    let watch: PageWatch;

    const demo = useDemoBrowser();
    beforeAll(() => {
      ({ server, browser, page, watch } = demo);
    });

    /**
     * Opens the activities behind the card's first activity count (when, type, subject, deal: one
     * click away), checks they are all listed, then follows the card's bookings figure to the deals
     * list and returns that page's address.
     */
    async function openActivitiesThenDeals(
      card: Locator,
      team: ScorecardReport['teams'][number] | undefined,
    ): Promise<URL> {
      const counted = team?.indicators.find((i) => i.activityCount > 0);
      expect(counted).toBeDefined();
      await card.getByRole('button', { name: counted?.label ?? '' }).click();
      const activities = card.getByRole('table', { name: /behind this figure$/ });
      await activities.locator('tbody tr').first().waitFor();
      expect(await activities.locator('tbody tr').count()).toBe(counted?.activityIds.length);
      await activities.scrollIntoViewIfNeeded();
      await screenshot(page, 'scorecards-activities-open');
      await card.locator('.scorecard-big').click();
      await page.waitForURL(/\/deals\?/);
      return new URL(page.url());
    }

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
      const url = await openActivitiesThenDeals(card, team);
      expect(url.searchParams.get('team')).toBe(team?.subjectId);
      expect(url.searchParams.getAll('category')).toEqual(['Closed']);
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    }, 180_000);

    it("shows a month's and a week's cards inside the quarter, with stage conversion and the week's deals", async () => {
      await page.goto(new URL('/scorecards', server.url).toString());
      const quarter =
        (await page.getByRole('heading', { level: 1, name: /^Scorecards / }).textContent())?.replace(
          'Scorecards ',
          '',
        ) ?? '';
      const quarterReport = await api<ScorecardReport>(`/api/scorecards?period=${quarter}`);
      const picker = page.getByRole('group', { name: 'Scorecards for' });

      // Month: the month of the quarter holding today, as the API computes it.
      await picker.getByRole('button', { name: 'Month' }).click();
      await page.getByRole('heading', { level: 1, name: /^Scorecards \d{4}-\d{2}$/ }).waitFor();
      const month = await page.getByLabel('Month').inputValue();
      expect(new URL(page.url()).searchParams.get('span')).toBe(month);
      const monthOptions = await page.getByLabel('Month').locator('option').allTextContents();
      expect(monthOptions).toHaveLength(3);
      const monthReport = await api<ScorecardReport>(`/api/scorecards?period=${month}`);
      expect(monthReport.periodStart >= quarterReport.periodStart).toBe(true);
      expect(monthReport.periodEnd <= quarterReport.periodEnd).toBe(true);
      await expect
        .poll(() => page.locator('.scorecard').count())
        .toBe(monthReport.teams.length + monthReport.people.length);
      await expect
        .poll(() => page.locator('.page-subtitle').textContent())
        .toContain(`${Math.round(monthReport.elapsedShare * 100)} % of the month gone`);

      // Week: every fiscal week of the quarter is offered, named as the server names them.
      await picker.getByRole('button', { name: 'Week' }).click();
      await page.getByRole('heading', { level: 1, name: /^Scorecards \d{4}-W\d{2}$/ }).waitFor();
      const weekOptions = await page
        .getByLabel('Week')
        .locator('option')
        .evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''));
      expect(weekOptions.length).toBeGreaterThanOrEqual(13);
      expect(weekOptions.length).toBeLessThanOrEqual(15);
      const firstWeek = await api<ScorecardReport>(`/api/scorecards?period=${weekOptions[0] ?? ''}`);
      const lastWeek = await api<ScorecardReport>(`/api/scorecards?period=${weekOptions.at(-1) ?? ''}`);
      expect(firstWeek.periodStart <= quarterReport.periodStart).toBe(true);
      expect(firstWeek.periodEnd > quarterReport.periodStart).toBe(true);
      expect(lastWeek.periodStart < quarterReport.periodEnd).toBe(true);
      expect(lastWeek.periodEnd >= quarterReport.periodEnd).toBe(true);

      // Pick the week of the quarter in which the most deals entered a stage, and read its cards.
      const weeks = await Promise.all(
        weekOptions.map((w) => api<ScorecardReport>(`/api/scorecards?period=${w}`)),
      );
      const entered = (r: ScorecardReport) =>
        r.teams[0]?.conversions.reduce((sum, c) => sum + c.entered, 0) ?? 0;
      const busiest = weeks.reduce((best, r) => (entered(r) > entered(best) ? r : best));
      await page.getByLabel('Week').selectOption(busiest.period);
      await page.getByRole('heading', { level: 1, name: `Scorecards ${busiest.period}` }).waitFor();
      const team = busiest.teams[0];
      const card = page.getByTestId(`scorecard-team-${team?.subjectId ?? ''}`);
      await expect.poll(() => card.locator('.scorecard-big').textContent()).not.toBe(null);
      await screenshot(page, 'scorecards-week-top-1280');
      // Stage conversion on the card, as the API computes it, each stage's deals one click away.
      const rows = card.locator('.conversion-row');
      expect(await rows.count()).toBe(team?.conversions.length);
      for (const [index, conversion] of (team?.conversions ?? []).entries()) {
        const cells = await rows.nth(index).locator('th, td').allTextContents();
        expect(cells).toEqual([
          conversion.stage,
          String(conversion.entered),
          String(conversion.advanced),
          conversion.rate === null ? '—' : `${Math.round(conversion.rate * 100)} %`,
        ]);
      }
      const stage = team?.conversions.find((c) => c.entered > 0);
      expect(stage).toBeDefined();
      await card
        .getByRole('button', {
          name: `${stage?.entered} ${stage?.entered === 1 ? 'deal' : 'deals'} entered ${stage?.stage}`,
        })
        .click();
      expect(await card.locator('.deal-chip').allTextContents()).toEqual(stage?.dealIds.slice(0, 12));
      await screenshot(page, 'scorecards-week-1280');

      // The week's bookings open the deals list on that week's close dates, in the quarter.
      const url = await openActivitiesThenDeals(card, team);
      expect(
        Object.fromEntries(
          ['period', 'close', 'from', 'to', 'team'].map((k) => [k, url.searchParams.get(k)]),
        ),
      ).toEqual({
        period: quarter,
        close: 'range',
        from: busiest.periodStart,
        to: busiest.periodEnd,
        team: team?.subjectId,
      });
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    }, 300_000);

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
