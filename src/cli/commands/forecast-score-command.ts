import type { Command } from 'commander';
import {
  scoreFinishedForecasts,
  type ScoreForecastsResult,
} from '../../services/forecast/score-forecasts.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type ScoreOptions = CommonOptions & { period: string; dryRun?: boolean };

/**
 * `candor forecast score --period 2026-Q1[,2026-Q2]`: stores the scores of Candor's stored forecasts
 * of finished periods (once per forecast). `forecast` requires `--period`, so it is required here too.
 */
export function registerForecastScoreCommand(forecast: Command, context: CliContext): void {
  withCommonOptions(
    forecast
      .command('score')
      .description(
        "store the scores of Candor's stored forecasts of finished periods as ledger events (the latest of each scope and week, once each)",
      )
      .option('--dry-run', 'list what would be stored without storing it'),
  ).action(async (_options: ScoreOptions, command: Command) => {
    const options = command.optsWithGlobals<ScoreOptions>();
    const now = context.clock();
    const result = await withDatabase(context, options, (handle) =>
      scoreFinishedForecasts(handle, {
        periods: options.period.split(',').map((p) => p.trim()),
        now,
        actor: 'cli',
        source: 'cli',
        dryRun: options.dryRun ?? false,
      }),
    );
    if (options.json) printJson(context, result);
    else context.io.stdout(formatScores(result, options.dryRun ?? false));
  });
}

function formatScores(result: ScoreForecastsResult, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Would store' : 'Stored'} ${result.scored.length} forecast scores over ${result.periods.join(', ') || 'no finished period'}; ${result.alreadyScored} already stored`,
  ];
  for (const s of result.scored) {
    const accuracy = s.accuracy01 === null ? '—' : `${(Number(s.accuracy01) * 100).toFixed(1)} %`;
    lines.push(
      `  ${s.period}  week ${String(s.week).padStart(2)}  ${s.scopeKey.padEnd(24)} expected ${s.expected.padStart(14)}  actual ${s.actual.padStart(14)}  accuracy ${accuracy}  ${s.withinBand ? 'inside' : 'outside'} P10–P90`,
    );
  }
  if (result.unresolved.length > 0) {
    lines.push(`Left unscored (their owners cannot be named again): ${result.unresolved.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
