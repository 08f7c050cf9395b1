import type { AccessScope } from '../../core/access-scope.js';
import { isDomainError } from '../../core/domain-error.js';
import type { HygieneFlag } from '../../core/hygiene/hygiene-flag.js';
import { hygieneRuleIds, type HygieneRuleId } from '../../core/hygiene/hygiene-rule-id.js';
import { formatMinor, parseAmount } from '../../core/money.js';
import type { DatabaseHandle } from '../../store/session.js';
import { getForecast } from '../forecast/get-forecast.js';

export type HygieneForecast =
  | {
      available: true;
      period: string;
      /** Candor's expected bookings for the period, as it forecasts them. */
      expected: string;
      /** The same without what stale deals (a high-severity flag) contribute from the open pipeline. */
      adjustedExpected: string;
      byRule: { rule: HygieneRuleId; deals: number; expected: string }[];
    }
  | { available: false; period: string; reason: string };

/**
 * Candor's forecast beside its hygiene-adjusted figure: expected bookings minus the expected value
 * the forecast gives each stale open deal (probability × amount), attributed like the pipeline
 * difference to the deal's first high-severity rule. Only the expected value is adjusted: the
 * P10–P90 range comes from a simulation that cannot be re-run without those deals here.
 */
export async function computeHygieneForecast(
  handle: DatabaseHandle,
  options: {
    period: string;
    asOf: Date;
    scope: AccessScope;
    flagsByDeal: ReadonlyMap<string, readonly HygieneFlag[]>;
    decimals: number;
    clock: () => Date;
  },
): Promise<HygieneForecast> {
  let report;
  try {
    report = await getForecast(handle, {
      period: options.period,
      asOf: options.asOf,
      scope: options.scope,
      clock: options.clock,
      includeDeals: true,
    });
  } catch (error) {
    if (isDomainError(error)) return { available: false, period: options.period, reason: error.message };
    throw error;
  }
  const toMinor = (text: string) => parseAmount(text, options.decimals)?.minor ?? 0n;
  const removed = new Map<HygieneRuleId, { deals: number; minor: bigint }>();
  let total = 0n;
  for (const deal of report.deals) {
    const high = (options.flagsByDeal.get(deal.id) ?? [])
      .filter((f) => f.severity === 'high')
      .map((f) => f.rule);
    const rule = hygieneRuleIds.find((id) => high.includes(id));
    if (rule === undefined) continue;
    const minor = toMinor(deal.expected);
    total += minor;
    const part = removed.get(rule) ?? { deals: 0, minor: 0n };
    removed.set(rule, { deals: part.deals + 1, minor: part.minor + minor });
  }
  return {
    available: true,
    period: report.period,
    expected: report.expected,
    adjustedExpected: formatMinor(toMinor(report.expected) - total, options.decimals),
    byRule: hygieneRuleIds.flatMap((rule) => {
      const part = removed.get(rule);
      return part ? [{ rule, deals: part.deals, expected: formatMinor(part.minor, options.decimals) }] : [];
    }),
  };
}
