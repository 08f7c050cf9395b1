import type { Command } from 'commander';
import { verifyLedger } from '../../services/verify-ledger.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

export function registerVerifyCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('verify')
      .description('check the hash chain of the ledger and that every derived table equals a replay of it'),
  ).action(async (options: CommonOptions) => {
    const report = await withDatabase(context, options, (handle) =>
      verifyLedger(handle, {
        now: context.clock(),
        onProgress: context.io.isTTY && !options.json ? (m) => context.io.stderr(`\r${m}   `) : undefined,
      }),
    );
    if (context.io.isTTY && !options.json) context.io.stderr('\n');
    if (options.json) printJson(context, report);
    else {
      context.io.stdout(
        report.ok
          ? `ledger verified: ${report.length} events, chain head ${report.head}\n`
          : `LEDGER VERIFICATION FAILED: ${report.problems.length} problem(s) in ${report.length} events\n` +
              report.problems.map((p) => `  - [${p.kind}] ${p.message}\n`).join(''),
      );
    }
    if (!report.ok) context.setExitCode(1);
  });
}
