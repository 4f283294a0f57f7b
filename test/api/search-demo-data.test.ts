import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '../../scripts/demo/types.ts';
import { loadTaxonomy } from '../../indexer/taxonomy/index.ts';
import { loadDemoDirectory, type DemoDirectory } from '../support/demo-directory.ts';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { HOSTILE_CREDENTIAL_ID, HOSTILE_EVIDENCE, HOSTILE_IMAGES, plantHostileBadges, SAFE_IMAGES } from '../support/hostile-badges.ts';
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

/** Trusted for pathways: shown, VERIFIED, of a recognized issuer (as `PathwayProgress` counts). Independent of the query builder. */
function earnedOn(record: EarnerRecord, pathway: DemoDataset['pathways'][number]): number {
  const trusted = new Set(
    record.badges.filter((b) => b.visible && b.shownAs === 'VERIFIED' && b.issuerRecognition === 'RECOGNIZED').map((b) => b.classId),
  );
  return pathway.badgeClasses.filter((id) => trusted.has(id)).length;
}
const requiredFor = (p: DemoDataset['pathways'][number]) => Math.min(p.required ?? p.badgeClasses.length, p.badgeClasses.length);
const completed = (record: EarnerRecord, p: DemoDataset['pathways'][number]) => earnedOn(record, p) >= requiredFor(p);

const PATHWAY_SEARCH = /* GraphQL */ `
  query Search($input: EarnerSearchInput!) {
    searchEarners(input: $input) {
      total
      nodes {
        earner {
          id
        }
      }
      facets {
        pathways {
          value
          label
          count
        }
        regions {
          value
          count
        }
      }
    }
  }
`;
type PathwayData = {
  searchEarners: {
    total: number;
    nodes: { earner: { id: string } }[];
    facets: { pathways: { value: string; label: string; count: number }[]; regions: { value: string; count: number }[] };
  };
};

