/**
 * Skill documents (the public taxonomy) kept across requests, so that a
 * warmed API answers a search's facet labels and badge skills without a
 * second engine round trip. The taxonomy changes only when the indexer
 * rebuilds the skills index behind its alias (a new concrete index): every
 * look-up that reaches the engine names the index that answered, and when
 * that differs from the one the cache was filled from, the cache starts
 * over. Entries also expire (`ttlMs`), so a rebuild is seen within that time
 * even by an API that only ever hits the cache. Bounded: the oldest entries
 * go first. Ids the index does not hold are never cached (a reload may add
 * them).
 */

/** Documents in the order of the ids asked for (undefined: not in the index), and the concrete indices that answered. */
export type SkillFetch<T> = (ids: readonly string[]) => Promise<{ docs: (T | undefined)[]; indices: readonly string[] }>;

export interface SkillCacheOptions {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}

/** The default: the whole shipped taxonomy (about 5,000 skills) fits; a reload is seen within a minute. */
export const SKILL_CACHE_DEFAULTS: SkillCacheOptions = { maxEntries: 20_000, ttlMs: 60_000 };

export interface SkillCache<T> {
  get(ids: readonly string[]): Promise<(T | undefined)[]>;
  /** Entries held (for tests and metrics). */
  readonly size: number;
}

export function createSkillCache<T>(fetch: SkillFetch<T>, options: SkillCacheOptions = SKILL_CACHE_DEFAULTS): SkillCache<T> {
  const now = options.now ?? Date.now;
  // Map keeps insertion order: the first key is the oldest entry.
  const entries = new Map<string, { doc: T; at: number }>();
  let generation: string | undefined;

  const fresh = (id: string, at: number): T | undefined => {
    const entry = entries.get(id);
    if (!entry) return undefined;
    if (at - entry.at < options.ttlMs) return entry.doc;
    entries.delete(id);
    return undefined;
  };

  const get = async (ids: readonly string[], retried = false): Promise<(T | undefined)[]> => {
    const at = now();
    const found = ids.map((id) => fresh(id, at));
    const missing = [...new Set(ids.filter((_, i) => found[i] === undefined))];
    if (missing.length === 0) return found;
    const { docs, indices } = await fetch(missing);
    const answered = [...indices].sort().join(',');
    if (answered && answered !== generation) {
      // A rebuilt taxonomy: what was kept came from the old index, including what this call found in it.
      const hadOld = generation !== undefined && found.some((doc) => doc !== undefined);
      entries.clear();
      generation = answered;
      if (hadOld && !retried) return get(ids, true);
    }
    const byId = new Map<string, T>();
    missing.forEach((id, i) => {
      const doc = docs[i];
      if (doc === undefined) return;
      byId.set(id, doc);
      entries.delete(id);
      entries.set(id, { doc, at: now() });
    });
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
    return ids.map((id, i) => found[i] ?? byId.get(id));
  };

  return {
    get size() {
      return entries.size;
    },
    get: (ids) => get(ids),
  };
}
