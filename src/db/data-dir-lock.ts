import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/domain-error.js';

/**
 * PGlite has no lock between processes: two processes can open one data folder and corrupt it
 * without an error. This lock file, holding the owner's pid, makes a second process fail clearly.
 * A lock left by a process that no longer runs (killed, crashed) is taken over.
 */
export type DataDirLock = { release: () => void };

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'candor.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new DomainError(
          'database-locked',
          `the embedded database in ${dataDir} is in use by another Candor process (pid ${owner}); ` +
            'stop that process, or point this one at another --data-dir or at a PostgreSQL server (DATABASE_URL)',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DomainError('database-locked', `could not lock ${path}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
