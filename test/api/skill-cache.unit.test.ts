import { describe, expect, it } from 'vitest';
import { createSkillCache, type SkillFetch } from '../../api/search/skill-cache.ts';

interface Doc {
  id: string;
  label: string;
}

/** A taxonomy index behind an alias: `version` is the concrete index's name, `labels` its documents. */
function index(labels: Record<string, string>, version = 'skills-v1') {
  const state = { labels, version, asked: [] as string[][] };
  const fetch: SkillFetch<Doc> = async (ids) => {
    state.asked.push([...ids]);
    return { docs: ids.map((id) => (id in state.labels ? { id, label: state.labels[id]! } : undefined)), indices: [state.version] };
  };
  return { state, fetch };
}

describe('skill cache (labels kept across requests)', () => {
  it('asks the engine only for ids it does not hold, once each', async () => {
    const { state, fetch } = index({ a: 'Welding', b: 'Python', c: 'Nursing' });
    const cache = createSkillCache(fetch, { maxEntries: 100, ttlMs: 60_000 });
    expect((await cache.get(['a', 'b', 'a'])).map((d) => d?.label)).toEqual(['Welding', 'Python', 'Welding']);
    expect((await cache.get(['b', 'c'])).map((d) => d?.label)).toEqual(['Python', 'Nursing']);
    expect(await cache.get(['a', 'b', 'c'])).toHaveLength(3);
    expect(state.asked).toEqual([['a', 'b'], ['c']]);
  });

  it('never keeps an id the index does not hold (a reload may add it)', async () => {
    const { state, fetch } = index({ a: 'Welding' });
    const cache = createSkillCache(fetch, { maxEntries: 100, ttlMs: 60_000 });
    expect(await cache.get(['x'])).toEqual([undefined]);
    state.labels.x = 'Added';
    expect((await cache.get(['x']))[0]?.label).toBe('Added');
  });

  it('starts over when a look-up is answered by a rebuilt index, and answers from the new one', async () => {
    const { state, fetch } = index({ a: 'Welding', b: 'Python' });
    const cache = createSkillCache(fetch, { maxEntries: 100, ttlMs: 60_000 });
    await cache.get(['a']);
    // The indexer reloads the taxonomy: a new concrete index behind the alias, with a new label for a.
    state.version = 'skills-v2';
    state.labels.a = 'Arc welding';
    // a is held from v1, b is not: the look-up of b reveals v2, so a is read again too.
    expect((await cache.get(['a', 'b'])).map((d) => d?.label)).toEqual(['Arc welding', 'Python']);
    expect((await cache.get(['a']))[0]?.label).toBe('Arc welding');
    expect(state.asked).toEqual([['a'], ['b'], ['a', 'b']]);
  });

  it('forgets entries after the TTL, so a reload is seen by an API that only hits the cache', async () => {
    let clock = 0;
    const { state, fetch } = index({ a: 'Welding' });
    const cache = createSkillCache(fetch, { maxEntries: 100, ttlMs: 1000, now: () => clock });
    await cache.get(['a']);
    state.labels.a = 'Arc welding';
    clock = 999;
    expect((await cache.get(['a']))[0]?.label).toBe('Welding');
    clock = 1000;
    expect((await cache.get(['a']))[0]?.label).toBe('Arc welding');
  });

  it('holds at most maxEntries, dropping the oldest first', async () => {
    const labels = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, `Skill ${i}`]));
    const { state, fetch } = index(labels);
    const cache = createSkillCache(fetch, { maxEntries: 4, ttlMs: 60_000 });
    await cache.get(Object.keys(labels));
    expect(cache.size).toBe(4);
    state.asked.length = 0;
    await cache.get(['s9', 's0']);
    expect(state.asked).toEqual([['s0']]);
  });
});
