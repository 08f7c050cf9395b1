import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withHeapGrowthLimited } from './heap-growth-while-importing.js';

describe('withHeapGrowthLimited', () => {
  afterEach(() => vi.restoreAllMocks());

  it('limits heap growth from the first running import until the last one ends, even when one fails', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    let finishFirst = (): void => undefined;
    const first = withHeapGrowthLimited(() => new Promise<void>((done) => (finishFirst = done)));
    const second = withHeapGrowthLimited(async () => {
      throw new Error('bad file');
    });
    await expect(second).rejects.toThrow('bad file');
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=50']]);
    finishFirst();
    await first;
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=50'], ['--heap-growing-percent=0']]);
    await expect(withHeapGrowthLimited(async () => 'landed')).resolves.toBe('landed');
    expect(flags.mock.calls.slice(2)).toEqual([['--heap-growing-percent=50'], ['--heap-growing-percent=0']]);
  });
});
