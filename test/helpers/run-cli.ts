import { loadConfig, type Config } from '../../src/config.js';
import { main } from '../../src/cli/main.js';

export type CliRun = { exitCode: number; stdout: string; stderr: string; json: () => unknown };

/** Runs the CLI in-process, as `candor …` would, and captures what it prints. */
export async function runCli(
  argv: readonly string[],
  options: { databaseUrl?: string | null; clock?: () => Date; config?: Config } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const config =
    options.config ?? loadConfig(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {});
  const exitCode = await main(argv, {
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false },
    config,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { exitCode, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
}
