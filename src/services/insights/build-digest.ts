import type { AccessScope } from '../../core/access-scope.js';
import { periodInstants } from '../../core/fiscal-calendar.js';
import type { InsightType } from '../../core/insights/insight.js';
import type { Digest } from '../../core/insights/render-digest.js';
import { listInsights } from '../../store/insight-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import { getInsightSummary, resolveFilter } from './get-insight-summary.js';

export type BuildDigestOptions = {
  title: string;
  period: string;
  scope: AccessScope;
  segment?: string | null;
  teamId?: string | null;
  /** The insight types the reader wants; all when empty. */
  types: readonly InsightType[];
};

/**
 * A digest for one reader: the summary's revenue-at-stake figures and the insights captured in the
 * period, of the chosen types and segment, within the reader's scope.
 */
export async function buildDigest(handle: DatabaseHandle, options: BuildDigestOptions): Promise<Digest> {
  const summary = await getInsightSummary(handle, { ...options, trendPeriods: 1 });
  const wants = (type: InsightType) => options.types.length === 0 || options.types.includes(type);
  const insights = await withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const filter = await resolveFilter(conn, options);
    const { start, end } = periodInstants(org.calendar, options.period);
    return listInsights(conn, { ...filter, capturedFrom: start, capturedTo: end, types: options.types });
  });
  return {
    title: options.title,
    period: summary.period,
    currency: summary.currency,
    competitors: wants('competitor-mention') || wants('loss-reason') ? summary.competitors : [],
    lossReasons: wants('loss-reason') ? summary.lossReasons : [],
    featureRequests: wants('feature-request') ? summary.featureRequests : [],
    serviceProblems: wants('service-problem') ? summary.serviceProblems : [],
    insights,
  };
}
