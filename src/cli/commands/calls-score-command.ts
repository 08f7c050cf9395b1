import type { Command } from 'commander';
import { scoreFinishedCalls, type ScoreCallsResult } from '../../services/calls/score-calls.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type ScoreOptions = CommonOptions & { period?: string; dryRun?: boolean };

/** `candor calls score`: stores the scores of finished periods' calls (once per person and period). */
export function registerCallsScoreCommand(calls: Command, context: CliContext): void {
  withCommonOptions(
    calls
      .command('score')
      .description(
        'store the scores of every call of finished periods as ledger events (once per person and period)',
      )
      .option(
        '--period <periods>',
        'finished periods to score, comma-separated (default: the last eight closed quarters)',
      )
      .option('--dry-run', 'list what would be stored without storing it'),
  ).action(async (_options: ScoreOptions, command: Command) => {
    // `calls` takes --data-dir and --json too; they may be given before or after `score`.
    const options = command.optsWithGlobals<ScoreOptions>();
    const now = context.clock();
    const result = await withDatabase(context, options, (handle) =>
      scoreFinishedCalls(handle, {
        periods: options.period?.split(',').map((p) => p.trim()),
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

function formatScores(result: ScoreCallsResult, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Would store' : 'Stored'} ${result.scored.length} call scores over ${result.periods.join(', ') || 'no finished period'}; ${result.alreadyScored} already stored`,
  ];
  for (const s of result.scored) {
    const bias = s.bias01 === null ? '—' : `${(Number(s.bias01) * 100).toFixed(1)} %`;
    lines.push(
      `  ${s.period}  ${s.userId.padEnd(24)} actual ${s.actual.padStart(14)}  ${s.calls} weekly calls  bias ${bias}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
