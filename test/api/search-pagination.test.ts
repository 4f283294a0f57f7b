import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';
import { bruteForce, latestShown, type SearchInput } from '../support/search-oracle.ts';

const PAGE = /* GraphQL */ `
  query Page($input: EarnerSearchInput!) {
    searchEarners(input: $input) {
      total
      nodes {
        earner {
          id
          latestIssuedOn
        }
        cursor
        score
        highlights {
          field
          fragments
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;

interface PageData {
  searchEarners: {
    total: number;
    nodes: {
      earner: { id: string; latestIssuedOn: string };
      cursor: string;
      score: number | null;
      highlights: { field: string; fragments: string[] }[];
    }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

describe('cursor pagination', () => {
  let fixture: SearchFixture;
  let api: GraphqlHarness;

  beforeAll(async () => {
    fixture = await seedSearchFixture('search-pages', 5, 250);
    api = await graphqlHarness(fixture.prefix, fixture.now);
  });
  afterAll(async () => {
    await api?.close();
    await fixture?.cleanup();
  });

  async function walk(input: SearchInput): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const result = await api.run<PageData>(PAGE, { input: { ...input, ...(after ? { after } : {}) } });
      expect(result.errors).toBeUndefined();
      const page = result.data!.searchEarners;
      ids.push(...page.nodes.map((n) => n.earner.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor!;
    }
    throw new Error('pagination did not end');
  }

  it('walks every matching earner exactly once, in id order without text', async () => {
    const input: SearchInput = { first: 7, verification: ['VERIFIED', 'EXPIRED'] };
    const ids = await walk(input);
    expect(ids).toEqual(bruteForce(fixture.records, input, fixture.now).ids);
  });

  it('walks the RECENT order: newest shown badge first, earner id breaking ties', async () => {
    const input: SearchInput = { first: 9, sort: 'RECENT' };
    const ids = await walk(input);
    const byId = new Map(fixture.records.map((r) => [r.earnerId, r]));
    const expected = bruteForce(fixture.records, input, fixture.now).ids.sort((a, b) => {
      const la = latestShown(byId.get(a)!)!;
      const lb = latestShown(byId.get(b)!)!;
      return la === lb ? (a < b ? -1 : 1) : la < lb ? 1 : -1;
    });
    expect(ids).toEqual(expected);
  });

  it('walks a text search by relevance with each earner once, with highlights', async () => {
    const topic = fixture.classes[0]!.name.split(' ')[0]!;
    const input: SearchInput = { text: topic, first: 5 };
    const ids = await walk(input);
    expect(new Set(ids).size).toBe(ids.length);
    const first = await api.run<PageData>(PAGE, { input });
    const page = first.data!.searchEarners;
    expect(page.total).toBe(ids.length);
    expect(page.total).toBeGreaterThan(0);
    expect(page.nodes[0]!.score).toBeGreaterThan(0);
    expect(page.nodes[0]!.highlights.flatMap((h) => h.fragments).join(' ')).toContain(`<mark>${topic}</mark>`);
  });
});
