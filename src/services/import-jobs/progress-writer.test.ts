import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportJobProgress } from '../../store/import-job-queries.js';
import { createProgressWriter } from './progress-writer.js';

const at = (done: number): ImportJobProgress => ({ phase: 'reading files', done, total: 100, unit: 'bytes' });

describe('createProgressWriter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function recorder() {
    const writes: number[] = [];
    const writer = createProgressWriter(at(0), {
      write: async (progress) => {
        writes.push(progress.done);
      },
      onError: (error) => {
        throw error;
      },
      intervalMs: 1_000,
      heartbeatMs: 60_000,
    });
    return { writes, writer };
  }

  it('writes the first report at once, then at most once a second, always the latest', async () => {
    const { writes, writer } = recorder();
    for (let done = 1; done <= 50; done += 1) writer.report(at(done));
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([1]);
    await vi.advanceTimersByTimeAsync(999);
    expect(writes).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([1, 50]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes).toEqual([1, 50]);
    expect(await writer.stop()).toEqual(at(50));
  });

  it('writes a heartbeat without news, and nothing after stop', async () => {
    const { writes, writer } = recorder();
    writer.report(at(7));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(writes).toEqual([7]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([7, 7]);
    await writer.stop();
    writer.report(at(8));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(writes).toEqual([7, 7]);
  });

  it('keeps one write in flight: a slow database sees the latest value next, not a queue', async () => {
    let release: () => void = () => undefined;
    const writes: number[] = [];
    const writer = createProgressWriter(at(0), {
      write: (progress) => {
        writes.push(progress.done);
        return new Promise<void>((resolve) => (release = resolve));
      },
      onError: () => undefined,
      intervalMs: 1_000,
      heartbeatMs: 60_000,
    });
    writer.report(at(1));
    for (let done = 2; done <= 30; done += 1) {
      writer.report(at(done));
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(writes).toEqual([1]);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toEqual([1, 30]);
    release();
    await writer.stop();
  });
});
