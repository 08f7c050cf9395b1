import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import { getInsightSummary, type InsightSummaryReport } from '../../services/insights/get-insight-summary.js';
import { openInsightDigestChannels } from '../../services/insights/open-insight-digest-channels.js';
import { sendInsightDigests } from '../../services/insights/send-insight-digests.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type SummaryOptions = CommonOptions & { period: string; segment?: string; team?: string };

export function registerInsightsCommand(program: Command, context: CliContext): void {
  const insights = program.command('insights').description('voice of the customer');
  withCommonOptions(
    insights
      .command('summary')
      .description(
        'competitors, loss reasons, feature requests and service problems of a period, with revenue at stake',
      )
      .requiredOption('--period <period>', 'fiscal quarter (2023-Q2), month (2023-04) or year (2023)')
      .option('--segment <segment>', 'only accounts of this segment')
      .option('--team <teamId>', 'only deals owned in this team and the teams below it'),
  ).action(async (options: SummaryOptions) => {
    const report = await withDatabase(context, options, (handle) =>
      getInsightSummary(handle, {
        period: options.period,
        scope: everything,
        segment: options.segment ?? null,
        teamId: options.team ?? null,
      }),
    );
    if (options.json) printJson(context, report);
    else context.io.stdout(formatSummary(report));
  });
  withCommonOptions(
    insights
      .command('digest')
      .description(
        'send the customer-voice digest of a period to every subscribed team (SMTP_URL for e-mail)',
      )
      .requiredOption('--period <period>', 'fiscal quarter (2023-Q2), month (2023-04) or year (2023)'),
  ).action(async (options: CommonOptions & { period: string }) => {
    const channels = openInsightDigestChannels({
      smtpUrl: context.config.smtpUrl,
      from: context.config.digestFrom,
      clock: context.clock,
    });
    const deliveries = await withDatabase(context, options, (handle) =>
      sendInsightDigests(handle, { period: options.period, channels }),
    );
    if (options.json) printJson(context, { deliveries });
    else {
      const lines = deliveries.map(
        (d) =>
          `${d.ok ? 'sent' : 'FAILED'}  ${d.channel.padEnd(8)}${d.recipient}${d.error ? `  (${d.error})` : ''}`,
      );
      context.io.stdout(`${lines.length > 0 ? lines.join('\n') : 'no subscription to deliver to'}\n`);
    }
    if (deliveries.some((d) => !d.ok)) context.setExitCode(1);
  });
}

function formatSummary(report: InsightSummaryReport): string {
  const lines = [
    `Customer voice for ${report.period} (${report.range.start} to before ${report.range.end}), in ${report.currency}`,
  ];
  const table = (title: string, head: string[], rows: string[][]) => {
    lines.push('', title);
    if (rows.length === 0) {
      lines.push('  none');
      return;
    }
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) =>
      '  ' +
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
    lines.push(line(head));
    for (const row of rows) lines.push(line(row));
  };
  table(
    'Competitors',
    ['competitor', 'won', 'lost', 'win rate', 'open pipeline', 'mentions'],
    report.competitors.map((c) => [
      c.competitor,
      c.won,
      c.lost,
      c.winRate === null ? '–' : `${Math.round(c.winRate * 100)} %`,
      c.open,
      String(c.mentions),
    ]),
  );
  table(
    'Loss reasons',
    ['reason', 'deals', 'lost value'],
    report.lossReasons.map((l) => [l.reason, String(l.deals), l.lost]),
  );
  table(
    'Feature requests',
    ['request', 'requests', 'accounts', 'open deals', 'open pipeline'],
    report.featureRequests.map((f) => [
      f.topic,
      String(f.requests),
      String(f.accounts),
      String(f.openDeals),
      f.open,
    ]),
  );
  table(
    'Service and billing problems',
    ['problem', 'reports', 'accounts', 'severity', 'open pipeline'],
    report.serviceProblems.map((s) => [
      s.topic,
      String(s.reports),
      String(s.accounts),
      s.highestSeverity,
      s.open,
    ]),
  );
  table(
    'Trend',
    ['period', 'insights', 'lost deals', 'lost value', 'lost to competition'],
    report.trends.map((t) => [
      t.period,
      String(Object.values(t.counts).reduce((a, b) => a + b, 0)),
      String(t.lostDeals),
      t.lost,
      t.lostToCompetition,
    ]),
  );
  if (report.lostWithoutReason > 0) {
    lines.push('', `${report.lostWithoutReason} deal(s) lost in the period have no loss reason`);
  }
  return `${lines.join('\n')}\n`;
}
