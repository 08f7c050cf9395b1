import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
const candorBin = resolve(repoRoot, 'bin/candor');

/** Starts `bin/candor` as a real process, as a user would run it. */
export function spawnCandor(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): ChildProcess {
  return spawn(process.execPath, [candorBin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `bin/candor` to completion and collects its output. */
export async function runCandorProcess(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<{ exitCode: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawnCandor(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('exit', (code, sig) => done([code, sig])),
  );
  return { exitCode, signal, stdout, stderr };
}
