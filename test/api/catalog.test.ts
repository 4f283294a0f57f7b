/**
 * The public catalog (`searchBadgeClasses`) against the real engine: open to
 * anonymous callers, recognized issuers only, filters and facets against a
 * brute-force count of the fixture, earner counts suppressed below the
 * threshold, pages that cover everything once, and no earner in any answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEarnerCount } from '../../api/catalog/catalog-request.ts';
import type { Viewer } from '../../api/viewer.ts';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';
import type { ClassRecord } from '../support/generators/directory.ts';

const ANONYMOUS: Viewer = { role: 'anonymous' };
const THRESHOLD = 5;

const SEARCH = /* GraphQL */ `
  query Catalog($input: BadgeClassSearchInput!) {
    searchBadgeClasses(input: $input) {
      total
      earnerCountThreshold
      nodes {
        id
        name
        image
        description
        credentialType
        issuer {
          id
          name
        }
        skills(first: 3) {
          id
          label
        }
        pathways(first: 3) {
          id
          name
        }
        earnerCount {
          value
          suppressed
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      facets {
        issuers {
          value
          label
          count
        }
        credentialTypes(first: 20) {
          value
          count
        }
        skills {
          value
          label
          count
        }
        pathways {
          value
          count
        }
      }
    }
  }
`;

interface Node {
  id: string;
  name: string;
  image: string | null;
  credentialType: string;
  issuer: { id: string; name: string } | null;
  earnerCount: { value: number | null; suppressed: boolean };
}
interface Result {
  searchBadgeClasses: {
    total: number;
    earnerCountThreshold: number;
    nodes: Node[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    facets: Record<'issuers' | 'credentialTypes' | 'skills' | 'pathways', { value: string; label?: string; count: number }[]>;
  };
}

describe('searchBadgeClasses: the public micro-credential catalog', () => {
  let fixture: SearchFixture;
  let gql: GraphqlHarness;
  let recognized: ClassRecord[];

  async function search(input: Record<string, unknown>, viewer: Viewer = ANONYMOUS) {
    const result = await gql.run<Result>(SEARCH, { input: { first: 10, ...input } }, viewer);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.searchBadgeClasses;
  }

  /** Every page of a search, following endCursor. */
  async function allPages(input: Record<string, unknown>): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const result = await search({ ...input, first: 10, ...(after ? { after } : {}) });
      nodes.push(...result.nodes);
      if (!result.pageInfo.hasNextPage) return nodes;
      after = result.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    fixture = await seedSearchFixture('catalog', 17, 200);
    gql = await graphqlHarness(fixture.prefix, fixture.now);
    recognized = fixture.classes.filter((c) => c.issuerId !== fixture.hiddenOnly.issuerId);
  }, 120_000);
  afterAll(async () => {
    await gql?.close();
    await fixture?.cleanup();
  });

  it('answers anonymous callers with every badge class of a recognized issuer, each once across pages', async () => {
    const first = await search({});
    expect(first.total).toBe(recognized.length);
    expect(first.earnerCountThreshold).toBe(THRESHOLD);
    const nodes = await allPages({});
    expect(nodes.map((n) => n.id).sort()).toEqual(recognized.map((c) => c.id).sort());
    // The PENDING (only seen) issuer's classes never appear, nor any issuer outside the registry's recognized entries.
    expect(nodes.some((n) => n.issuer === null)).toBe(false);
    expect(nodes.map((n) => n.id)).not.toContain(fixture.hiddenOnly.classId);
  });

  it('counts the listed earners who show each class, suppressed below the threshold', async () => {
    const nodes = await allPages({});
    for (const node of nodes) {
      const holders = fixture.records.filter(
        (r) =>
          r.listed && r.badges.some((b) => b.classId === node.id && b.visible && (b.issuerRecognition ?? 'RECOGNIZED') === 'RECOGNIZED'),
      ).length;
      expect(node.earnerCount, node.id).toEqual(publishEarnerCount(holders, THRESHOLD));
      if (node.earnerCount.value !== null) expect(node.earnerCount.value === 0 || node.earnerCount.value >= THRESHOLD).toBe(true);
    }
  });

