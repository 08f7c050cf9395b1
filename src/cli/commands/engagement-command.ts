import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import {
  getEngagementPlan,
  type EngagementPlanReport,
} from '../../services/engagement/get-engagement-plan.js';
import {
  getEngagementReport,
  type EngagementReportView,
} from '../../services/engagement/get-engagement-report.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type PeriodOptions = CommonOptions & { period: string };

export function registerEngagementCommand(program: Command, context: CliContext): void {
  const engagement = program.command('engagement').description('executive engagement on strategic accounts');
  withCommonOptions(
    engagement
      .command('plan')
      .description(
        'the strategic accounts with their sponsors, the business reviews due in a period and coverage',
      )
      .requiredOption('--period <period>', 'fiscal quarter (2023-Q3), month or year'),
  ).action(async (options: PeriodOptions) => {
    const plan = await withDatabase(context, options, (handle) =>
      getEngagementPlan(handle, { period: options.period, scope: everything, now: context.clock() }),
    );
    if (options.json) printJson(context, plan);
    else context.io.stdout(formatPlan(plan));
  });
  withCommonOptions(
    engagement
      .command('report')
      .description(
        'planned against fire-drill executive meetings per sponsor and period, and the deals afterwards',
      )
      .requiredOption('--period <period>', 'the last of the four periods reported'),
  ).action(async (options: PeriodOptions) => {
    const report = await withDatabase(context, options, (handle) =>
      getEngagementReport(handle, { period: options.period, scope: everything }),
    );
    if (options.json) printJson(context, report);
    else context.io.stdout(formatReport(report));
  });
}

function formatPlan(plan: EngagementPlanReport): string {
  const c = plan.coverage;
  const lines = [
    `Executive programme for ${plan.period} (scored on ${plan.scoringPeriods.join(', ')}), in ${plan.currency}`,
    `Critical subset: ${plan.settings.selection === 'top' ? `top ${plan.settings.topN}` : `score ${plan.settings.minScore} or more`}`,
    '',
    `Coverage: ${c.planned} of ${c.due} accounts due have a review planned or held` +
      (c.coverage01 === null ? '' : ` (${Math.round(c.coverage01 * 100)} %)`) +
      `; ${c.held} held, ${c.overdue} overdue, ${c.withoutSponsor} without a sponsor`,
    '',
    `  ${'account'.padEnd(28)}${'score'.padStart(7)}${'won'.padStart(14)}${'open'.padStart(14)}  ${'sponsor'.padEnd(20)}${'cadence'.padEnd(12)}${'due'.padEnd(12)}status`,
  ];
  for (const a of plan.accounts) {
    lines.push(
      `  ${a.name.slice(0, 27).padEnd(28)}${a.score.toFixed(2).padStart(7)}${a.won.padStart(14)}${a.openPipeline.padStart(14)}  ${(a.sponsorName ?? '— none —').padEnd(20)}${a.cadence.padEnd(12)}${(a.dueDays.join(' ') || '—').padEnd(12)}${a.status}`,
    );
  }
  if (plan.accounts.length === 0) lines.push('  no account is critical');
  return `${lines.join('\n')}\n`;
}

function formatReport(report: EngagementReportView): string {
  const share = report.fireDrillShare === null ? '–' : `${Math.round(report.fireDrillShare * 100)} %`;
  const lines = [
    `Executive meetings held in ${report.periods.join(', ')} (fire drill: unplanned, an executive, a deal closing within ${report.fireDrillDays} days)`,
    `Planned ${report.total.planned}, fire drills ${report.total.fireDrill} (${share}), other unplanned ${report.total.unplanned}`,
    '',
    `  ${'executive'.padEnd(24)}${'planned'.padStart(9)}${'fire drill'.padStart(12)}${'unplanned'.padStart(11)}`,
  ];
  for (const s of report.bySponsor) {
    lines.push(
      `  ${(s.name ?? '(no executive)').padEnd(24)}${String(s.planned).padStart(9)}${String(s.fireDrill).padStart(12)}${String(s.unplanned).padStart(11)}`,
    );
  }
  lines.push(
    '',
    `  ${'period'.padEnd(24)}${'planned'.padStart(9)}${'fire drill'.padStart(12)}${'unplanned'.padStart(11)}`,
  );
  for (const p of report.byPeriod) {
    lines.push(
      `  ${p.period.padEnd(24)}${String(p.planned).padStart(9)}${String(p.fireDrill).padStart(12)}${String(p.unplanned).padStart(11)}`,
    );
  }
  lines.push('', `Deals afterwards (${report.currency}):`);
  for (const [label, o] of [
    ['planned', report.afterwards.planned],
    ['fire drill', report.afterwards.fireDrill],
  ] as const) {
    lines.push(
      `  ${label.padEnd(12)}${o.deals} deal(s): ${o.won} won (${o.wonValue}), ${o.lost} lost (${o.lostValue}), ${o.slipped} slipped, ${o.open} open`,
    );
  }
  return `${lines.join('\n')}\n`;
}
