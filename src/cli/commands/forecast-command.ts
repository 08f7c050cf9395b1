import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import { getForecast, type ForecastReport } from '../../services/forecast/get-forecast.js';
import { recordForecast } from '../../services/forecast/record-forecast.js';
import { parseInstant } from '../parse-instant.js';
import { registerForecastScoreCommand } from './forecast-score-command.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type ForecastOptions = CommonOptions & {
  period: string;
  asOf?: string;
  team?: string;
  owner?: string;
  deals?: boolean;
  record: boolean;
};

export function registerForecastCommand(program: Command, context: CliContext): void {
  const forecast = program.command('forecast');
  registerForecastScoreCommand(forecast, context);
  withCommonOptions(
    forecast
      .description(
        "Candor's forecast of a period: expected bookings, P10/P50/P90 and its parts, now or as of a moment",
      )
      .requiredOption('--period <period>', 'fiscal quarter (2023-Q3), month (2023-07) or year (2023)')
      .option('--as-of <instant>', 'forecast as it could have been made then, e.g. 2023-08-01T00:00:00Z')
      .option('--team <id>', 'only deals owned in this team and the teams below it')
      .option('--owner <id>', 'only deals owned by this person')
      .option('--deals', 'list the open deals with their probabilities')
      .option(
        '--no-record',
        'do not store the forecast (a forecast as of now is stored, to be scored later)',
      ),
  ).action(async (options: ForecastOptions) => {
    const asOf = options.asOf === undefined ? null : parseInstant(options.asOf, '--as-of');
    const request = {
      period: options.period,
      scope: everything,
      teamId: options.team,
      ownerId: options.owner,
      clock: context.clock,
      includeDeals: options.deals ?? false,
    };
    const report = await withDatabase(context, options, (handle) =>
      asOf === null && options.record
        ? recordForecast(handle, { ...request, actor: 'cli', source: 'cli' })
        : getForecast(handle, { ...request, asOf }),
    );
    if (options.json) printJson(context, report);
    else context.io.stdout(formatForecast(report));
  });
}

function formatForecast(report: ForecastReport): string {
  const who = report.ownerId
    ? `owner ${report.ownerId}`
    : report.teamId
      ? `team ${report.teamId}`
      : 'everyone';
  const { closedWon, openPipeline, notInPipeline } = report.components;
  const lines = [
    `Forecast for ${report.period} (${who}), as of ${report.asOf}, week ${report.weekOfPeriod} of ${report.weeksInPeriod}, in ${report.currency}`,
    '',
    `${'expected'.padEnd(24)}${report.expected.padStart(18)}`,
    `${'P10 / P50 / P90'.padEnd(24)}${report.p10.padStart(18)}${report.p50.padStart(18)}${report.p90.padStart(18)}`,
    '',
    `${'component'.padEnd(24)}${'expected'.padStart(18)}${'deals'.padStart(8)}  method`,
    `${'closed won so far'.padEnd(24)}${closedWon.expected.padStart(18)}${String(closedWon.deals).padStart(8)}  ${closedWon.method}`,
    `${'open pipeline'.padEnd(24)}${openPipeline.expected.padStart(18)}${String(openPipeline.deals).padStart(8)}  ${openPipeline.method}`,
    `${'not yet in pipeline'.padEnd(24)}${notInPipeline.expected.padStart(18)}${''.padStart(8)}  ${notInPipeline.method}`,
    '',
    `model ${report.model.version}: ${report.model.trainingSnapshots} snapshots from ${report.model.trainingPeriods.join(', ') || 'no completed period'}; ` +
      `shock sd ${report.model.shockSd}, amount change ×${report.model.amountChangeRatio}, ${report.model.trials} trials`,
    `computed from ledger length ${report.ledgerSeq}${report.recordedSeq ? `; stored as event ${report.recordedSeq}` : ''}`,
  ];
  if (report.notes.length > 0) lines.push('', 'Thin data:', ...report.notes.map((n) => `  - ${n}`));
  if (report.deals.length > 0) {
    lines.push(
      '',
      `${'deal'.padEnd(20)}${'stage'.padEnd(22)}${'amount'.padStart(14)}${'p(win)'.padStart(8)}${'p(in)'.padStart(8)}${'p'.padStart(8)}${'expected'.padStart(14)}`,
    );
    for (const d of report.deals) {
      lines.push(
        `${d.id.padEnd(20)}${d.stage.slice(0, 21).padEnd(22)}${(d.amount ?? '—').padStart(14)}${d.winProbability.toFixed(2).padStart(8)}${d.inPeriodProbability.toFixed(2).padStart(8)}${d.probability.toFixed(2).padStart(8)}${d.expected.padStart(14)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
