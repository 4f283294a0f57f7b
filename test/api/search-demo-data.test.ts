import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '../../scripts/demo/types.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { loadDemoDirectory, type DemoDirectory } from '../support/demo-directory.ts';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { randomSearches } from '../support/random-searches.ts';
import type { EarnerRecord } from '../support/generators/directory.ts';
import type { SearchFixture } from '../support/search-fixtures.ts';
import { bruteForce, FACET_NAMES, type SearchInput } from '../support/search-oracle.ts';

/**
 * Search on the generated demo data, loaded through the real pipeline
 * (signed credentials verified over HTTP, merged, settings joined). Ground
 * truth: the demo generator's own records, counted by brute force.
 */
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

type Facets = Record<string, { value: string; count: number }[]>;
const taxonomy = loadTaxonomy();
const now = new Date('2026-11-01T00:00:00Z');
let demo: DemoDirectory;
let dataset: DemoDataset;
let api: GraphqlHarness;

/** The oracle's view of a demo earner, from the generator's records and the taxonomy data only. */
function oracleRecords(data: DemoDataset): EarnerRecord[] {
  return data.records.map((r) => ({
    earnerId: r.earnerId,
    name: r.displayName ?? r.name,
    email: r.email,
    listed: r.listed,
    region: r.location.region,
    ...(r.location.geo ? { geo: r.location.geo } : {}),
    badges: r.badges.map((b) => {
      const expanded = [...new Set(b.skills.flatMap((id) => [id, ...(taxonomy.byId.get(id)?.ancestors ?? [])]))];
      // Employers see verified badges and expired-only ones (as EXPIRED); the generator planted the reasons.
      const shownAs =
        b.status === 'VERIFIED' ? 'VERIFIED' : b.reasons.length > 0 && b.reasons.every((r) => r === 'EXPIRED') ? 'EXPIRED' : undefined;
      return {
        credentialId: b.credentialId,
        classId: b.badgeClassId,
        issuerId: b.issuerId,
        credentialType: b.credentialType,
        skills: b.skills,
        skillsExpanded: expanded,
        frameworks: [...new Set(b.skills.map((id) => id.slice(0, id.indexOf(':'))))],
        issuedOn: new Date(b.issuedOn).toISOString(),
        status: b.status,
        reasons: b.reasons,
        ...(shownAs ? { shownAs } : {}),
        // Every demo issuer is in the demo registry; a tampered copy proves no issuer, so it is not recognized.
        issuerRecognition: b.reasons.includes('BAD_SIGNATURE') ? ('UNKNOWN' as const) : ('RECOGNIZED' as const),
        visible: r.listed && !b.hidden && shownAs !== undefined,
      };
    }),
  }));
}

function searchFixture(records: EarnerRecord[]): SearchFixture {
  const badges = dataset.records.flatMap((r) => r.badges);
  const classes = [
    ...new Map(
      badges.map((b) => [
        b.badgeClassId,
        { id: b.badgeClassId, name: b.badgeClassName, issuerId: b.issuerId, credentialType: b.credentialType, skills: b.skills },
      ]),
    ).values(),
  ];
  const regions = Object.fromEntries(dataset.records.filter((r) => r.location.geo).map((r) => [r.location.region, r.location.geo!]));
  return {
    prefix: demo.target.prefix,
    client: demo.target.client,
    now,
    taxonomy,
    records,
    classes,
    issuers: dataset.issuers.map((i) => ({ id: i.id, name: i.name })),
    skillPool: [...new Set(badges.flatMap((b) => b.skills))],
    hiddenOnly: { classId: '', className: '', issuerId: '', issuerName: '', skillId: '' },
    regions,
    cleanup: async () => {},
  };
}

beforeAll(async () => {
  demo = await loadDemoDirectory('search-demo', taxonomy, { earners: 150, seed: 11, now });
  dataset = demo.dataset;
  expect(demo.summary.rejected).toBe(0);
  api = await graphqlHarness(demo.target.prefix, now);
}, 240_000);
afterAll(async () => {
  await api?.close();
  await demo?.close();
});

describe('search on the generated demo data', () => {
  it("gives totals and every facet count equal to a brute-force count over the generator's records", async () => {
    const records = oracleRecords(dataset);
    const fixture = searchFixture(records);
    const searches: SearchInput[] = [{ first: 50, facetSize: 100 }, ...randomSearches(fixture, 100, 77)];
    const totals: number[] = [];
    for (const input of searches) {
      const result = await api.run<{ searchEarners: { total: number; nodes: { earner: { id: string } }[]; facets: Facets } }>(SEARCH, {
        input,
      });
      const context = JSON.stringify(input);
      expect(result.errors, context).toBeUndefined();
      const found = result.data!.searchEarners;
      const truth = bruteForce(records, input, now);
      expect(found.total, context).toBe(truth.ids.length);
      expect(found.nodes.map((n) => n.earner.id).sort(), context).toEqual(truth.ids.slice(0, input.first ?? 20).sort());
      for (const facet of FACET_NAMES)
        expect(found.facets[facet], `${facet} for ${context}`).toEqual(truth.facets[facet].slice(0, input.facetSize ?? 20));
      totals.push(truth.ids.length);
    }
    expect(totals.filter((t) => t > 0).length).toBeGreaterThan(30);
  }, 300_000);
});
