import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../api/engine.ts';
import { createLogger } from '../../api/log.ts';
import { aliasTargets } from '../../mappings/indices.ts';
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
    // The search (hits and counts in one multi-search); badge classes (visibility + documents in one multi-search); issuers (registry
    // entries, then their earner counts); skills with facet labels, then broader skills (the next depth); the pathway definitions the
    // search counts (read once for all requests of the next 10 seconds).
    expect(paths).toEqual(
      [
        'POST /P-pathways/_search',
        'POST /P-skills/_mget',
        'POST /P-skills/_mget',
        'POST /P-earners/_search',
        'POST /P-issuers/_search',
        'POST /_msearch',
        'POST /_msearch',
      ].sort(),
    );
  });

  it('a warmed API searches with one engine call (hits and counts together): skill labels come from the cache kept across requests', async () => {
    const query = /* GraphQL */ `
      query ($input: EarnerSearchInput!) {
        searchEarners(input: $input) {
          total
          nodes {
            earner {
              id
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
    type Result = { searchEarners: { facets: { skills: { value: string; label: string }[] } } };
    const input = { input: { first: 5 } };
    const first = await api.run<Result>(query, input);
    expect(first.errors).toBeUndefined();
    api.resetCalls();
    const again = await api.run<Result>(query, input);
    expect(again.errors).toBeUndefined();
    const labels = again.data!.searchEarners.facets.skills;
    expect(labels.length).toBeGreaterThan(0);
    // Real labels (not the ids a missing look-up falls back to), the same as the first answer's.
    expect(labels.every((l) => l.label !== l.value)).toBe(true);
    expect(labels).toEqual(first.data!.searchEarners.facets.skills);
    // Hits and facet counts in one round trip.
    expect(api.calls.map((c) => `${c.method} ${c.path.replace(fixture.prefix, 'P')}`)).toEqual(['POST /_msearch']);
  });

  it('look-ups name the concrete index behind the alias (the taxonomy version the skill cache keys on)', async () => {
    const engine = createSearchEngine(
      fixture.client,
      fixture.prefix,
      createLogger('error', () => {}),
    );
    const skill = fixture.skillPool[0]!;
    const { docs, indices } = await engine.getPublicVersioned<{ id: string }>('skills', [skill, 'no-such-skill'], ['id']);
    expect(docs.map((d) => d?.id)).toEqual([skill, undefined]);
    expect(indices).toEqual(await aliasTargets({ client: fixture.client, prefix: fixture.prefix, replicas: 0 }, 'skills'));
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
