import type { Command } from 'commander';
import { rebuildProjections } from '../../services/rebuild-projections.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

export function registerRebuildCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program.command('rebuild').description('recreate every derived table by replaying the ledger'),
  ).action(async (options: CommonOptions) => {
    const started = context.clock().getTime();
    const result = await withDatabase(context, options, (handle) =>
      rebuildProjections(
        handle,
        context.io.isTTY && !options.json
          ? (done, total) => context.io.stderr(`\rreplayed ${done}/${total} entities`)
          : undefined,
      ),
    );
    const durationMs = context.clock().getTime() - started;
    if (options.json) printJson(context, { ...result, durationMs });
    else
      context.io.stdout(
        `${context.io.isTTY ? '\n' : ''}rebuilt the projections of ${result.entities} entities from the ledger\n`,
      );
  });
}
