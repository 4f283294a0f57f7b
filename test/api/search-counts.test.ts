import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { randomSearches } from '../support/random-searches.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';
import { bruteForce, FACET_NAMES, type SearchInput } from '../support/search-oracle.ts';

const SEARCH = /* GraphQL */ `
  query Search($input: EarnerSearchInput!) {
    searchEarners(input: $input) {
      total
      totalIsExact
      nodes {
        earner {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
      facets {
        badges {
          value
          count
        }
        skills {
          value
          count
        }
        issuers {
          value
          count
        }
        frameworks {
          value
          count
        }
        regions {
          value
          count
        }
        credentialTypes {
          value
          count
        }
        issued {
          value
          count
        }
      }
    }
  }
`;

interface SearchData {
  searchEarners: {
    total: number;
    totalIsExact: boolean;
    nodes: { earner: { id: string } }[];
    pageInfo: { hasNextPage: boolean };
    facets: Record<string, { value: string; count: number }[]>;
  };
}

describe('search totals and facet counts equal a brute-force count', () => {
  let fixture: SearchFixture;
  let api: GraphqlHarness;

  beforeAll(async () => {
    fixture = await seedSearchFixture('search-counts', 7, 300);
    api = await graphqlHarness(fixture.prefix, fixture.now);
  });
  afterAll(async () => {
    await api?.close();
    await fixture?.cleanup();
  });

  async function check(input: SearchInput): Promise<number> {
    const result = await api.run<SearchData>(SEARCH, { input });
    expect(result.errors, JSON.stringify(input)).toBeUndefined();
    const found = result.data!.searchEarners;
    const truth = bruteForce(fixture.records, input, fixture.now);
    const context = JSON.stringify(input);
    expect(found.total, context).toBe(truth.ids.length);
    expect(found.totalIsExact).toBe(true);
    expect(
      found.nodes.map((n) => n.earner.id),
      context,
    ).toEqual(truth.ids.slice(0, input.first ?? 20));
    expect(found.pageInfo.hasNextPage).toBe(truth.ids.length > (input.first ?? 20));
    for (const facet of FACET_NAMES) {
      expect(found.facets[facet], `${facet} for ${context}`).toEqual(truth.facets[facet].slice(0, input.facetSize ?? 20));
    }
    return truth.ids.length;
  }

  it('with no filters at all', async () => {
    expect(await check({ first: 50, facetSize: 100 })).toBeGreaterThan(100);
  });

  it('for 150 random combinations of filters, modes and verification sets', async () => {
    const totals: number[] = [];
    for (const input of randomSearches(fixture, 150, 2024)) totals.push(await check(input));
    // The generator must exercise both empty and non-empty results.
    expect(totals.filter((t) => t > 0).length).toBeGreaterThan(50);
    expect(totals.filter((t) => t === 0).length).toBeGreaterThan(5);
  }, 240_000);

  it('a broad skill matches earners holding only a narrower one', async () => {
    const narrow = fixture.skillPool.find((id) => (fixture.taxonomy.byId.get(id)?.ancestors.length ?? 0) > 0)!;
    const broad = fixture.taxonomy.byId.get(narrow)!.ancestors[0]!;
    const total = await check({ skills: [broad], first: 50, facetSize: 100 });
    expect(total).toBeGreaterThanOrEqual(await check({ skills: [narrow], first: 50, facetSize: 100 }));
  });

  it('ALL modes: each value held, and facet counts stay exact under several clauses', async () => {
    const holder = fixture.records.find(
      (r) => r.listed && new Set(r.badges.filter((b) => b.visible && b.status === 'VERIFIED').map((b) => b.classId)).size >= 2,
    )!;
    const classes = [...new Set(holder.badges.filter((b) => b.visible && b.status === 'VERIFIED').map((b) => b.classId))].slice(0, 2);
    expect(await check({ badges: classes, badgesMode: 'ALL', first: 50, facetSize: 100 })).toBeGreaterThan(0);
    expect(await check({ badges: classes, badgesMode: 'ALL', first: 50, facetSize: 3 })).toBeGreaterThan(0);
    const skills = [...new Set(holder.badges.filter((b) => b.visible && b.status === 'VERIFIED').flatMap((b) => b.skills))].slice(0, 3);
    await check({
      skills,
      skillsMode: 'ALL',
      badges: classes,
      badgesMode: 'ALL',
      verification: ['VERIFIED', 'EXPIRED'],
      first: 50,
      facetSize: 100,
    });
  });

  it('ALL lists in the default scope: badge and issuer labels (looked up in the badge-classes index) as without the list', async () => {
    const LABELS = /* GraphQL */ `
      query ($input: EarnerSearchInput!) {
        searchEarners(input: $input) {
          facets {
            badges {
              value
              label
            }
            issuers {
              value
              label
            }
          }
        }
      }
    `;
    type Labels = { searchEarners: { facets: Record<'badges' | 'issuers', { value: string; label: string }[]> } };
    const holder = fixture.records.find(
      (r) => r.listed && new Set(r.badges.filter((b) => b.visible && b.status === 'VERIFIED').flatMap((b) => b.skills)).size >= 2,
    )!;
    const skills = [...new Set(holder.badges.filter((b) => b.visible && b.status === 'VERIFIED').flatMap((b) => b.skills))].slice(0, 2);
    const all = await api.run<Labels>(LABELS, { input: { skills, skillsMode: 'ALL', facetSize: 100 } });
    const plain = await api.run<Labels>(LABELS, { input: { facetSize: 100 } });
    expect(all.errors).toBeUndefined();
    for (const facet of ['badges', 'issuers'] as const) {
      const labelled = all.data!.searchEarners.facets[facet];
      expect(labelled.length, facet).toBeGreaterThan(0);
      const expected = new Map(plain.data!.searchEarners.facets[facet].map((v) => [v.value, v.label]));
      expect(
        labelled.map((v) => [v.value, v.label]),
        facet,
      ).toEqual(labelled.map((v) => [v.value, expected.get(v.value)]));
      expect(labelled.every((v) => v.label !== v.value)).toBe(true);
    }
  });
});
