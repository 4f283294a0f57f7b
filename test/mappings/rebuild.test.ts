import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aliasName,
  aliasTargets,
  ensureAllIndices,
  ensureIndex,
  INDEX_KINDS,
  listVersions,
  rebuildIndex,
  versionedName,
} from '../../mappings/indices.ts';
import type { IndexedSkillDocument } from '../../mappings/skills.ts';
import { testIndices } from '../support/engine.ts';

/** A skill document whose `kind` marks which build it came from. */
function skill(id: string, generation: 'skill' | 'knowledge'): IndexedSkillDocument {
  return {
    id,
    framework: 'local',
    code: id,
    kind: generation,
    label: id,
    altLabels: [],
    broader: [],
    ancestors: [],
    narrower: [],
    related: [],
    suggest: { input: [id] },
  };
}

async function bulkWrite(target: ReturnType<typeof testIndices>, index: string, docs: IndexedSkillDocument[]): Promise<void> {
  const operations = docs.flatMap((d) => [{ index: { _index: index, _id: d.id } }, d]);
  const response = await target.client.bulk({ operations });
  expect(response.errors).toBe(false);
}

interface Observation {
  /** Which read this was, counted when it was sent: a read numbered above a mark was sent after the mark. */
  seq: number;
  total: number;
  kinds: string[];
  error?: string;
}

describe('zero-downtime rebuild behind an alias', () => {
  const target = testIndices('rebuild');
  const alias = aliasName(target.prefix, 'skills');

  beforeAll(async () => {
    await ensureIndex(target, 'skills');
    await bulkWrite(
      target,
      alias,
      Array.from({ length: 20 }, (_, i) => skill(`old-${i}`, 'skill')),
    );
    await target.client.indices.refresh({ index: alias });
  });
  afterAll(() => target.cleanup());

  it('serves the old index until the swap and the new one after it, never an error in between', async () => {
    const observations: Observation[] = [];
    let reading = true;
    let sent = 0;
    /** Waits until `count` reads sent after this call have answered: readers observed the state the test is in now. */
    const readsAfterNow = async (count = 1): Promise<number> => {
      const mark = sent;
      await expect.poll(() => observations.filter((o) => o.seq > mark).length).toBeGreaterThanOrEqual(count);
      return mark;
    };
    const reader = (async () => {
      while (reading) {
        const seq = ++sent;
        try {
          const r = await target.client.search({
            index: alias,
            size: 0,
            track_total_hits: true,
            aggs: { kinds: { terms: { field: 'kind' } } },
          });
          const buckets = (r.aggregations?.kinds as { buckets: { key: string }[] }).buckets;
          observations.push({
            seq,
            total: typeof r.hits.total === 'number' ? r.hits.total : (r.hits.total?.value ?? -1),
            kinds: buckets.map((b) => b.key),
          });
        } catch (error) {
          observations.push({ seq, total: -1, kinds: [], error: (error as Error).message });
        }
      }
    })();

    let firstChunkWritten = 0;
    const result = await rebuildIndex(target, 'skills', async (index) => {
      for (let chunk = 0; chunk < 3; chunk++) {
        await bulkWrite(
          target,
          index,
          Array.from({ length: 10 }, (_, i) => skill(`new-${chunk}-${i}`, 'knowledge')),
        );
        // Readers read while the new index holds part of its documents.
        const mark = await readsAfterNow();
        if (chunk === 0) firstChunkWritten = mark;
      }
      return 30;
    });
    const swapped = await readsAfterNow(3);
    reading = false;
    await reader;

    expect(result).toEqual({ index: versionedName(target.prefix, 'skills', 2), documents: 30, swapped: true });
    expect(observations.filter((o) => o.error)).toEqual([]);
    // Every answer is one whole generation: the 20 old documents or the 30 new ones.
    for (const o of observations) {
      expect([JSON.stringify({ total: 20, kinds: ['skill'] }), JSON.stringify({ total: 30, kinds: ['knowledge'] })]).toContain(
        JSON.stringify({ total: o.total, kinds: o.kinds }),
      );
    }
    // Old answers all come before new ones; readers saw the old index while the new one filled.
    const firstNew = observations.findIndex((o) => o.total === 30);
    expect(firstNew).toBeGreaterThan(0);
    expect(observations.slice(firstNew).every((o) => o.total === 30)).toBe(true);
    expect(observations.some((o) => o.seq > firstChunkWritten && o.total === 20)).toBe(true);
    expect(observations.filter((o) => o.seq > swapped).every((o) => o.total === 30)).toBe(true);
    // The old version is gone; the alias points at the new one only.
    expect(await listVersions(target, 'skills')).toEqual([result.index]);
    expect(await aliasTargets(target, 'skills')).toEqual([result.index]);
    const settings = await target.client.indices.getSettings({ index: result.index });
    expect(settings[result.index]?.settings?.index?.refresh_interval).toBe('1s');
  });

  it('keeps the current index when a rebuild produces no documents', async () => {
    const before = await aliasTargets(target, 'skills');
    const result = await rebuildIndex(target, 'skills', async () => 0);
    expect(result.swapped).toBe(false);
    expect(await aliasTargets(target, 'skills')).toEqual(before);
    expect(await listVersions(target, 'skills')).toEqual(before);
  });

  it('deletes the partial index and keeps the current one when the fill fails', async () => {
    const before = await aliasTargets(target, 'skills');
    await expect(
      rebuildIndex(target, 'skills', async (index) => {
        await bulkWrite(target, index, [skill('partial', 'knowledge')]);
        throw new Error('source went away');
      }),
    ).rejects.toThrow('source went away');
    expect(await aliasTargets(target, 'skills')).toEqual(before);
    expect(await listVersions(target, 'skills')).toEqual(before);
    const count = await target.client.count({ index: alias });
    expect(count.count).toBe(30);
  });
});

describe('creating the indices', () => {
  const target = testIndices('ensure-race');
  afterAll(() => target.cleanup());

  it('processes that start at the same moment (API and indexer) end with one index behind each alias, and none fails', async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => ensureAllIndices(target)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const kind of INDEX_KINDS) {
      const versions = await listVersions(target, kind);
      expect(versions, kind).toHaveLength(1);
      expect(await aliasTargets(target, kind), kind).toEqual(versions);
    }
  });
});
