import type { AccessScope } from '../../core/access-scope.js';
import { dayInZone, periodContaining, periodDates } from '../../core/fiscal-calendar.js';
import { computeAdjustedPipeline } from '../../core/hygiene/compute-adjusted-pipeline.js';
import { computeDealRisk } from '../../core/hygiene/compute-deal-risk.js';
import { groupFlagsByDeal, type HygieneScore } from '../../core/hygiene/compute-hygiene-score.js';
import { computeHygieneScores } from '../../core/hygiene/compute-hygiene-scores.js';
import type { HygieneRuleId, Severity } from '../../core/hygiene/hygiene-rule-id.js';
import { formatMinor } from '../../core/money.js';
import { loadHygienePeople } from '../../store/hygiene-people.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { evaluateHygieneAsOf } from './evaluate-hygiene-as-of.js';
import { computeHygieneForecast, type HygieneForecast } from './compute-hygiene-forecast.js';
import { narrowScope } from './narrow-scope.js';

export type GetHygieneReportOptions = {
  asOf: Date;
  scope: AccessScope;
  teamId?: string | undefined;
  ownerId?: string | undefined;
  /** The fiscal period of the pipeline comparison; default: the quarter containing `asOf`. */
  period?: string | undefined;
  /** Weekly scores going back this many weeks (0: none). */
  trendWeeks: number;
  /** Also Candor's forecast beside its hygiene-adjusted figure. */
  withForecast: boolean;
  clock: () => Date;
};

type Score = {
  score: number | null;
  openDeals: number;
  flaggedDeals: number;
  openValue: string;
  flaggedValue: string;
};
type Totals = Record<'Pipeline' | 'Best Case' | 'Commit', { deals: number; amount: string }>;

export type HygieneReport = {
  asOf: string;
  currency: string;
  flags: {
    deal: string;
    dealName: string;
    owner: string | null;
    ownerName: string | null;
    rule: HygieneRuleId;
    severity: Severity;
    evidence: string;
    since: string;
    amount: string | null;
  }[];
  deals: {
    deal: string;
    dealName: string;
    owner: string | null;
    ownerName: string | null;
    risk: number;
    level: string;
    summary: string;
    amount: string | null;
  }[];
  scores: {
    total: Score;
    owners: (Score & { owner: string; ownerName: string; team: string | null; teamName: string | null })[];
    teams: (Score & { team: string; teamName: string })[];
  };
  pipeline: {
    period: string;
    reported: Totals;
    adjusted: Totals;
    difference: string;
    byRule: { rule: HygieneRuleId; deals: number; amount: string }[];
  };
  trend: { asOf: string; score: number | null }[];
  forecast: HygieneForecast | null;
};

/**
 * Everything the hygiene page and the API show as of a moment, within the caller's scope (cut to
 * one team or owner when asked): flags with names and amounts, deals by risk, scores per owner and
 * team and their trend, and the pipeline as reported beside the hygiene-adjusted one.
 */
