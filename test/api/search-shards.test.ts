/**
 * INDEX_SHARDS above 1: the earners index on 3 primary shards, and every
 * total and facet count still equal to the brute-force count. Small facet
 * sizes make each shard's own top values differ from the overall ones, which
 * is where a terms aggregation with the engine's default shard_size goes wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasName } from '../../mappings/indices.ts';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { randomSearches } from '../support/random-searches.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';
import { bruteForce, FACET_NAMES, type SearchInput } from '../support/search-oracle.ts';

const SHARDS = 3;
const SEARCH = /* GraphQL */ `
  query Search($input: EarnerSearchInput!) {
    searchEarners(input: $input) {
      total
      nodes {
        earner {
          id
        }
      }
      facets {
        ${FACET_NAMES.map((f) => `${f} { value count }`).join('\n        ')}
      }
    }
  }
`;

interface SearchData {
  searchEarners: { total: number; nodes: { earner: { id: string } }[]; facets: Record<string, { value: string; count: number }[]> };
}

describe(`search on ${SHARDS} shards: totals and every facet count equal a brute-force count`, () => {
  let fixture: SearchFixture;
  let api: GraphqlHarness;
  /** The same index read as if it had one shard: the engine's default shard_size. */
  let naive: GraphqlHarness;

  beforeAll(async () => {
    fixture = await seedSearchFixture('search-shards', 11, 600, SHARDS);
    api = await graphqlHarness(fixture.prefix, fixture.now, {}, { shards: SHARDS, flatDefaultScope: true });
    naive = await graphqlHarness(fixture.prefix, fixture.now, {}, { shards: 1, flatDefaultScope: true });
  });
  afterAll(async () => {
    await api?.close();
    await naive?.close();
    await fixture?.cleanup();
  });

  /** Facets (of this search) whose values or counts differ from the brute-force ones. */
  async function wrongFacets(harness: GraphqlHarness, input: SearchInput): Promise<string[]> {
    const result = await harness.run<SearchData>(SEARCH, { input });
    expect(result.errors, JSON.stringify(input)).toBeUndefined();
    const found = result.data!.searchEarners;
    const truth = bruteForce(fixture.records, input, fixture.now);
    expect(found.total, JSON.stringify(input)).toBe(truth.ids.length);
    expect(found.nodes.map((n) => n.earner.id)).toEqual(truth.ids.slice(0, input.first ?? 20));
    return FACET_NAMES.filter((f) => JSON.stringify(found.facets[f]) !== JSON.stringify(truth.facets[f].slice(0, input.facetSize ?? 20)));
  }

  it(`the earners index really has ${SHARDS} primary shards, each holding earners`, async () => {
    const shards = await fixture.client.cat.shards({ index: aliasName(fixture.prefix, 'earners'), format: 'json' });
    const primaries = shards.filter((s) => s.prirep === 'p');
    expect(primaries).toHaveLength(SHARDS);
    for (const shard of primaries) expect(Number(shard.docs)).toBeGreaterThan(0);
  });

  it('with no filters, and for 120 random searches with small and large facet sizes', async () => {
    const inputs: SearchInput[] = [
      { first: 50, facetSize: 100 },
      { first: 10, facetSize: 2 },
      ...randomSearches(fixture, 120, 77).map((input, i) => ({ ...input, facetSize: [1, 2, 3, 100][i % 4] })),
    ];
    for (const input of inputs) expect(await wrongFacets(api, input), JSON.stringify(input)).toEqual([]);
  }, 240_000);

  it("the engine's default per-shard top values would miss some (so the exact setting is what keeps them right)", async () => {
    let wrong = 0;
    for (const input of randomSearches(fixture, 40, 78)) wrong += (await wrongFacets(naive, { ...input, facetSize: 2 })).length;
    expect(wrong).toBeGreaterThan(0);
  }, 120_000);
});
