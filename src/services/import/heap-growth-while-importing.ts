import v8 from 'node:v8';

let importsRunning = 0;

/**
 * Runs an import with the JavaScript heap allowed to grow to 1.5× what survived the last full
 * collection, instead of V8's default of up to 4×. An import makes a lot of short-lived garbage
 * (canonical texts, hashes, COPY lines) beside about 170 MB that lives: by default the heap swelled
 * to 730 MB between collections, and a 1,000,000-row embedded import peaked at 1,569 MB resident;
 * with this, at 979 MB, in the same time (`candor import salesforce`, 75 s either way).
 *
 * Only while an import runs: the setting is the whole process's, and work that keeps a large
 * live set (hygiene over 100,000 deals) pays for the extra collections (1.8 s became 2.8 s). When
 * the last running import ends, V8's own policy is back.
 */
export async function withHeapGrowthLimited<T>(work: () => Promise<T>): Promise<T> {
  if (importsRunning === 0) v8.setFlagsFromString('--heap-growing-percent=50');
  importsRunning += 1;
  try {
    return await work();
  } finally {
    importsRunning -= 1;
    // 0 is V8's default: its own growing strategy.
    if (importsRunning === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  }
}
