import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import {
  getLeadingInsight,
  type LeadingInsightReport,
} from '../../services/scorecards/get-leading-insight.js';
import { getScorecards } from '../../services/scorecards/get-scorecards.js';
import type { ReportCard, ScorecardsReport } from '../../services/scorecards/scorecard-report.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type ScorecardOptions = CommonOptions & { period: string; team?: string; owner?: string; insight?: boolean };

export function registerScorecardCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('scorecard')
      .description(
        'scorecards of reps and teams for a period: each indicator against its target, with status and trend',
      )
      .requiredOption('--period <period>', 'fiscal quarter (2023-Q2), month (2023-04) or week (2023-W14)')
      .option('--team <id>', 'only this team, the teams below it and their people')
      .option('--owner <id>', 'only this person')
      .option('--insight', 'also: which leading indicators early in past quarters went with attainment'),
  ).action(async (options: ScorecardOptions) => {
    const now = context.clock();
    const result = await withDatabase(context, options, async (handle) => {
      const report = await getScorecards(handle, {
        period: options.period,
        teamId: options.team,
        ownerId: options.owner,
        scope: everything,
        now,
      });
      const insight = options.insight
        ? await getLeadingInsight(handle, {
            period: options.period,
            teamId: options.team,
            scope: everything,
            now,
          })
        : null;
      return { report, insight };
    });
    if (options.json)
      printJson(context, result.insight ? { ...result.report, insight: result.insight } : result.report);
    else context.io.stdout(formatReport(result.report, result.insight));
  });
}

const statusMark = {
  'on-track': 'on track',
  'at-risk': 'AT RISK',
  'off-track': 'OFF TRACK',
  'no-target': '—',
};

function formatReport(report: ScorecardsReport, insight: LeadingInsightReport | null): string {
  const lines = [
    `Scorecards for ${report.period} (${report.periodStart} to before ${report.periodEnd}), ` +
      `${Math.round(report.elapsedShare * 100)} % of the period gone, in ${report.currency}`,
    report.statusRule,
  ];
  for (const card of [...report.teams, ...report.people]) lines.push('', ...formatCard(card));
  if (report.teams.length + report.people.length === 0) lines.push('', 'No reps or teams to show.');
  if (insight) {
    lines.push(
      '',
      `Leading indicators (${insight.quarters.join(', ') || 'no completed quarters'}):`,
      insight.summary,
    );
    for (const item of insight.indicators) lines.push(`  ${item.statement}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatCard(card: ReportCard): string[] {
  const title =
    card.subjectType === 'team' ? `Team ${card.path.join(' / ')}` : `${card.name} (${card.path.join(', ')})`;
  const attainment =
    card.attainment === null ? 'no quota' : `${(card.attainment * 100).toFixed(1)} % of ${card.quota}`;
  const lines = [`${title}: bookings ${card.bookings}, ${attainment} — ${statusMark[card.status]}`];
  for (const indicator of card.indicators) {
    if (indicator.key === 'bookings') continue;
    const value = show(indicator.value, indicator.unit);
    const target = indicator.target === null ? '' : ` (target ${show(indicator.target, indicator.unit)})`;
    lines.push(
      `  ${indicator.label.padEnd(22)}${value.padStart(14)}${target.padEnd(26)} ${statusMark[indicator.status]}`,
    );
  }
  return lines;
}

function show(value: string | number | null, unit: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (unit === 'share') return `${(value * 100).toFixed(1)} %`;
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
