/**
 * Seeded randomness for the demo generator. Every random choice goes through
 * a `Random` derived from the demo seed and a label (`earner:17`), so any
 * part of the data set can be rebuilt on its own and in any order, by any
 * worker, with the same result. Pure: nothing here reads the clock or
 * `Math.random`.
 */
import { createHash } from 'node:crypto';

/** A deterministic source of random numbers with the helpers the generator needs. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: tiny, fast, and good enough for test data (not for secrets). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** SHA-256 of the seed and label parts, for seeding and for deterministic ids and key material. */
export function digest(seed: number | string, ...parts: (string | number)[]): Buffer {
  return createHash('sha256')
    .update([String(seed), ...parts.map(String)].join('\u0000'))
    .digest();
}

/** A `Random` for one labelled purpose, e.g. `randomFor(seed, 'earner', 17)`. */
export function randomFor(seed: number | string, ...label: (string | number)[]): Random {
  const next = mulberry32(digest(seed, ...label).readUInt32BE(0));
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items, weightOf) => {
      const total = items.reduce((sum, item) => sum + weightOf(item), 0);
      if (items.length === 0 || total <= 0) throw new Error('cannot pick by weight from an empty or weightless list');
      let r = next() * total;
      for (const item of items) {
        r -= weightOf(item);
        if (r < 0) return item;
      }
      return items[items.length - 1]!;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
  return random;
}

/** A deterministic RFC 4122 version-4-shaped UUID from the seed and a label. */
export function uuidFor(seed: number | string, ...label: (string | number)[]): string {
  const bytes = digest(seed, 'uuid', ...label).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
