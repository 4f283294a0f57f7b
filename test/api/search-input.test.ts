import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../api/engine.ts';
import { buildContext } from '../../api/context.ts';
import { createGraphqlServer } from '../../api/graphql/server.ts';
import { createLogger } from '../../api/log.ts';
import { createEngineClient } from '../../mappings/connection.ts';
import { EMPLOYER, graphqlHarness, type GraphqlHarness, type GraphqlResult } from '../support/graphql-harness.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';

const SEARCH = `query($input: EarnerSearchInput!) { searchEarners(input: $input) { total pageInfo { endCursor } } }`;

function expectBadInput(result: GraphqlResult, argument: string): void {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  const [error] = result.errors!;
  // Exactly these: no stack trace, nothing else.
  expect(error!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument, requestId: expect.any(String) });
  expect(error!.message).toContain(argument.split('.').at(-1)!);
}

describe('input validation, roles and errors', () => {
  let fixture: SearchFixture;
  let api: GraphqlHarness;

  beforeAll(async () => {
    fixture = await seedSearchFixture('search-input', 1, 30);
    api = await graphqlHarness(fixture.prefix, fixture.now);
  });
  afterAll(async () => {
    await api?.close();
    await fixture?.cleanup();
  });

  const badSearchInputs: [string, Record<string, unknown>][] = [
    ['first', { first: -1 }],
    ['first', { first: 0 }],
    ['first', { first: 51 }],
    ['first', { first: 10_000_000_000 }],
    ['facetSize', { facetSize: 0 }],
    ['facetSize', { facetSize: 101 }],
    ['after', { after: 'not a cursor!' }],
    ['after', { after: Buffer.from('{"s":"RELEVANCE","v":["x"]}').toString('base64url') }],
    ['after', { after: Buffer.from('[1,2,3]').toString('base64url') }],
    ['near.lat', { near: { lat: 91, lon: 0, radiusKm: 10 } }],
    ['near.lon', { near: { lat: 0, lon: -181, radiusKm: 10 } }],
    ['near.radiusKm', { near: { lat: 0, lon: 0, radiusKm: 0 } }],
    ['near.radiusKm', { near: { lat: 0, lon: 0, radiusKm: 1 } }],
    ['near.radiusKm', { near: { lat: 0, lon: 0, radiusKm: 4.99 } }],
    ['near.radiusKm', { near: { lat: 0, lon: 0, radiusKm: -5 } }],
    ['near.radiusKm', { near: { lat: 0, lon: 0, radiusKm: 1_000_000 } }],
    ['near.lat', { near: { lon: 0, radiusKm: 5 } }],
    ['sort', { sort: 'SIDEWAYS' }],
    ['badgesMode', { badgesMode: 'SOME' }],
    ['verification', { verification: ['MAYBE'] }],
    ['verification', { verification: ['FAILED'] }],
    ['verification', { verification: ['VERIFIED', 'UNVERIFIED'] }],
    ['verification', { verification: [] }],
    ['badges', { badges: [''] }],
    ['badges', { badges: Array.from({ length: 51 }, (_, i) => `b${i}`) }],
    ['skills', { skills: ['   '] }],
    ['issuers', { issuers: [''] }],
    ['regions', { regions: [''] }],
    ['frameworks', { frameworks: ['astrology'] }],
    ['credentialTypes', { credentialTypes: ['diploma'] }],
    ['issuedWithinMonths', { issuedWithinMonths: 0 }],
    ['issuedWithinMonths', { issuedWithinMonths: 601 }],
    ['text', { text: 'x'.repeat(201) }],
  ];

  it.each(badSearchInputs)('rejects a bad %s', async (argument, input) => {
    expectBadInput(await api.run(SEARCH, { input }), argument);
  });

  it('rejects a cursor made for another sort order', async () => {
    const page = await api.run<{ searchEarners: { pageInfo: { endCursor: string } } }>(SEARCH, {
      input: { first: 1, sort: 'RECENT', verification: ['VERIFIED', 'EXPIRED'] },
    });
    const cursor = page.data!.searchEarners.pageInfo.endCursor;
    expect(cursor).toBeTruthy();
    expectBadInput(await api.run(SEARCH, { input: { after: cursor, sort: 'RELEVANCE' } }), 'after');
  });

  it('rejects bad suggest and lookup arguments', async () => {
    const suggest = `query($prefix: String!, $types: [SuggestionType!], $first: Int) { suggest(prefix: $prefix, types: $types, first: $first) { id } }`;
    expectBadInput(await api.run(suggest, { prefix: '  ' }), 'prefix');
    expectBadInput(await api.run(suggest, { prefix: 'x'.repeat(101) }), 'prefix');
    expectBadInput(await api.run(suggest, { prefix: 'we', first: 0 }), 'first');
    expectBadInput(await api.run(suggest, { prefix: 'we', first: 21 }), 'first');
    expectBadInput(await api.run(suggest, { prefix: 'we', types: [] }), 'types');
    expectBadInput(await api.run(suggest, { prefix: 'we', types: ['PEOPLE'] }), 'types');
    for (const field of ['earner', 'badgeClass', 'skill', 'issuer']) {
      expectBadInput(await api.run(`query($id: ID!) { ${field}(id: $id) { id } }`, { id: '' }), 'id');
    }
  });

  it('needs an employer, agency or admin to search; the taxonomy any signed-in account', async () => {
    const anonymous = await api.run(SEARCH, { input: {} }, { role: 'anonymous' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const earner = await api.run(SEARCH, { input: {} }, { role: 'earner', accountId: 'a', earnerId: 'earner-0001' });
    expect(earner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const role of ['employer', 'agency', 'admin'] as const) {
      expect((await api.run(SEARCH, { input: {} }, { role, accountId: 'x' })).errors).toBeUndefined();
    }
    const suggestAnonymous = await api.run(`{ suggest(prefix: "we") { id } }`, {}, { role: 'anonymous' });
    expect(suggestAnonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const skillId = fixture.skillPool[0]!;
    const skillQuery = `query($id: ID!) { skill(id: $id) { id label broader { id label } narrower { id } } }`;
    expect((await api.run(skillQuery, { id: skillId }, { role: 'anonymous' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const skill = await api.run<{ skill: { id: string; broader: { id: string }[] } }>(
      skillQuery,
      { id: skillId },
      { role: 'earner', accountId: 'a', earnerId: 'earner-0001' },
    );
    expect(skill.errors).toBeUndefined();
    expect(skill.data!.skill.id).toBe(skillId);
    expect(skill.data!.skill.broader.map((s) => s.id)).toEqual(fixture.taxonomy.byId.get(skillId)!.broader);
    const viewer = await api.run(`{ viewer { role accountId } }`, {}, EMPLOYER);
    expect(viewer.data).toEqual({ viewer: { role: 'EMPLOYER', accountId: 'employer-1' } });
  });

  it('refuses queries that are too deep', async () => {
    let selection = 'id';
    for (let i = 0; i < 12; i++) selection = `id broader { ${selection} }`;
    const result = await api.run(`{ skill(id: "x") { ${selection} } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data ?? null).toBeNull();
  });
});

describe('engine failures', () => {
  async function runAgainst(url: string, prefix: string): Promise<GraphqlResult> {
    const client = createEngineClient({ url }, { requestTimeoutMs: 1000 });
    const log = createLogger('error', () => {});
    const server = createGraphqlServer(log);
    await server.start();
    try {
      const response = await server.executeOperation(
        { query: SEARCH, variables: { input: {} } },
        { contextValue: buildContext(createSearchEngine(client, prefix, log), EMPLOYER) },
      );
      return (response.body as { singleResult: GraphqlResult }).singleResult;
    } finally {
      await server.stop();
      await client.close();
    }
  }

  it('an unreachable engine is SEARCH_UNAVAILABLE with no internals', async () => {
    const result = await runAgainst('http://127.0.0.1:1', 'nowhere');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'SEARCH_UNAVAILABLE', requestId: expect.any(String) });
    expect(result.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|elasticsearch/i);
  });

  it('missing indices are SEARCH_UNAVAILABLE', async () => {
    const { engineUrl } = await import('../support/engine.ts');
    const result = await runAgainst(engineUrl(), 'test-never-created-indices');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'SEARCH_UNAVAILABLE', requestId: expect.any(String) });
    expect(result.errors?.[0]?.message).not.toMatch(/index_not_found|test-never/);
  });
});
