import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';

/** Depth limits guard the engine from runaway queries; fragments are not levels. */
describe('operation limits', () => {
  let fixture: SearchFixture;
  let api: GraphqlHarness;
  beforeAll(async () => {
    fixture = await seedSearchFixture('limits', 3, 20);
    api = await graphqlHarness(fixture.prefix, fixture.now);
  });
  afterAll(async () => {
    await api?.close();
    await fixture?.cleanup();
  });

  const nested = (levels: number) => `{ skill(id: "onet:2.B.3.k") { id ${'broader { id '.repeat(levels)}${'}'.repeat(levels)} } }`;

  it('refuses an operation nested deeper than the limit, saying why', async () => {
    const result = await api.run(nested(12));
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('accepts a query within the limit whatever its fragments', async () => {
    // Ten fragments, each spreading the next: ten levels if spreads counted, two fields deep in truth.
    const chain = Array.from({ length: 10 }, (_, i) => `fragment F${i} on Skill { ${i === 9 ? 'id label' : `...F${i + 1}`} }`).join('\n');
    const query = `${chain}\nquery { skill(id: "onet:2.B.3.k") { ...F0 broader { ...F9 } } }`;
    const result = await api.run<{ skill: { id: string } }>(query);
    expect(result.errors).toBeUndefined();
    expect(result.data?.skill.id).toBe('onet:2.B.3.k');
  });
});
