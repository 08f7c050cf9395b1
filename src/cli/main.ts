import { Command, CommanderError } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { describeError } from './describe-error.js';
import type { CliContext, CliIo } from './cli-context.js';
import { openCliDatabase } from './open-database.js';
import { registerAdminCommand } from './commands/admin-command.js';
import { registerQuotasCommand } from './commands/quotas-command.js';
import { registerScorecardCommand } from './commands/scorecard-command.js';
import { registerBoardpackCommand } from './commands/boardpack-command.js';
import { registerBridgeCommand } from './commands/bridge-command.js';
import { registerCallsCommand } from './commands/calls-command.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerDigestCommand } from './commands/digest-command.js';
import { registerHygieneCommand } from './commands/hygiene-command.js';
import { registerImportCommand } from './commands/import-command.js';
import { registerPipelineCommand } from './commands/pipeline-command.js';
import { registerInsightsCommand } from './commands/insights-command.js';
import { registerEngagementCommand } from './commands/engagement-command.js';
import { registerForecastCommand } from './commands/forecast-command.js';
import { registerBacktestCommand } from './commands/backtest-command.js';
import { registerRebuildCommand } from './commands/rebuild-command.js';
import { registerStartCommand } from './commands/start-command.js';
import { registerVerifyCommand } from './commands/verify-command.js';

export type MainOptions = {
  io?: CliIo;
  config?: Config;
  clock?: () => Date;
};

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

/**
 * Runs the `candor` CLI on argv (without the node and script entries) and resolves to the exit
 * code; it never calls process.exit, so tests drive it directly.
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const io = options.io ?? processIo;
  let exitCode = 0;
  const json = argv.includes('--json');
  const context: CliContext = {
    io,
    config: options.config ?? loadConfig(),
    clock: options.clock ?? (() => new Date()),
    openDatabase: (dbOptions) => openCliDatabase(context.config, dbOptions),
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = new Command('candor')
    .description('Candor: sales performance and revenue forecasting on a tamper-evident ledger')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  for (const register of [
    registerPipelineCommand,
    registerInsightsCommand,
    registerEngagementCommand,
    registerForecastCommand,
    registerBacktestCommand,
    registerVerifyCommand,
    registerRebuildCommand,
    registerDemoCommand,
    registerStartCommand,
    registerImportCommand,
    registerAdminCommand,
    registerScorecardCommand,
    registerQuotasCommand,
    registerHygieneCommand,
    registerDigestCommand,
    registerBridgeCommand,
    registerBoardpackCommand,
    registerCallsCommand,
  ]) {
    register(program, context);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const described = describeError(error);
    if (json) io.stdout(`${JSON.stringify({ error: described }, null, 2)}\n`);
    io.stderr(`candor: ${described.message}\n${described.details.map((d) => `  - ${d}\n`).join('')}`);
    return described.exitCode;
  }
  return exitCode;
}