export async function getHygieneReport(
  handle: DatabaseHandle,
  options: GetHygieneReportOptions,
): Promise<HygieneReport> {
  const report = await withConnection(handle, async (conn) => {
    const scope = await narrowScope(conn, options.scope, options);
    const evaluation = await evaluateHygieneAsOf(conn, { asOf: options.asOf, scope, alongside: handle });
    const people = await loadHygienePeople(conn);
    const { org } = evaluation;
    const money = (minor: bigint | null) =>
      minor === null ? null : formatMinor(minor, org.corporateDecimals);
    const score = (s: HygieneScore): Score => ({
      score: s.score,
      openDeals: s.openDeals,
      flaggedDeals: s.flaggedDeals,
      openValue: formatMinor(s.openValueMinor, org.corporateDecimals),
      flaggedValue: formatMinor(s.flaggedValueMinor, org.corporateDecimals),
    });
    const flagsByDeal = groupFlagsByDeal(evaluation.flags);
    const byId = new Map(evaluation.deals.map((d) => [d.id, d]));
    const open = evaluation.deals.filter((d) => !d.isClosed);
    const scores = computeHygieneScores(open, flagsByDeal, people);
    const period =
      options.period ??
      periodContaining(org.calendar, dayInZone(options.asOf, org.settings.timeZone), 'quarter');
    const { start, end } = periodDates(org.calendar, period);
    const inPeriod = open.filter((d) => d.closeDate !== null && d.closeDate >= start && d.closeDate < end);
    const adjusted = computeAdjustedPipeline(inPeriod, flagsByDeal);
    const totals = (t: typeof adjusted.reported): Totals => ({
      Pipeline: { deals: t.Pipeline.deals, amount: money(t.Pipeline.amountMinor) ?? '' },
      'Best Case': { deals: t['Best Case'].deals, amount: money(t['Best Case'].amountMinor) ?? '' },
      Commit: { deals: t.Commit.deals, amount: money(t.Commit.amountMinor) ?? '' },
    });
    const sum = (t: typeof adjusted.reported) =>
      t.Pipeline.amountMinor + t['Best Case'].amountMinor + t.Commit.amountMinor;
    const name = (id: string | null) => (id === null ? null : (people.userNames.get(id) ?? id));
    const deals = [...flagsByDeal.entries()]
      .map(([id, flags]) => {
        const deal = byId.get(id);
        const risk = computeDealRisk(flags);
        return {
          deal: id,
          dealName: deal?.name ?? id,
          owner: deal?.ownerId ?? null,
          ownerName: name(deal?.ownerId ?? null),
          risk: risk.points,
          level: risk.level,
          summary: risk.summary,
          amount: money(deal?.corporateAmountMinor ?? null),
          value: deal?.corporateAmountMinor ?? 0n,
        };
      })
      .sort(
        (a, b) =>
          b.risk - a.risk || (b.value > a.value ? 1 : b.value < a.value ? -1 : a.deal.localeCompare(b.deal)),
      )
      .map(({ value: _value, ...rest }) => rest);
    return {
      asOf: options.asOf.toISOString(),
      currency: org.settings.corporateCurrency,
      flags: evaluation.flags.map((f) => ({
        deal: f.dealId,
        dealName: f.dealName,
        owner: f.ownerId,
        ownerName: name(f.ownerId),
        rule: f.rule,
        severity: f.severity,
        evidence: f.evidence,
        since: f.since.toISOString(),
        amount: money(byId.get(f.dealId)?.corporateAmountMinor ?? null),
      })),
      deals,
      scores: {
        total: score(scores.total),
        owners: scores.owners.map((s) => ({
          ...score(s),
          owner: s.ownerId,
          ownerName: name(s.ownerId) ?? s.ownerId,
          team: s.teamId,
          teamName: s.teamId === null ? null : (people.teamNames.get(s.teamId) ?? s.teamId),
        })),
        teams: scores.teams.map((s) => ({
          ...score(s),
          team: s.teamId,
          teamName: people.teamNames.get(s.teamId) ?? s.teamId,
        })),
      },
      pipeline: {
        period,
        reported: totals(adjusted.reported),
        adjusted: totals(adjusted.adjusted),
        difference: formatMinor(sum(adjusted.reported) - sum(adjusted.adjusted), org.corporateDecimals),
        byRule: adjusted.byRule.map((r) => ({
          rule: r.rule,
          deals: r.deals,
          amount: money(r.amountMinor) ?? '',
        })),
      },
      trend: [] as { asOf: string; score: number | null }[],
      scope,
      period,
      flagsByDeal,
      decimals: org.corporateDecimals,
    };
  });
  const trend = [];
  for (let week = options.trendWeeks - 1; week >= 0; week -= 1) {
    const at = new Date(options.asOf.getTime() - week * 7 * 86_400_000);
    if (week === 0) {
      trend.push({ asOf: at.toISOString(), score: report.scores.total.score });
      continue;
    }
    const past = await withConnection(handle, async (conn) => {
      const evaluation = await evaluateHygieneAsOf(conn, { asOf: at, scope: report.scope });
      const open = evaluation.deals.filter((d) => !d.isClosed);
      return computeHygieneScores(open, groupFlagsByDeal(evaluation.flags), {
        ownerTeams: new Map(),
        teamParents: new Map(),
      }).total;
    });
    trend.push({ asOf: at.toISOString(), score: past.score });
  }
  const forecast = options.withForecast
    ? await computeHygieneForecast(handle, {
        period: report.period,
        asOf: options.asOf,
        scope: report.scope,
        flagsByDeal: report.flagsByDeal,
        decimals: report.decimals,
        clock: options.clock,
      })
    : null;
  const { scope: _scope, period: _period, flagsByDeal: _flags, decimals: _decimals, ...rest } = report;
  return { ...rest, trend, forecast };
}
