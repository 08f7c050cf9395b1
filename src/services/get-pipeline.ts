import type { AccessScope } from '../core/access-scope.js';
import { periodDates } from '../core/fiscal-calendar.js';
import { forecastCategories, type ForecastCategory } from '../core/forecast-category.js';
import { formatMinor } from '../core/money.js';
import { listDeals, summarizePipeline, type DealRow } from '../store/pipeline-queries.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';
import { getOrgContext, type OrgContextReader } from './org-context.js';

export type GetPipelineOptions = {
  period: string;
  /** Null for now (the current state). */
  asOf: Date | null;
  scope: AccessScope;
  includeDeals?: boolean;
  /** Where the org context comes from: an app server's short-lived cache, else read afresh. */
  readOrgContext?: OrgContextReader | undefined;
};

export type PipelineReport = {
  period: string;
  asOf: string | null;
  currency: string;
  closeFrom: string;
  closeTo: string;
  categories: Record<ForecastCategory, { deals: number; amount: string }>;
  /** Deals whose currency had no rate, so their amount is missing from the totals. */
  unconverted: number;
  deals?: (Omit<DealRow, 'amountMinor' | 'corporateAmountMinor'> & {
    amount: string | null;
    corporateAmount: string | null;
  })[];
};

/**
 * The pipeline of deals whose close date falls in a fiscal period, by forecast category, as it
 * stands now or as it stood at `asOf`, within the caller's scope; amounts in the corporate currency.
 */
export async function getPipeline(
  handle: DatabaseHandle,
  options: GetPipelineOptions,
): Promise<PipelineReport> {
  return withConnection(handle, async (conn) => {
    const org = await (options.readOrgContext ?? getOrgContext)(conn);
    const { start, end } = periodDates(org.calendar, options.period);
    const query = {
      closeFrom: start,
      closeTo: end,
      asOf: options.asOf,
      scope: options.scope,
      corporateCurrency: org.settings.corporateCurrency,
    };
    const totals = await summarizePipeline(conn, query);
    const categories = Object.fromEntries(
      forecastCategories.map((category) => {
        const total = totals.find((t) => t.category === category);
        return [
          category,
          { deals: total?.deals ?? 0, amount: formatMinor(total?.amountMinor ?? 0n, org.corporateDecimals) },
        ];
      }),
    ) as PipelineReport['categories'];
    const report: PipelineReport = {
      period: options.period,
      asOf: options.asOf ? options.asOf.toISOString() : null,
      currency: org.settings.corporateCurrency,
      closeFrom: start,
      closeTo: end,
      categories,
      unconverted: totals.reduce((sum, t) => sum + t.unconverted, 0),
    };
    if (options.includeDeals) {
      const { deals } = await listDeals(conn, { ...query, limit: 1_000_000, offset: 0, sort: 'close_date' });
      report.deals = deals.map(({ amountMinor, corporateAmountMinor, ...deal }) => ({
        ...deal,
        amount:
          amountMinor === null
            ? null
            : formatMinor(amountMinor, org.currencies.get(deal.currency)?.decimals ?? 2),
        corporateAmount:
          corporateAmountMinor === null ? null : formatMinor(corporateAmountMinor, org.corporateDecimals),
      }));
    }
    return report;
  });
}
