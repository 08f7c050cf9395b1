import type { ImportJobProgress } from '../../store/import-job-queries.js';

export type ProgressWriterOptions<P = ImportJobProgress> = {
  write: (progress: P) => Promise<void>;
  onError: (error: unknown) => void;
  /** At most one write per interval: an import reports progress many times a second. */
  intervalMs: number;
  /** A write at least this often even without news, so other servers see the job is alive. */
  heartbeatMs: number;
};

export type ProgressWriter<P = ImportJobProgress> = {
  report: (progress: P) => void;
  /** Stops writing and waits for a write in flight; returns the last progress reported. */
  stop: () => Promise<P>;
};

/**
 * Writes an import's progress to its job row without slowing the import: `report` never waits,
 * keeps only the latest value, and at most one write is in flight, the next one no sooner than
 * `intervalMs` after it. On the embedded engine the import holds the only connection, so these
 * writes queue until it ends; only the latest ever waits. Background verifications use it too,
 * with their own kind of progress (`P`).
 */
export function createProgressWriter<P = ImportJobProgress>(
  initial: P,
  options: ProgressWriterOptions<P>,
): ProgressWriter<P> {
  let latest = initial;
  let pending = false;
  let inFlight: Promise<void> | null = null;
  let coolingDown: NodeJS.Timeout | null = null;
  let stopped = false;

  const flush = (): void => {
    if (stopped || !pending || inFlight || coolingDown) return;
    pending = false;
    inFlight = options
      .write(latest)
      .catch(options.onError)
      .finally(() => {
        inFlight = null;
        if (stopped) return;
        coolingDown = setTimeout(() => {
          coolingDown = null;
          flush();
        }, options.intervalMs);
        coolingDown.unref();
      });
  };
  const heartbeat = setInterval(() => {
    pending = true;
    flush();
  }, options.heartbeatMs);
  heartbeat.unref();

  return {
    report: (progress) => {
      latest = progress;
      pending = true;
      flush();
    },
    stop: async () => {
      stopped = true;
      clearInterval(heartbeat);
      if (coolingDown) clearTimeout(coolingDown);
      await inFlight;
      return latest;
    },
  };
}
