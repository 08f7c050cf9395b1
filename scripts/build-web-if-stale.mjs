#!/usr/bin/env node
// Builds the web app (vite build → dist/web) when it is missing or older than its sources, so that
// `npm install && npm start` works on a fresh clone and a restarted server never serves a stale app.
// Used by `npm start` and by the browser tests. Several callers at once wait for one build (lock dir).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'web', 'index.html');
const sources = [
  join(root, 'src', 'web'),
  join(root, 'src', 'api'),
  join(root, 'vite.config.ts'),
  join(root, 'package-lock.json'),
];
const lock = join(root, 'dist', '.web-build.lock');

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(built)) return 'missing';
  const builtAt = statSync(built).mtimeMs;
  return sources.some((source) => newestModification(source) > builtAt) ? 'older than its sources' : null;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the lock (a directory: creating one is atomic); a lock older than 5 minutes is abandoned. */
function acquireLock() {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // the other build just finished: try again
      }
      sleep(250);
    }
  }
}

export function buildWebIfStale({ quiet = false } = {}) {
  if (!isStale()) return { built: false };
  acquireLock();
  try {
    const reason = isStale();
    if (!reason) return { built: false };
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    if (!existsSync(vite)) {
      process.stderr.write(
        `candor: the web app is ${reason}, and vite is not installed (npm install without --omit=dev builds it).\n`,
      );
      return { built: false };
    }
    if (!quiet) process.stderr.write(`candor: the web app is ${reason}: building it (vite build)…\n`);
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', quiet ? 'error' : 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status}`);
    return { built: true };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildWebIfStale({ quiet: process.argv.includes('--quiet') });
  } catch (error) {
    process.stderr.write(`candor: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
