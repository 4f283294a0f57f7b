import { afterAll, describe, expect, it } from 'vitest';
import {
  aliasName,
  aliasTargets,
  ensureAllIndices,
  ensureIndex,
  INDEX_DEFINITIONS,
  INDEX_KINDS,
  listVersions,
  nextVersion,
  parseVersion,
  versionedName,
} from '../../mappings/indices.ts';
import { testIndices } from '../support/engine.ts';
import { sampleDocuments } from '../support/sample-documents.ts';

describe('index names', () => {
  it('builds aliases and versioned names from the prefix', () => {
    expect(aliasName('talent', 'earners')).toBe('talent-earners');
    expect(versionedName('talent', 'badge-classes', 3)).toBe('talent-badge-classes-v3');
  });

  it('reads versions only from names of its own prefix and kind', () => {
    expect(parseVersion('talent-earners-v12', 'talent', 'earners')).toBe(12);
    expect(parseVersion('talent-test-earners-v1', 'talent', 'earners')).toBeNull();
    expect(parseVersion('talent-earners-v1x', 'talent', 'earners')).toBeNull();
    expect(parseVersion('talent-skills-v1', 'talent', 'earners')).toBeNull();
  });

  it('numbers the next version after the highest one', () => {
    expect(nextVersion([], 'p', 'skills')).toBe(1);
    expect(nextVersion(['p-skills-v2', 'p-skills-v10', 'p-earners-v40'], 'p', 'skills')).toBe(11);
  });
});

describe('every mapping on the real engine', () => {
  const target = testIndices('mappings');
  afterAll(() => target.cleanup());

  it('creates every index behind its alias, once', async () => {
    await ensureAllIndices(target);
    await ensureAllIndices(target); // idempotent
    for (const kind of INDEX_KINDS) {
      expect(await aliasTargets(target, kind)).toEqual([versionedName(target.prefix, kind, 1)]);
      expect(await listVersions(target, kind)).toHaveLength(1);
    }
  });

  it.each(INDEX_KINDS)('stores the mapping of %s as declared', async (kind) => {
    const alias = await ensureIndex(target, kind);
    const response = await target.client.indices.getMapping({ index: alias });
    const mapping = Object.values(response)[0]?.mappings;
    expect(mapping?.dynamic).toBe('strict');
    expect(Object.keys(mapping?.properties ?? {}).sort()).toEqual(Object.keys(INDEX_DEFINITIONS[kind].mappings.properties ?? {}).sort());
  });

  it.each(INDEX_KINDS)('accepts a valid %s document and finds it by id', async (kind) => {
    const alias = await ensureIndex(target, kind);
    const { id, document } = sampleDocuments[kind];
    await target.client.index({ index: alias, id, document, refresh: true });
    const found = await target.client.get({ index: alias, id });
    expect(found._source).toEqual(document);
  });

  it('adds fields new to a system of record in place, keeping its documents (no rebuild)', async () => {
    const kind = 'contacts';
    const alias = aliasName(target.prefix, kind);
    // A contacts index as created before requests named badges.
    const { badges: _added, ...oldProperties } = INDEX_DEFINITIONS[kind].mappings.properties!;
    const old = versionedName(target.prefix, kind, 7);
    await target.client.indices.create({ index: old, mappings: { dynamic: 'strict', properties: oldProperties } });
    const { badges: _badges, ...oldRequest } = sampleDocuments[kind].document as Record<string, unknown>;
    await target.client.index({ index: old, id: 'old-request', document: oldRequest, refresh: true });
    const live = await aliasTargets(target, kind);
    await target.client.indices.updateAliases({
      actions: [...live.map((index) => ({ remove: { index, alias } })), { add: { index: old, alias, is_write_index: true } }],
    });
    try {
      await expect(target.client.index({ index: alias, id: 'new', document: sampleDocuments[kind].document })).rejects.toThrow(
        /strict_dynamic_mapping_exception/,
      );
      await ensureIndex(target, kind);
      await target.client.index({ index: alias, id: 'new', document: sampleDocuments[kind].document, refresh: true });
      expect((await target.client.get({ index: alias, id: 'new' }))._source).toEqual(sampleDocuments[kind].document);
      expect((await target.client.get({ index: alias, id: 'old-request' }))._source).toEqual(oldRequest);
    } finally {
      await target.client.indices.updateAliases({
        actions: [{ remove: { index: old, alias } }, ...live.map((index) => ({ add: { index, alias, is_write_index: true } }))],
      });
      await target.client.indices.delete({ index: old });
    }
  });

  it('rejects a field the contract does not declare', async () => {
    const alias = await ensureIndex(target, 'earners');
    await expect(
      target.client.index({ index: alias, id: 'bad', document: { ...sampleDocuments.earners.document, email: 'leak@example.org' } }),
    ).rejects.toThrow(/strict_dynamic_mapping_exception/);
  });

  it('filters nested badges within one badge and geo-filters earners', async () => {
    const alias = await ensureIndex(target, 'earners');
    const query = {
      bool: {
        filter: [
          {
            nested: {
              path: 'badges',
              query: {
                bool: {
                  filter: [{ term: { 'badges.skillsExpanded': 'onet:2.B.3' } }, { term: { 'badges.verification.status': 'VERIFIED' } }],
                },
              },
            },
          },
          { geo_distance: { distance: '50km', 'location.geo': { lat: 40.0, lon: -83.0 } } },
        ],
      },
    };
    const result = await target.client.search({ index: alias, query });
    expect(result.hits.hits.map((h) => h._id)).toEqual(['earner-1']);
  });

  it('suggests skills through the completion field', async () => {
    const alias = await ensureIndex(target, 'skills');
    const result = await target.client.search({ index: alias, suggest: { skill: { prefix: 'troub', completion: { field: 'suggest' } } } });
    const options = result.suggest?.skill?.[0]?.options;
    expect(Array.isArray(options) ? options.map((o) => ('_id' in o ? o._id : null)) : []).toEqual(['onet:2.B.3.h']);
  });
});

describe('index settings', () => {
  const target = testIndices('settings');
  afterAll(() => target.cleanup());

  it('gives every index one shard, and earners room for many badges per earner', async () => {
    await ensureAllIndices(target);
    for (const kind of INDEX_KINDS) {
      const index = versionedName(target.prefix, kind, 1);
      const settings = (await target.client.indices.getSettings({ index }))[index]?.settings?.index;
      expect(settings?.number_of_shards).toBe('1');
      if (kind === 'earners') expect(settings?.max_inner_result_window).toBe('1000');
    }
  });
});
