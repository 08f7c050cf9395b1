import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DealHygieneResponse, HygieneReportResponse } from '../../src/api/hygiene.js';
import type { OpportunityDetailResponse } from '../../src/api/opportunity-detail.js';
import type { OpportunityListResponse } from '../../src/api/opportunity-list.js';
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

const signedOutProbe = { status: 401, path: '/api/session' };

describe.skipIf(chromiumPath === null)(
  chromiumPath ? 'pipeline hygiene in Chromium' : noChromiumMessage,
  () => {
    let server: DemoServer;
    let browser: Browser;
    let page: Page;
    let watch: PageWatch;

    const demo = useDemoBrowser();
    beforeAll(() => {
      ({ server, browser, page, watch } = demo);
    });

    const api = async <T>(path: string): Promise<T> =>
      (await page.request.get(new URL(path, server.url).toString())).json() as Promise<T>;

    it('shows a manager the deal inspection: risk, flags with evidence, chart and days in stage', async () => {
      await signIn(page, server.url, server.emailOf('manager'));
      const report = await api<HygieneReportResponse>('/api/hygiene?trendWeeks=0');
      const riskiest = report.deals[0];
      expect(riskiest).toBeDefined();
      const id = riskiest?.deal ?? '';
      const hygiene = await api<DealHygieneResponse>(`/api/hygiene/deals/${id}`);
      await page.goto(new URL(`/deals/${id}`, server.url).toString());
      const section = page.getByTestId('deal-hygiene');
      await section.getByRole('heading', { name: 'Inspection' }).waitFor();
      await section.getByTestId('risk-level').waitFor();
      expect(await section.getByTestId('risk-level').textContent()).toBe(`${hygiene.risk.level} risk`);
      for (const flag of hygiene.flags) await section.getByText(flag.evidence, { exact: true }).waitFor();
      await section.locator('canvas').first().waitFor();
      expect(await section.locator('table.hygiene-stays tbody tr').count()).toBe(hygiene.stays.length);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'hygiene-deal-inspection-1280');
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    });

    it('refuses in the UI to move a deal into a stage whose required fields are missing', async () => {
      const list = await api<OpportunityListResponse>('/api/opportunities?category=Pipeline&limit=100');
      let target: OpportunityDetailResponse | null = null;
      for (const item of list.items) {
        const deal = await api<OpportunityDetailResponse>(`/api/opportunities/${item.id}`);
        if (!deal.fields.economicBuyer && deal.nextStep) {
          target = deal;
          break;
        }
      }
      expect(target).not.toBeNull();
      const deal = target as OpportunityDetailResponse;
      watch.reset();
      await page.goto(new URL(`/deals/${deal.id}`, server.url).toString());
      await page.getByRole('heading', { level: 1, name: deal.name }).waitFor();
      await page.getByRole('button', { name: `Edit stage of ${deal.name}` }).click();
      await page
        .getByRole('combobox', { name: `New stage of ${deal.name}` })
        .selectOption('Negotiation/Review');
      await page.getByRole('button', { name: `Save stage of ${deal.name}` }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(/^The stage Negotiation\/Review needs: Economic buyer\./);
      await screenshot(page, 'hygiene-stage-refused-1280');
      // Refused at the door: nothing changed.
      expect((await api<OpportunityDetailResponse>(`/api/opportunities/${deal.id}`)).stage).toBe(deal.stage);
      expect(
        watch.unexpected([signedOutProbe, { status: 422, path: `/api/opportunities/${deal.id}` }]),
      ).toEqual([]);
    });

    it('lists the team’s deals by risk on the inspection page, with the score and the adjusted pipeline', async () => {
      watch.reset();
      await page.getByRole('link', { name: 'Inspection' }).click();
      await page.getByRole('heading', { level: 1, name: 'Deal inspection' }).waitFor();
      await page.getByTestId('inspection-table').waitFor();
      await page.getByTestId('adjusted-pipeline').waitFor();
      const score = await page.getByTestId('hygiene-score').textContent();
      expect(score).toMatch(/^\d+\.\d \/ 100$/);
      expect(await page.getByTestId('inspection-table').locator('tbody tr').count()).toBeGreaterThan(0);
      const csv = page.getByRole('link', { name: 'Export deals by risk as CSV' });
      expect(await csv.getAttribute('href')).toMatch(
        /^\/api\/hygiene\/inspection\/export\?period=.+&format=csv$/,
      );
      expect(
        await page.getByRole('link', { name: 'Export hygiene flags as XLSX' }).getAttribute('href'),
      ).toMatch(/^\/api\/hygiene\/export\?/);
      await screenshot(page, 'hygiene-inspection-1280');
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    });

    it('lets the admin change a rule on the Hygiene rules tab', async () => {
      await browser.context.clearCookies();
      watch.reset();
      await signIn(page, server.url, server.emailOf('admin'));
      await page.goto(new URL('/admin?tab=hygiene', server.url).toString());
      const form = page.getByRole('form', { name: 'amount-swing' });
      await form.waitFor();
      await form.getByRole('combobox').selectOption('medium');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('Saved amount-swing.').waitFor();
      const rules = await api<{ rules: { rule: string; severity: string }[] }>('/api/admin/hygiene-rules');
      expect(rules.rules.find((r) => r.rule === 'amount-swing')?.severity).toBe('medium');
      await screenshot(page, 'hygiene-admin-rules-1280');
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    });
  },
);
