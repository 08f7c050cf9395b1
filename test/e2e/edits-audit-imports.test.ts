import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHeadResponse } from '../../src/api/health.js';
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
  chromiumPath ? 'editing, audit and imports in Chromium' : noChromiumMessage,
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

    /** The first entry of the deal page's timeline (newest first). */
    const latestEvent = (): Promise<string> => page.getByTestId('timeline').locator('li').first().innerText();

    it('lets the rep change an amount in the table, and the change shows in the deal timeline', async () => {
      await signIn(page, server.url, server.emailOf('rep'));
      const repName = server.nameOf('rep');
      // The demo rep's deals of every quarter, latest close first; the first row's (a rep may hold
      // several deals of one name, so the row's own controls are used).
      await page.goto(new URL('/deals?close=any&order=desc', server.url).toString());
      const firstRow = page.locator('tbody tr[data-deal-id]').first();
      await firstRow.waitFor();
      const id = (await firstRow.getAttribute('data-deal-id')) ?? '';
      const name = (await firstRow.locator('.deal-link').textContent()) ?? '';
      await firstRow.getByRole('button', { name: `Edit amount of ${name}` }).click();
      await firstRow.getByRole('textbox', { name: `New amount of ${name}` }).fill('123,456.78');
      await page.keyboard.press('Enter');
      await expect
        .poll(
          async () =>
            (await page
              .locator(`tbody tr[data-deal-id="${id}"]`)
              .getByRole('button', { name: `Edit amount of ${name}` })
              .textContent()) ?? '',
        )
        .toMatch(/123,457/);
      const deal = await api<OpportunityDetailResponse>(`/api/opportunities/${id}`);
      expect(deal.amount).toBe('123456.78');
      await screenshot(page, 'deals-rep-edited-1280');

      // The export links carry the table's filters; the file holds the edited deal.
      const csvHref = (await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '';
      expect(csvHref).toBe('/api/opportunities/export?sort=closeDate&order=desc&format=csv');
      const csv = await page.request.get(new URL(csvHref, server.url).toString());
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain(name);

      await page.locator(`tbody tr[data-deal-id="${id}"] .deal-link`).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const entry = await latestEvent();
      expect(entry).toContain(`Changed\nby ${repName} (you) · ui`);
      expect(entry).toMatch(/\nAmount\t\S+→\S*123,457$/);

      // And on the deal page itself: the next step, guarded by the deal's last sequence number.
      await page.getByRole('button', { name: `Edit next step of ${name}` }).click();
      await page
        .getByRole('textbox', { name: `New next step of ${name}` })
        .fill('Ask why we lost, for the win-loss review');
      await page.getByRole('button', { name: `Save next step of ${name}` }).click();
      await expect
        .poll(() => page.getByTestId('deal-next-step').textContent())
        .toBe('Ask why we lost, for the win-loss review');
      await expect
        .poll(latestEvent)
        .toMatch(/\nNext step\t(.+→)?Ask why we lost, for the win-loss review(\n|$)/);
      await screenshot(page, 'deal-page-rep-1280');
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    });

    it('asks the manager for the fields a stage requires, right in the editor, and saves them with the stage', async () => {
      await browser.context.clearCookies();
      await signIn(page, server.url, server.emailOf('manager'));
      // An open deal of the team that lacks an economic buyer, which Negotiation/Review requires.
      const list = await api<OpportunityListResponse>('/api/opportunities?category=Pipeline&limit=100');
      let target: OpportunityDetailResponse | null = null;
      for (const item of list.items) {
        const deal = await api<OpportunityDetailResponse>(`/api/opportunities/${item.id}`);
        if (!deal.fields.economicBuyer) {
          target = deal;
          break;
        }
      }
      expect(target).not.toBeNull();
      const deal = target as OpportunityDetailResponse;
      watch.reset();
      await page.goto(new URL(`/deals/${deal.id}`, server.url).toString());
      await page.getByRole('heading', { level: 1, name: deal.name }).waitFor();

      await page.getByRole('button', { name: `Edit next step of ${deal.name}` }).click();
      await page
        .getByRole('textbox', { name: `New next step of ${deal.name}` })
        .fill('Meet the CFO on Tuesday');
      await page.getByRole('button', { name: `Save next step of ${deal.name}` }).click();
      await expect
        .poll(() => page.getByTestId('deal-next-step').textContent())
        .toBe('Meet the CFO on Tuesday');

      await page.getByRole('button', { name: `Edit stage of ${deal.name}` }).click();
      await page
        .getByRole('combobox', { name: `New stage of ${deal.name}` })
        .selectOption('Negotiation/Review');
      await page.getByRole('button', { name: `Save stage of ${deal.name}` }).click();
      const refusal = page.getByRole('alert');
      await expect
        .poll(() => refusal.textContent())
        .toMatch(/^The stage Negotiation\/Review needs: Economic buyer\./);
      await screenshot(page, 'deal-stage-requirements-1280');
      await page.getByRole('textbox', { name: 'Economic buyer' }).fill('Dana Price, CFO');
      if (deal.nextStep === null)
        await page.getByRole('textbox', { name: 'Next step', exact: true }).fill('Send the order form');
      await page.getByRole('button', { name: `Save stage of ${deal.name}` }).click();
      await expect.poll(() => page.getByTestId('deal-stage').textContent()).toBe('Negotiation/Review');
      await page
        .getByRole('region', { name: 'Supporting information' })
        .getByText('Dana Price, CFO')
        .waitFor();
      const entry = await latestEvent();
      expect(entry).toMatch(/\nStage\t.+→Negotiation\/Review\n/);
      expect(entry).toContain('\nEconomic buyer\tDana Price, CFO');
      await screenshot(page, 'deal-page-manager-1280');
      expect(
        watch.unexpected([signedOutProbe, { status: 422, path: `/api/opportunities/${deal.id}` }]),
      ).toEqual([]);
    });

    it('runs a verification for the admin and shows the chain intact', async () => {
      await browser.context.clearCookies();
      watch.reset();
      await signIn(page, server.url, server.emailOf('admin'));
      await page.getByRole('link', { name: 'Audit' }).click();
      const head = await api<LedgerHeadResponse>('/api/ledger/head');
      await expect
        .poll(() => page.getByTestId('chain-length').textContent())
        .toBe(Number(head.length).toLocaleString('en-US'));
      await page.getByRole('button', { name: 'Run verification' }).click();
      const result = page.getByTestId('verify-result');
      await result.waitFor({ timeout: 60_000 });
      expect(await result.getByRole('status').innerText()).toContain('Ledger intact');
      expect(await result.innerText()).toContain(head.head);
      // The run just made can be downloaded with the others.
      expect(
        await page.getByRole('link', { name: 'Export recent verifications as CSV' }).getAttribute('href'),
      ).toBe('/api/ledger/verifications/export?format=csv');
      await screenshot(page, 'audit-verified-admin-1280');
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    });

    it('imports a CSV with bad rows, lands the good one and lists the rejects with their reasons', async () => {
      await page.getByRole('link', { name: 'Imports' }).click();
      await page.getByLabel('A CSV file with a column mapping').check();
      const rep = server.nameOf('rep');
      const csv = [
        'Deal ID,Deal Name,Owner,Stage,Value,Close,Created',
        `E2E-1,Imported good deal,${rep},Prospecting,1000,2026-12-15,2026-11-01`,
        `E2E-2,Imported bad amount,${rep},Prospecting,12x34,2026-12-15,2026-11-01`,
        `E2E-3,Imported bad date,${rep},Prospecting,500,2026-02-30,2026-11-01`,
        '',
      ].join('\n');
      const mapping = {
        entity: 'opportunities',
        source: 'e2e',
        idPrefix: 'e2e:',
        fields: {
          id: 'Deal ID',
          name: 'Deal Name',
          ownerId: { column: 'Owner', lookup: 'user' },
          stage: 'Stage',
          amount: 'Value',
          closeDate: 'Close',
          createdAt: 'Created',
        },
      };
      await page
        .getByLabel('CSV file', { exact: true })
        .setInputFiles({ name: 'e2e-deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByLabel('Mapping file (.json)').setInputFiles({
        name: 'e2e.mapping.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(mapping)),
      });
      await page.getByLabel(/^Skip invalid rows/).check();
      await page.getByRole('button', { name: 'Upload and import' }).click();
      const job = page.getByTestId('import-job');
      await job.getByText('Imported', { exact: true }).waitFor({ timeout: 60_000 });
      expect(await job.getByRole('status').first().innerText()).toMatch(/2 rows were rejected and skipped/);
      const rows = await page.getByTestId('rejects-table').locator('tbody tr').allInnerTexts();
      expect(rows).toEqual([
        'e2e-deals.csv\t3\tValue\t12x34\texpected a decimal number such as 1234.50',
        'e2e-deals.csv\t4\tClose\t2026-02-30\tnot a real calendar date',
      ]);
      await screenshot(page, 'imports-result-admin-1280');
      const href =
        (await page.getByRole('link', { name: 'Download rejects (CSV)' }).getAttribute('href')) ?? '';
      const download = await page.request.get(new URL(href, server.url).toString());
      expect(download.status()).toBe(200);
      expect(await download.text()).toContain('not a real calendar date');
      const imported = await api<OpportunityListResponse>('/api/opportunities?search=Imported&limit=10');
      expect(imported.items.map((d) => d.name)).toEqual(['Imported good deal']);
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
    });

    it('saves a stage change on the admin page and says so', async () => {
      await page.getByRole('link', { name: 'Admin' }).click();
      await page.getByRole('tab', { name: 'Users & roles' }).waitFor();
      await page
        .getByRole('cell', { name: server.nameOf('manager') })
        .first()
        .waitFor();
      await screenshot(page, 'admin-users-1280');
      await page.getByRole('tab', { name: 'Stages' }).click();
      const prospecting = page.getByRole('form', { name: 'Stage Prospecting' });
      await prospecting.getByLabel('Probability %').fill('15');
      await prospecting.getByRole('button', { name: 'Save' }).click();
      await prospecting.getByText('Saved Prospecting.').waitFor();
      const stages = await api<{ stages: { name: string; probability: number }[] }>('/api/admin/stages');
      expect(stages.stages.find((s) => s.name === 'Prospecting')?.probability).toBe(0.15);
      await screenshot(page, 'admin-stages-1280');
      expect(watch.unexpected([signedOutProbe])).toEqual([]);
      expect(watch.offOrigin).toEqual([]);
    });
  },
);
