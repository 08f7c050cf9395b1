import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.js';
import { runCandorProcess } from '../helpers/spawn-cli.js';

describe('one process per embedded data folder', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function freshDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'candor-lock-'));
    dirs.push(dir);
    return dir;
  }

  it('refuses a second process with a clear error while the first holds the folder', async () => {
    const dir = freshDir();
    const holder = await openDatabase({ dataDir: dir });
    try {
      const second = await runCandorProcess(['verify', '--data-dir', dir]);
      expect(second.exitCode).toBe(1);
      expect(second.stderr).toContain(
        `the embedded database in ${dir} is in use by another Candor process (pid ${process.pid})`,
      );
    } finally {
      await holder.close();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = freshDir();
    const first = await openDatabase({ dataDir: dir });
    await first.close();
    // A pid that cannot be running: the lock of a process killed without cleaning up.
    writeFileSync(join(dir, 'candor.lock'), '2147483646');
    const handle = await openDatabase({ dataDir: dir });
    await handle.close();
  });
});
