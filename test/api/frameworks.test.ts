import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../api/viewer.ts';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';

/**
 * Framework names come from one table (`mappings/frameworks.ts`): the API
 * serves it to every signed-in account, and labels the frameworks facet and
 * the skill suggestions with the same names.
 */
const FRAMEWORKS = 'query { frameworks { id name shortName } }';
// Written out here, not imported: a change to the names shows as a failing, reviewed diff.
const EXPECTED = [
  { id: 'esco', name: 'ESCO', shortName: 'ESCO' },
  { id: 'onet', name: 'O*NET', shortName: 'O*NET' },
  { id: 'lightcast', name: 'Lightcast', shortName: 'Lightcast' },
  { id: 'nice', name: 'NICE Framework', shortName: 'NICE' },
  { id: 'local', name: 'Local framework', shortName: 'Local' },
];

let fixture: SearchFixture;
let api: GraphqlHarness;

beforeAll(async () => {
  fixture = await seedSearchFixture('frameworks', 11, 80);
  api = await graphqlHarness(fixture.prefix, fixture.now);
});
afterAll(async () => {
  await api?.close();
  await fixture?.cleanup();
});

describe('frameworks lookup', () => {
  it.each<[string, Viewer]>([
    ['employer', { role: 'employer', accountId: 'employer-1' }],
    ['earner', { role: 'earner', accountId: 'earner-1' }],
    ['agency', { role: 'agency', accountId: 'agency-1' }],
  ])('serves every framework with its names to an %s', async (_role, viewer) => {
    const result = await api.run<{ frameworks: typeof EXPECTED }>(FRAMEWORKS, {}, viewer);
    expect(result.errors).toBeUndefined();
    expect(result.data!.frameworks).toEqual(EXPECTED);
  });

  it('refuses anonymous callers like the rest of the taxonomy', async () => {
    const result = await api.run(FRAMEWORKS, {}, { role: 'anonymous' });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('labels the frameworks facet with the served names', async () => {
    const result = await api.run<{ searchEarners: { facets: { frameworks: { value: string; label: string }[] } } }>(
      'query { searchEarners(input: {}) { facets { frameworks { value label } } } }',
    );
    expect(result.errors).toBeUndefined();
    const shown = result.data!.searchEarners.facets.frameworks;
    // The fixture's skill pool spans several frameworks (local ones always).
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const value of shown) expect(value.label).toBe(EXPECTED.find((f) => f.id === value.value)?.name);
  });

  it('qualifies skill suggestions with the served short names', async () => {
    const byFramework = new Map<string, string>();
    for (const id of fixture.skillPool) {
      const framework = id.slice(0, id.indexOf(':'));
      if (!byFramework.has(framework)) byFramework.set(framework, fixture.taxonomy.byId.get(id)!.label);
    }
    expect(byFramework.size).toBeGreaterThanOrEqual(2);
    for (const [framework, label] of byFramework) {
      const result = await api.run<{ suggest: { id: string; detail: string | null }[] }>(
        'query($prefix: String!) { suggest(prefix: $prefix, types: [SKILL], first: 20) { id detail } }',
        { prefix: label.slice(0, 100) },
      );
      expect(result.errors).toBeUndefined();
      const suggestions = result.data!.suggest;
      expect(
        suggestions.some((s) => s.id.startsWith(`${framework}:`)),
        `a ${framework} skill for "${label}"`,
      ).toBe(true);
      for (const s of suggestions) expect(s.detail).toBe(EXPECTED.find((f) => s.id.startsWith(`${f.id}:`))?.shortName);
    }
  });
});