  it('filters by credential type, issuer and skill, with facets counting every selection but their own', async () => {
    const type = recognized[0]!.credentialType;
    const byType = await search({ credentialTypes: [type] });
    expect(byType.total).toBe(recognized.filter((c) => c.credentialType === type).length);
    // The credential-type facet ignores its own selection: it still counts every type.
    const typeCounts = Object.fromEntries(byType.facets.credentialTypes.map((f) => [f.value, f.count]));
    for (const t of new Set(recognized.map((c) => c.credentialType)))
      expect(typeCounts[t]).toBe(recognized.filter((c) => c.credentialType === t).length);

    const issuer = byType.facets.issuers[0]!;
    const both = await search({ credentialTypes: [type], issuers: [issuer.value] });
    expect(both.total).toBe(recognized.filter((c) => c.credentialType === type && c.issuerId === issuer.value).length);
    expect(both.total).toBe(issuer.count);
    expect(both.nodes.every((n) => n.issuer?.id === issuer.value)).toBe(true);

    const skill = recognized[0]!.skills[0]!;
    const bySkill = await search({ skills: [skill] });
    expect(bySkill.total).toBeGreaterThanOrEqual(recognized.filter((c) => c.skills.includes(skill)).length);
    // The skills facet holds broader skills too (a tree): the chosen one is among its values.
    const facet = await gql.run<{ searchBadgeClasses: { facets: { skills: { value: string; label: string }[] } } }>(
      'query($input: BadgeClassSearchInput!) { searchBadgeClasses(input: $input) { facets { skills(first: 100) { value label } } } }',
      { input: { first: 1, skills: [skill] } },
      ANONYMOUS,
    );
    expect(facet.data?.searchBadgeClasses.facets.skills.find((f) => f.value === skill)?.label).toBeTruthy();
  });

  it('finds classes by words of their name', async () => {
    const target = recognized[3]!;
    const found = await allPages({ text: target.name });
    expect(found.map((n) => n.id)).toContain(target.id);
    expect(found[0]!.name).toBe(target.name);
  });

  it('never reveals an earner: no earner id, name or email anywhere in an answer', async () => {
    const text = JSON.stringify(await allPages({}));
    for (const r of fixture.records) {
      expect(text).not.toContain(r.earnerId);
      expect(text).not.toContain(r.email);
    }
    expect(text).not.toContain(fixture.hiddenOnly.className);
  });

