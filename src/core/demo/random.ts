/**
 * A seeded pseudo-random source for the demo organisation: the same seed gives the same sequence
 * on every machine, so the demo is reproducible byte for byte. Math.random is never used.
 *
 * The generator is mulberry32 (32-bit state, period 2^32): tiny, fast and good enough for
 * synthetic data; it is not for anything secret.
 */
export type Random = {
  /** A number in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** A number in [min, max). */
  between: (min: number, max: number) => number;
  /** True with probability `probability01`. */
  chance: (probability01: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Picks an item with probability proportional to its weight. */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  /** A Poisson-distributed count with mean `lambda` (Knuth's method; fine for small means). */
  poisson: (lambda: number) => number;
  /**
   * An independent stream named by `label`. Each part of the demo draws from its own fork, so
   * adding a draw in one place does not reshuffle everything generated after it.
   */
  fork: (label: string) => Random;
};

export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(`a demo seed is an integer from 0 to ${0xffff_ffff}, not ${seed}`);
  }
  return fromState(seed);
}

function fromState(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability01) => next() < probability01,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let point = next() * total;
      for (const [item, weight] of items) {
        point -= weight;
        if (point < 0) return item;
      }
      const last = items.at(-1);
      if (!last) throw new RangeError('cannot pick from an empty list');
      return last[0];
    },
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let count = 0;
      let product = next();
      while (product > limit) {
        count += 1;
        product *= next();
      }
      return count;
    },
    fork: (label) => fromState(hashLabel(seed, label)),
  };
  return random;
}

/** FNV-1a over the seed and the label: a stable 32-bit seed for a named stream. */
function hashLabel(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