describe('pathway filters and the pathways facet on the demo data', () => {
  const run = async (input: SearchInput & Record<string, unknown>) => {
    const result = await api.run<PathwayData>(PATHWAY_SEARCH, { input: { first: 50, facetSize: 100, ...input } });
    expect(result.errors, JSON.stringify(input)).toBeUndefined();
    return result.data!.searchEarners;
  };
  /** Earners matching `base` (the shared oracle) and `extra`, sorted by id. */
  const oracle = (records: EarnerRecord[], base: SearchInput, extra: (r: EarnerRecord) => boolean) => {
    const ids = new Set(bruteForce(records, base, now).ids);
    return records
      .filter((r) => ids.has(r.earnerId) && extra(r))
      .map((r) => r.earnerId)
      .sort();
  };
  const facetOracle = (records: EarnerRecord[], base: SearchInput, others: (r: EarnerRecord) => boolean) =>
    dataset.pathways
      .map((p) => ({ value: p.id, label: p.name, count: oracle(records, base, (r) => others(r) && completed(r, p)).length }))
      .filter((v) => v.count > 0)
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));

  it('finds exactly the earners who completed a pathway, counts each pathway (disjunctive) and ignores hidden or unverified badges', async () => {
    const records = oracleRecords(dataset);
    expect(dataset.pathways.length).toBeGreaterThan(2);
    // The rule matters here: someone holds a pathway badge that is hidden, unverified or not recognized.
    expect(
      records.some((r) =>
        dataset.pathways.some((p) => r.badges.some((b) => p.badgeClasses.includes(b.classId) && !(b.visible && b.shownAs === 'VERIFIED'))),
      ),
    ).toBe(true);
    const all = await run({});
    expect(all.facets.pathways).toEqual(facetOracle(records, {}, () => true));
    expect(all.facets.pathways.length).toBeGreaterThan(0);
    for (const pathway of dataset.pathways) {
      const found = await run({ pathways: [pathway.id] });
      const truth = oracle(records, {}, (r) => completed(r, pathway));
      expect(found.total, pathway.id).toBe(truth.length);
      expect(found.nodes.map((n) => n.earner.id).sort(), pathway.id).toEqual(truth.slice(0, 50));
      // The facet ignores its own selection: the same counts as with nothing selected.
      expect(found.facets.pathways, pathway.id).toEqual(all.facets.pathways);
    }
    // Two pathways: either one; with a region too, the facet counts honour the region.
    const [a, b] = all.facets.pathways.map((v) => dataset.pathways.find((p) => p.id === v.value)!);
    const either = await run({ pathways: [a!.id, b!.id] });
    expect(either.total).toBe(oracle(records, {}, (r) => completed(r, a!) || completed(r, b!)).length);
    const region = either.facets.regions[0]!.value;
    const narrowed = await run({ pathways: [a!.id], regions: [region] });
    expect(narrowed.total).toBe(oracle(records, { regions: [region] }, (r) => completed(r, a!)).length);
    expect(narrowed.facets.pathways).toEqual(facetOracle(records, { regions: [region] }, () => true));
    expect(narrowed.facets.regions).toEqual(
      [...new Set(records.map((r) => r.region!))]
        .map((value) => ({ value, count: oracle(records, { regions: [value] }, (r) => completed(r, a!)).length }))
        .filter((v) => v.count > 0)
        .sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1)),
    );
    // An unknown pathway finds nobody.
    expect((await run({ pathways: ['no-such-pathway'] })).total).toBe(0);
  });

  it('finds exactly the earners with at least N credentials of a pathway, every progress condition holding', async () => {
    const records = oracleRecords(dataset);
    let nonEmpty = 0;
    for (const pathway of dataset.pathways) {
      // The least progress, one short of completion, and more than the pathway requires (completed).
      for (const minEarned of new Set([1, requiredFor(pathway) - 1, requiredFor(pathway) + 1].filter((n) => n >= 1))) {
        const found = await run({ pathwayProgress: [{ pathway: pathway.id, minEarned }] });
        const holds = (r: EarnerRecord) => earnedOn(r, pathway) >= Math.min(minEarned, requiredFor(pathway));
        const truth = oracle(records, {}, holds);
        expect(found.total, `${pathway.id} >= ${minEarned}`).toBe(truth.length);
        expect(found.nodes.map((n) => n.earner.id).sort()).toEqual(truth.slice(0, 50));
        // Progress narrows the facet counts like any other filter.
        if (minEarned === 1) expect(found.facets.pathways).toEqual(facetOracle(records, {}, holds));
        if (truth.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(3);
    const [p, q] = dataset.pathways;
    const both = await run({
      pathwayProgress: [
        { pathway: p!.id, minEarned: 1 },
        { pathway: q!.id, minEarned: 1 },
      ],
    });
    expect(both.total).toBe(oracle(records, {}, (r) => earnedOn(r, p!) >= 1 && earnedOn(r, q!) >= 1).length);
    const refused = await api.run(PATHWAY_SEARCH, { input: { pathwayProgress: [{ pathway: p!.id, minEarned: 0 }] } });
    expect(refused.errors?.[0]?.message).toMatch(/pathwayProgress/);
  });
});

describe('place and radius on the demo data', () => {
  it('finds exactly the earners within 10, 25, 50 and 100 miles of demo places, with facets counted under the place', async () => {
    const records = oracleRecords(dataset);
    const places = [
      ...new Map(dataset.records.filter((r) => r.location.geo).map((r) => [r.location.city, r.location.geo!])).entries(),
    ].slice(0, 4);
    let found = 0;
    for (const [city, centre] of places) {
      for (const miles of [10, 25, 50, 100]) {
        const input = { near: { lat: centre.lat, lon: centre.lon, radiusKm: miles * 1.609344 }, first: 50, facetSize: 100 };
        const result = await api.run<{ searchEarners: { total: number; nodes: { earner: { id: string } }[]; facets: Facets } }>(SEARCH, {
          input,
        });
        expect(result.errors).toBeUndefined();
        const truth = bruteForce(records, input, now);
        const context = `${city} ${miles} mi`;
        expect(result.data!.searchEarners.total, context).toBe(truth.ids.length);
        expect(result.data!.searchEarners.nodes.map((n) => n.earner.id).sort(), context).toEqual(truth.ids.slice(0, 50));
        for (const facet of FACET_NAMES)
          expect(result.data!.searchEarners.facets[facet], `${facet} ${context}`).toEqual(truth.facets[facet]);
        found += truth.ids.length;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('hostile badge images, credential ids and evidence', () => {
  it('passes on only https or safe data: images, and only http(s) links; evidence text comes back as text', async () => {
    const earner = dataset.records.find((r) => r.listed && r.badges.some((b) => b.visible && b.status === 'VERIFIED'))!;
    const planted = await plantHostileBadges(demo.target.client, demo.target.prefix, earner.earnerId);
    try {
      const result = await api.run<{
        earner: {
          badges: {
            credentialId: string;
            credentialUrl: string | null;
            image: string | null;
            evidence: { kind: string; name: string | null; narrative: string | null; url: string | null }[];
          }[];
        };
      }>(
        `query($id: ID!) { earner(id: $id) { badges(first: 100) { credentialId credentialUrl image evidence { kind name narrative url } } } }`,
        { id: earner.earnerId },
      );
      expect(result.errors).toBeUndefined();
      const byId = new Map(result.data!.earner.badges.map((b) => [b.credentialId, b]));
      const images = planted.badges.map((id) => byId.get(id)?.image);
      expect(images).toEqual([...HOSTILE_IMAGES.map(() => null), ...SAFE_IMAGES]);
      const hostile = byId.get(HOSTILE_CREDENTIAL_ID)!;
      expect(hostile.credentialUrl).toBeNull();
      expect(hostile.evidence).toEqual([
        { kind: 'EVIDENCE', name: 'Click me', narrative: HOSTILE_EVIDENCE[0]!.narrative, url: null },
        { kind: 'EVIDENCE', name: 'Data link', narrative: 'plain', url: null },
        { kind: 'EVIDENCE', name: 'Real work', narrative: 'A fine piece of work.', url: 'https://portfolio.example/work' },
      ]);
      // The demo's own badges: data: images, hosted OB 2.0 assertions link to themselves, OB 3.0 results as RESULT.
      const own = result.data!.earner.badges.filter((b) => !planted.badges.includes(b.credentialId));
      expect(own.every((b) => b.image?.startsWith('data:image/svg+xml;base64,'))).toBe(true);
      for (const b of own) expect(b.credentialUrl).toBe(/^https?:/.test(b.credentialId) ? b.credentialId : null);
    } finally {
      await planted.restore();
    }
  });
});
