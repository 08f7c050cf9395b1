import type { Command } from 'commander';
import { everything } from '../../services/access.js';
import { getCallGrid, type CallGrid } from '../../services/calls/get-call-grid.js';
import { listMissingCalls, type MissingCalls } from '../../services/calls/list-missing-calls.js';
import { DomainError } from '../../services/errors.js';
import { registerCallsRemindCommand } from './calls-remind-command.js';
import { registerCallsScoreCommand } from './calls-score-command.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type CallsOptions = CommonOptions & { period?: string; team?: string };

/** The person the CLI speaks as: nobody in particular, reading everything, submitting nothing. */
const cliReader = 'cli';

export function registerCallsCommand(program: Command, context: CliContext): void {
  const calls = withCommonOptions(
    program
      .command('calls')
      .description(
        "a team's forecast calls for a period beside the bottom-up roll-up of their deals, and who has not called",
      )
      // Not a required option: commander would then ask it of the subcommands too.
      .option('--period <period>', 'fiscal quarter (2026-Q2), month or year (required)')
      .option('--team <id>', 'the team to show; the top of the tree when absent'),
  ).action(async (options: CallsOptions) => {
    const period = requirePeriod(options.period);
    const now = context.clock();
    const { grid, missing } = await withDatabase(context, options, async (handle) => ({
      grid: await getCallGrid(handle, {
        period,
        teamId: options.team,
        userId: cliReader,
        readScope: everything,
        now,
      }),
      missing: await listMissingCalls(handle, { period, readScope: everything, now }),
    }));
    if (options.json) printJson(context, { grid, missing });
    else context.io.stdout(formatCalls(grid, missing));
  });
  registerCallsScoreCommand(calls, context);
  registerCallsRemindCommand(calls, context);
}

function requirePeriod(period: string | undefined): string {
  if (period === undefined) {
    throw new DomainError('invalid-input', "required option '--period <period>' not specified", [
      { where: '--period', reason: 'the period whose calls to show, e.g. 2026-Q2' },
    ]);
  }
  return period;
}

function formatCalls(grid: CallGrid, missing: MissingCalls): string {
  const window = grid.window
    ? `week ${grid.window.week} due ${grid.window.dueAt}`
    : 'calls frozen (the last window has closed)';
  const lines = [
    `Calls for ${grid.period}${grid.team ? `, ${grid.team.name}` : ''}: ${window}; amounts in ${grid.currency}`,
    '',
    [
      'who'.padEnd(28),
      'commit call'.padStart(14),
      'best case call'.padStart(15),
      'closed'.padStart(14),
      'commit'.padStart(14),
      'best case'.padStart(14),
      'pipeline'.padStart(14),
      'roll-up Δ wk'.padStart(14),
    ].join(''),
  ];
  for (const row of grid.rows) {
    const who = row.kind === 'member' ? `  ${row.name}` : `${row.teamName ?? ''} (${row.name})`;
    lines.push(
      [
        who.slice(0, 27).padEnd(28),
        (row.call?.commit ?? '—').padStart(14),
        (row.call?.bestCase ?? '—').padStart(15),
        row.rollup.closed.padStart(14),
        row.rollup.commit.padStart(14),
        row.rollup.bestCase.padStart(14),
        row.rollup.pipeline.padStart(14),
        (row.rollupCommitChange ?? '—').padStart(14),
      ].join(''),
    );
  }
  if (missing.window) {
    lines.push(
      '',
      `Not yet called for week ${missing.window.week} (${missing.missing.length} of ${missing.expected}):`,
    );
    for (const person of missing.missing)
      lines.push(`  ${person.name}${person.teamName ? ` (${person.teamName})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
