/**
 * An earners index built before the flat default-scope fields
 * (`public.recognizedVerified`): the API notices at start-up and searches it
 * with nested joins only, so counts stay exact until `reindex` rebuilds it.
 * Asking the flat fields of such an index would find nobody.
 */
import type { MappingProperty, MappingTypeMapping } from '@elastic/elasticsearch/lib/api/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDefaultScopeFields } from '../../api/engine.ts';
import { earnersMapping } from '../../mappings/earners.ts';
import { aliasName, INDEX_DEFINITIONS, listVersions } from '../../mappings/indices.ts';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';
import { bruteForce, type SearchInput } from '../support/search-oracle.ts';

const SEARCH = `query($input: EarnerSearchInput!) { searchEarners(input: $input) { total facets { skills { value count } issued { value count } } } }`;
type Data = { searchEarners: { total: number; facets: Record<'skills' | 'issued', { value: string; count: number }[]> } };

/** The earners mapping as it was: without `public.recognizedVerified`. */
function legacyMapping(): MappingTypeMapping {
  const publicField = earnersMapping.properties!.public as { properties: Record<string, MappingProperty> };
  const { recognizedVerified: _flat, ...rest } = publicField.properties;
  return { ...earnersMapping, properties: { ...earnersMapping.properties, public: { properties: rest } } };
}

describe('an earners index from before the flat default-scope fields', () => {
  let fixture: SearchFixture;
  let legacy: GraphqlHarness;
  let flat: GraphqlHarness;
  let current: boolean;

  beforeAll(async () => {
    fixture = await seedSearchFixture('search-legacy', 5, 200);
    const { client, prefix } = fixture;
    const alias = aliasName(prefix, 'earners');
    current = await hasDefaultScopeFields(client, prefix);
    // Rebuild the earners index as an older version would have: old mapping, documents without the flat values.
    const [old] = await listVersions({ client, prefix, replicas: 0 }, 'earners');
    const index = `${alias}-v2`;
    await client.indices.create({
      index,
      mappings: legacyMapping(),
      settings: { ...INDEX_DEFINITIONS.earners.settings, number_of_shards: 1 },
    });
    const all = await client.search<{ public: Record<string, unknown> }>({ index: alias, size: 1000, query: { match_all: {} } });
    const operations = all.hits.hits.flatMap((hit) => {
      const { recognizedVerified: _flat, ...publicRest } = hit._source!.public;
      return [{ index: { _index: index, _id: hit._id } }, { ...hit._source, public: publicRest }];
    });
    const bulk = await client.bulk({ operations, refresh: true });
    expect(bulk.errors).toBe(false);
    await client.indices.updateAliases({ actions: [{ remove: { index: old!, alias } }, { add: { index, alias, is_write_index: true } }] });
    legacy = await graphqlHarness(prefix, fixture.now, {}, { shards: 1, flatDefaultScope: await hasDefaultScopeFields(client, prefix) });
    flat = await graphqlHarness(prefix, fixture.now, {}, { shards: 1, flatDefaultScope: true });
  });
  afterAll(async () => {
    await legacy?.close();
    await flat?.close();
    await fixture?.cleanup();
  });

  it('is told apart from a current one', async () => {
    expect(current).toBe(true);
    expect(await hasDefaultScopeFields(fixture.client, fixture.prefix)).toBe(false);
  });

  it('is searched with nested joins only: totals and facet counts equal the brute-force ones', async () => {
    const skill = fixture.skillPool[0]!;
    for (const input of [{}, { skills: [skill] }, { issuedWithinMonths: 12 }] as SearchInput[]) {
      const truth = bruteForce(fixture.records, { ...input, facetSize: 20 }, fixture.now);
      expect(truth.ids.length).toBeGreaterThan(0);
      const result = await legacy.run<Data>(SEARCH, { input });
      expect(result.errors).toBeUndefined();
      expect(result.data!.searchEarners.total, JSON.stringify(input)).toBe(truth.ids.length);
      expect(result.data!.searchEarners.facets.skills).toEqual(truth.facets.skills.slice(0, 20));
      expect(result.data!.searchEarners.facets.issued).toEqual(truth.facets.issued.slice(0, 20));
      // The flat build would find nobody here: the documents carry no flat values.
      expect((await flat.run<Data>(SEARCH, { input })).data!.searchEarners.total).toBe(0);
    }
  });

  it('counts pathways through the nested badges: shown, verified badges of recognized issuers only', async () => {
    const trusted = (r: (typeof fixture.records)[number]) =>
      new Set(
        r.badges
          .filter((b) => b.visible && b.shownAs === 'VERIFIED' && (b.issuerRecognition ?? 'RECOGNIZED') === 'RECOGNIZED')
          .map((b) => b.classId),
      );
    const held = new Map<string, number>();
    for (const r of fixture.records.filter((x) => x.listed)) for (const id of trusted(r)) held.set(id, (held.get(id) ?? 0) + 1);
    const classes = [...held.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id]) => id);
    const pathway = { id: 'legacy-pathway', name: 'Legacy pathway', badgeClasses: classes, required: 2 };
    await fixture.client.index({ index: aliasName(fixture.prefix, 'pathways'), id: pathway.id, document: pathway, refresh: true });
    // A new harness: pathway definitions are read once per engine and kept for a few seconds.
    const nested = await graphqlHarness(fixture.prefix, fixture.now, {}, { shards: 1, flatDefaultScope: false });
    try {
      const earned = (r: (typeof fixture.records)[number]) => classes.filter((id) => trusted(r).has(id)).length;
      const listed = fixture.records.filter((r) => r.listed && bruteForce([r], {}, fixture.now).ids.length > 0);
      const query = `query($input: EarnerSearchInput!) { searchEarners(input: $input) { total facets { pathways { value count } } } }`;
      type PathwayData = { searchEarners: { total: number; facets: { pathways: { value: string; count: number }[] } } };
      const completed = await nested.run<PathwayData>(query, { input: { pathways: [pathway.id] } });
      expect(completed.errors).toBeUndefined();
      const truth = listed.filter((r) => earned(r) >= 2).length;
      expect(truth).toBeGreaterThan(0);
      expect(completed.data!.searchEarners.total).toBe(truth);
      expect(completed.data!.searchEarners.facets.pathways).toEqual([{ value: pathway.id, count: truth }]);
      const started = await nested.run<PathwayData>(query, { input: { pathwayProgress: [{ pathway: pathway.id, minEarned: 1 }] } });
      expect(started.data!.searchEarners.total).toBe(listed.filter((r) => earned(r) >= 1).length);
    } finally {
      await nested.close();
      await fixture.client.delete({ index: aliasName(fixture.prefix, 'pathways'), id: pathway.id, refresh: true });
    }
  });
});
