import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('is mulberry32: seed 1 starts 0.6270739405881613, 0.002735721180215478, 0.5274470399599522', () => {
    const random = createRandom(1);
    expect([random.next(), random.next(), random.next()]).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
  });

  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.int(0, 1_000_000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('refuses seeds that are not 32-bit whole numbers', () => {
    expect(() => createRandom(-1)).toThrow(RangeError);
    expect(() => createRandom(1.5)).toThrow(RangeError);
    expect(() => createRandom(2 ** 32)).toThrow(RangeError);
    expect(createRandom(2 ** 32 - 1).next()).toBeLessThan(1);
  });

  it('keeps int within its bounds, both included', () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i += 1) seen.add(random.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('gives named forks their own streams, untouched by draws on the parent', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    b.next();
    b.next();
    expect(a.fork('deals').next()).toBe(b.fork('deals').next());
    expect(a.fork('deals').next()).not.toBe(a.fork('accounts').next());
  });

  it('picks by weight in proportion, and counts with the Poisson mean it is given', () => {
    const random = createRandom(11);
    let heavy = 0;
    let total = 0;
    for (let i = 0; i < 10_000; i += 1) {
      if (
        random.weighted([
          ['heavy', 3],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy += 1;
      total += random.poisson(2.5);
    }
    expect(heavy / 10_000).toBeCloseTo(0.75, 1);
    expect(total / 10_000).toBeCloseTo(2.5, 1);
  });
});
