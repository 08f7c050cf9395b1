import type { Command } from 'commander';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../services/database-handle.js';

/** Where a command writes: the terminal for the real CLI, buffers in tests. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True on an interactive terminal: progress bars are drawn only then. */
  isTTY: boolean;
};

/** What every command gets from main: nothing global, everything passed in. */
export type CliContext = {
  io: CliIo;
  config: Config;
  clock: () => Date;
  /** Opens the database the options name: DATABASE_URL when set, else the embedded one in --data-dir. */
  openDatabase: (options: { dataDir?: string; migrate?: boolean }) => Promise<DatabaseHandle>;
  /** Set by a command to make the process exit non-zero without throwing. */
  setExitCode: (code: number) => void;
};

export type CommonOptions = { dataDir?: string; json?: boolean };

/** Adds the options every command takes. */
export function withCommonOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'embedded database folder (ignored when DATABASE_URL is set)')
    .option('--json', 'print machine-readable JSON');
}

/** Opens the database for a command, runs it, and always closes the database. */
export async function withDatabase<T>(
  context: CliContext,
  options: CommonOptions,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await context.openDatabase(options.dataDir ? { dataDir: options.dataDir } : {});
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

export function printJson(context: CliContext, value: unknown): void {
  context.io.stdout(
    `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
  );
}
