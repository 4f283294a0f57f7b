import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';

describe('DataLoaders batch per entity type', () => {
  let fixture: SearchFixture;
  let api: GraphqlHarness;

  beforeAll(async () => {
    fixture = await seedSearchFixture('search-loaders', 3, 120);
    api = await graphqlHarness(fixture.prefix, fixture.now);
  });
  afterAll(async () => {
    await api?.close();
    await fixture?.cleanup();
  });

  it('a page of earners with badge classes, issuers and skills costs one request per entity type', async () => {
    const query = /* GraphQL */ `
      query ($input: EarnerSearchInput!) {
        searchEarners(input: $input) {
          nodes {
            earner {
              id
              badges(first: 10) {
                name
                badgeClass {
                  id
                  name
                  earnerCount
                  issuer {
                    id
                    name
                  }
                }
                issuer {
                  id
                  name
                  earnerCount
                }
                skills(first: 10) {
                  id
                  label
                  broader(first: 5) {
                    id
                  }
                }
              }
            }
          }
          facets {
            skills {
              value
              label
              count
            }
          }
        }
      }
    `;
    api.resetCalls();
    const result = await api.run<{
      searchEarners: { nodes: { earner: { badges: { badgeClass: unknown; issuer: unknown; skills: unknown[] }[] } }[] };
    }>(query, {
      input: { first: 30, verification: ['VERIFIED', 'EXPIRED'] },
    });
    expect(result.errors).toBeUndefined();
    const badges = result.data!.searchEarners.nodes.flatMap((n) => n.earner.badges);
    expect(badges.length).toBeGreaterThan(30);
    expect(badges.every((b) => b.badgeClass !== null && b.issuer !== null && b.skills.length > 0)).toBe(true);
    const paths = api.calls.map((c) => `${c.method} ${c.path.replace(fixture.prefix, 'P')}`).sort();
    // The search; badge classes (visibility + documents in one multi-search); issuers (registry entries, then their earner counts); skills with facet labels, then broader skills (the next depth);
    // the pathway definitions the search counts (read once for all requests of the next 10 seconds).
    expect(paths).toEqual(
      [
        'POST /P-pathways/_search',
        'POST /P-skills/_mget',
        'POST /P-skills/_mget',
        'POST /P-earners/_search',
        'POST /P-earners/_search',
        'POST /P-issuers/_search',
        'POST /_msearch',
      ].sort(),
    );
  });

  it('looking up many earners by id is one request', async () => {
    const listed = fixture.records.filter((r) => r.listed).slice(0, 5);
    const query = `query { ${listed.map((r, i) => `e${i}: earner(id: "${r.earnerId}") { id }`).join(' ')} }`;
    api.resetCalls();
    const result = await api.run<Record<string, { id: string }>>(query);
    expect(Object.values(result.data!).map((e) => e.id)).toEqual(listed.map((r) => r.earnerId));
    expect(api.calls).toHaveLength(1);
  });
});
