import { afterAll, describe, expect, it } from 'vitest';
import { writeDocuments } from '../../indexer/store/bulk-write.ts';
import { ensureIndex } from '../../mappings/indices.ts';
import type { IndexedSkillDocument } from '../../mappings/skills.ts';
import { testIndices } from '../support/engine.ts';

function skill(i: number): IndexedSkillDocument {
  return {
    id: `local:s${i}`,
    framework: 'local',
    code: `s${i}`,
    kind: 'skill',
    label: `Skill ${i}`,
    altLabels: [],
    broader: [],
    ancestors: [],
    narrower: [],
    related: [],
    suggest: { input: [`Skill ${i}`] },
  };
}

describe('bulk writes on the real engine', () => {
  const target = testIndices('write');
  afterAll(() => target.cleanup());

  it('writes every document in small batches and refreshes at the end', async () => {
    const alias = await ensureIndex(target, 'skills');
    async function* generate() {
      for (let i = 0; i < 500; i++) yield { id: `local:s${i}`, document: skill(i) };
    }
    const result = await writeDocuments(target.client, alias, generate(), { flushBytes: 10_000, refresh: true });
    expect(result).toMatchObject({ written: 500, deleted: 0, rejected: [] });
    expect((await target.client.count({ index: alias })).count).toBe(500);
  });

  it('reports a rejected document by id and reason, and writes the rest', async () => {
    const alias = await ensureIndex(target, 'skills');
    const items = [
      { id: 'ok-1', document: skill(1001) },
      { id: 'bad', document: { ...skill(1002), favouriteColour: 'teal' } },
      { id: 'ok-2', document: skill(1003) },
    ];
    const result = await writeDocuments(target.client, alias, items, { refresh: true });
    expect(result.written).toBe(2);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ id: 'bad', status: 400 });
    expect(result.rejected[0]?.reason).toMatch(/strict_dynamic_mapping_exception/);
    const found = await target.client.mget({ index: alias, ids: ['ok-1', 'bad', 'ok-2'] });
    expect(found.docs.map((d) => ('found' in d ? d.found : false))).toEqual([true, false, true]);
  });

  it('deletes by id, and a delete of a missing document is no failure', async () => {
    const alias = await ensureIndex(target, 'skills');
    const result = await writeDocuments(target.client, alias, [{ id: 'ok-1' }, { id: 'never-existed' }], { refresh: true });
    expect(result).toMatchObject({ written: 0, deleted: 1, rejected: [] });
    expect(await target.client.exists({ index: alias, id: 'ok-1' })).toBe(false);
  });
});

describe('bulk writes when the engine is overloaded', async () => {
  const { startFlakyProxy } = await import('../support/flaky-proxy.ts');
  const { createEngineClient } = await import('../../mappings/connection.ts');
  const { engineUrl } = await import('../support/engine.ts');
  const target = testIndices('write-retry');
  afterAll(() => target.cleanup());

  it('retries whole requests refused with 429 or 503, with backoff, and loses nothing', async () => {
    const alias = await ensureIndex(target, 'skills');
    const proxy = await startFlakyProxy(engineUrl());
    const client = createEngineClient({ url: proxy.url });
    proxy.failNextBulk(1, 503);
    const first = await writeDocuments(
      client,
      alias,
      Array.from({ length: 20 }, (_, i) => ({ id: `local:a${i}`, document: skill(i) })),
      { backoffMs: 10, refresh: true },
    );
    proxy.failNextBulk(2, 429);
    const second = await writeDocuments(
      client,
      alias,
      Array.from({ length: 20 }, (_, i) => ({ id: `local:b${i}`, document: skill(100 + i) })),
      { backoffMs: 10, refresh: true },
    );
    expect(first).toMatchObject({ written: 20, rejected: [], retried: 20 });
    expect(second).toMatchObject({ written: 20, rejected: [], retried: 40 });
    expect(proxy.bulkRequests()).toBe(5);
    expect((await target.client.count({ index: alias })).count).toBe(40);
    await client.close();
    await proxy.close();
  });

  it('retries single items the engine rejected with 429', async () => {
    const alias = await ensureIndex(target, 'skills');
    const proxy = await startFlakyProxy(engineUrl());
    const client = createEngineClient({ url: proxy.url });
    proxy.rejectFirstItemOfNextBulk();
    const result = await writeDocuments(
      client,
      alias,
      Array.from({ length: 5 }, (_, i) => ({ id: `local:c${i}`, document: skill(200 + i) })),
      { backoffMs: 10 },
    );
    expect(result).toMatchObject({ written: 5, rejected: [], retried: 1 });
    expect(proxy.bulkRequests()).toBe(2);
    await client.close();
    await proxy.close();
  });

  it('retries single items answered 503 (a shard not yet active) instead of dropping them', async () => {
    const alias = await ensureIndex(target, 'skills');
    const proxy = await startFlakyProxy(engineUrl());
    const client = createEngineClient({ url: proxy.url });
    proxy.rejectFirstItemOfNextBulk(503);
    const result = await writeDocuments(
      client,
      alias,
      Array.from({ length: 5 }, (_, i) => ({ id: `local:e${i}`, document: skill(400 + i) })),
      { backoffMs: 10 },
    );
    expect(result).toMatchObject({ written: 5, rejected: [], retried: 1 });
    expect(proxy.bulkRequests()).toBe(2);
    await client.close();
    await proxy.close();
  });

  it('gives up after its retries and says so, when the engine keeps refusing', async () => {
    const alias = await ensureIndex(target, 'skills');
    const proxy = await startFlakyProxy(engineUrl());
    const client = createEngineClient({ url: proxy.url });
    proxy.failNextBulk(100, 503);
    await expect(writeDocuments(client, alias, [{ id: 'local:d', document: skill(300) }], { backoffMs: 1, retries: 3 })).rejects.toThrow(
      /503|es_rejected_execution_exception/,
    );
    expect(proxy.bulkRequests()).toBe(4);
    await client.close();
    await proxy.close();
  });
});