  it('filters by the issuer’s region (from the registry’s location) with a facet counting every selection but its own', async () => {
    const REGIONS = /* GraphQL */ `
      query ($input: BadgeClassSearchInput!) {
        searchBadgeClasses(input: $input) {
          total
          nodes {
            id
            issuer {
              id
              location
              region
            }
          }
          facets {
            issuerRegions(first: 20) {
              value
              label
              count
            }
          }
        }
      }
    `;
    const issuers = fixture.issuers.filter((i) => i.id !== fixture.hiddenOnly.issuerId);
    const located: Record<string, { location: string; region: string }> = {
      [issuers[0]!.id]: { location: 'Columbus, OH', region: 'US-OH' },
      [issuers[1]!.id]: { location: 'Portland, Oregon, USA', region: 'US-OR' },
      [issuers[2]!.id]: { location: 'Cleveland, Ohio', region: 'US-OH' },
    };
    for (const [id, { location }] of Object.entries(located))
      await fixture.client.update({ index: `${fixture.prefix}-issuers`, id, doc: { location }, refresh: true });
    type Answer = {
      searchBadgeClasses: {
        total: number;
        nodes: { id: string; issuer: { id: string; location: string | null; region: string | null } }[];
        facets: { issuerRegions: { value: string; label: string; count: number }[] };
      };
    };
    const run = async (input: Record<string, unknown>) => {
      const result = await gql.run<Answer>(REGIONS, { input: { first: 50, ...input } }, ANONYMOUS);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.searchBadgeClasses;
    };
    const regionOf = (c: ClassRecord) => located[c.issuerId]?.region;
    const all = await run({});
    expect(all.facets.issuerRegions).toEqual(
      ['US-OH', 'US-OR']
        .map((code) => ({
          value: code,
          label: code === 'US-OH' ? 'Ohio' : 'Oregon',
          count: recognized.filter((c) => regionOf(c) === code).length,
        }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
    const ohio = await run({ issuerRegions: ['oh'] });
    expect(ohio.total).toBe(recognized.filter((c) => regionOf(c) === 'US-OH').length);
    expect(ohio.nodes.every((n) => n.issuer.region === 'US-OH')).toBe(true);
    // Its own facet still counts Oregon; another selection narrows it.
    expect(ohio.facets.issuerRegions.map((f) => f.value).sort()).toEqual(['US-OH', 'US-OR']);
    const type = recognized.find((c) => regionOf(c) === 'US-OR')!.credentialType;
    const typed = await run({ credentialTypes: [type] });
    expect(typed.facets.issuerRegions.find((f) => f.value === 'US-OR')?.count).toBe(
      recognized.filter((c) => regionOf(c) === 'US-OR' && c.credentialType === type).length,
    );
    const bad = await gql.run(REGIONS, { input: { issuerRegions: ['Atlantis'] } }, ANONYMOUS);
    expect(bad.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Atlantis.*not a known region/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('offers the skills as a tree: broad skills count the classes of their narrower ones, as selecting them would', async () => {
    const TREE = /* GraphQL */ `
      query ($input: BadgeClassSearchInput!) {
        searchBadgeClasses(input: $input) {
          total
          facets {
            skills(first: 100) {
              value
              label
              count
              broader
            }
          }
        }
      }
    `;
    const result = await gql.run<{
      searchBadgeClasses: { facets: { skills: { value: string; label: string; count: number; broader: string[] }[] } };
    }>(TREE, { input: { first: 1 } }, ANONYMOUS);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.searchBadgeClasses.facets.skills;
    // Brute force: each class counts for its skills and every broader one of them.
    const expected = new Map<string, number>();
    for (const c of recognized)
      for (const id of new Set(c.skills.flatMap((s) => [s, ...(fixture.taxonomy.byId.get(s)?.ancestors ?? [])])))
        expected.set(id, (expected.get(id) ?? 0) + 1);
    const top = [...expected].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 100);
    expect(nodes.map((n) => [n.value, n.count])).toEqual(top);
    let nested = 0;
    for (const node of nodes) {
      expect(node.label).toBe(fixture.taxonomy.byId.get(node.value)?.label);
      // Its broader skills among the tree's nodes (every broader skill of a used one is a node).
      expect(node.broader).toEqual((fixture.taxonomy.byId.get(node.value)?.broader ?? []).filter((b) => expected.has(b)).slice(0, 3));
      nested += node.broader.length;
    }
    expect(nested).toBeGreaterThan(0);
    // Selecting a broad node shows exactly the classes it counted.
    const broad = nodes.find((n) => !recognized.some((c) => c.skills.includes(n.value)))!;
    expect(broad).toBeDefined();
    expect((await search({ skills: [broad.value] })).total).toBe(broad.count);
  });

  it('fits the anonymous budget with a page of 10, and refuses bad input by name: page size, forged cursor, too many values', async () => {
    // A page of 10 (the home page's) fits the anonymous budget; a larger one needs an account.
    expect((await gql.run(SEARCH, { input: { first: 10 } }, ANONYMOUS)).errors).toBeUndefined();
    expect((await gql.run(SEARCH, { input: { first: 50 } }, ANONYMOUS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const errors = async (input: Record<string, unknown>) => (await gql.run(SEARCH, { input })).errors ?? [];
    expect((await errors({ first: 51 }))[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await errors({ after: 'not-a-cursor!' }))[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await errors({ skills: Array.from({ length: 21 }, (_, i) => `s:${i}`) }))[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('passes on an issuer-provided image only when it is safe, in the catalog and in the badge-class look-up', async () => {
    const target = recognized[0]!;
    const index = `${fixture.prefix}-badge-classes`;
    const employer: Viewer = { role: 'employer', accountId: 'acct_employer', email: 'hr@example.org' };
    const imageOf = async () => {
      const listed = await allPages({});
      const lookedUp = await gql.run<{ badgeClass: { image: string | null } | null }>(
        'query($id: ID!) { badgeClass(id: $id) { image } }',
        { id: target.id },
        employer,
      );
      if (lookedUp.errors) throw new Error(JSON.stringify(lookedUp.errors));
      return [listed.find((n) => n.id === target.id)?.image, lookedUp.data?.badgeClass?.image];
    };
    const hostile = [
      'javascript:alert(1)',
      'http://tracker.example/pixel.png',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml,<svg onload="alert(1)"></svg>',
      '//evil.example/x.png',
    ];
    try {
      for (const image of hostile) {
        await fixture.client.update({ index, id: target.id, doc: { image }, refresh: true });
        expect(await imageOf(), image).toEqual([null, null]);
      }
      const safe = 'https://issuer.example.net/badge.png';
      await fixture.client.update({ index, id: target.id, doc: { image: safe }, refresh: true });
      expect(await imageOf()).toEqual([safe, safe]);
    } finally {
      await fixture.client.update({ index, id: target.id, doc: { image: null }, refresh: true });
    }
  });
});
