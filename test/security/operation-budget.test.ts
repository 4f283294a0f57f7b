/**
 * Attack (issue 10, item 1): one anonymous query walking the skill hierarchy
 * (`narrower { broader { narrower ... } }`) passed the depth and cost limits
 * and built a 234 MB answer. Now every long list is paged (`first`, default
 * 20, at most 100), the cost counts list sizes (variables and defaults too),
 * and the resolved fields, the response size and the time are bounded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION_BUDGET } from '../../api/graphql/operation-budget.ts';
import { operationCost, unboundedListFields } from '../../api/graphql/operation-cost.ts';
import { loadTypeDefs } from '../../api/schema/load.ts';
import { graphqlHarness, type GraphqlHarness } from '../support/graphql-harness.ts';
import { seedSearchFixture, type SearchFixture } from '../support/search-fixtures.ts';

const BROAD = 'esco:isced-f-0613';
const ATTACK = `{ skill(id: "${BROAD}") { narrower { broader { narrower { broader { narrower { id } } } } } } }`;
const ANONYMOUS = { role: 'anonymous' as const };

describe('the skill-hierarchy bomb and list paging (attack 1)', () => {
  let fixture: SearchFixture;
  let api: GraphqlHarness;
  beforeAll(async () => {
    fixture = await seedSearchFixture('sec-budget', 5, 20);
    api = await graphqlHarness(fixture.prefix, fixture.now);
  });
  afterAll(async () => {
    await api?.close();
    await fixture?.cleanup();
  });

  it('refuses the attack before running it, signed in or not, with a small clear answer', async () => {
    expect(fixture.taxonomy.byId.get(BROAD)!.narrower!.length).toBeGreaterThan(100);
    for (const viewer of [undefined, ANONYMOUS]) {
      api.resetCalls();
      const started = Date.now();
      const result = await api.run(ATTACK, {}, viewer);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject(
        viewer
          ? { code: 'UNAUTHENTICATED', limit: DEFAULT_OPERATION_BUDGET.anonymousMaxCost }
          : { code: 'OPERATION_TOO_COSTLY', limit: DEFAULT_OPERATION_BUDGET.maxCost },
      );
      expect(result.errors![0]!.message).toMatch(
        viewer ? /Sign in first: this operation would cost \d+, over the limit of \d+/ : /would cost \d+, over the limit of \d+.*"first"/,
      );
      expect(JSON.stringify(result).length).toBeLessThan(2000);
      // Nothing reached the engine.
      expect(api.calls).toEqual([]);
    }
  });

  it('anonymous callers reach no directory data at all, not even the taxonomy', async () => {
    const result = await api.run(`{ skill(id: "${BROAD}") { id } }`, {}, ANONYMOUS);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.run('{ viewer { role } }', {}, ANONYMOUS)).data).toEqual({ viewer: { role: 'ANONYMOUS' } });
  });

  it('pages narrower and broader with first (default 20, at most 100) and offset, with counts', async () => {
    const all = fixture.taxonomy.byId.get(BROAD)!.narrower!;
    type Page = { skill: { narrowerCount: number; narrower: { id: string }[] } };
    const first = await api.run<Page>(`{ skill(id: "${BROAD}") { narrowerCount narrower { id } } }`);
    expect(first.data!.skill.narrowerCount).toBe(all.length);
    expect(first.data!.skill.narrower.map((s) => s.id)).toEqual(all.slice(0, 20));
    const last = await api.run<Page>(`{ skill(id: "${BROAD}") { narrowerCount narrower(first: 100, offset: 100) { id } } }`);
    expect(last.data!.skill.narrower.map((s) => s.id)).toEqual(all.slice(100, 200));
    for (const [args, argument] of [
      ['first: 101', 'first'],
      ['first: 0', 'first'],
      ['offset: -1', 'offset'],
    ] as const) {
      const bad = await api.run(`{ skill(id: "${BROAD}") { narrower(${args}) { id } } }`);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('counts list sizes given through variables, not only literals', async () => {
    const query = `query($n: Int) { skill(id: "${BROAD}") { narrower(first: $n) { narrower(first: $n) { narrower(first: $n) { id } } } } }`;
    const big = await api.run(query, { n: 100 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_TOO_COSTLY', found: 1 + 1 + 100 + 100 * 100 + 100 * 100 * 100 });
    const small = await api.run<{ skill: { narrower: unknown[] } }>(query, { n: 5 });
    expect(small.errors).toBeUndefined();
    expect(small.data!.skill.narrower).toHaveLength(5);
  });

  it('every list field of the schema is paged or has a known bound', () => {
    const schema = buildSchema(loadTypeDefs().join('\n'));
    expect(unboundedListFields(schema)).toEqual([]);
  });

  it("the web app's operations fit the budget of a signed-in account", () => {
    const dir = join(import.meta.dirname, '../../web/src/lib/graphql/operations');
    const document = parse(
      readdirSync(dir)
        .filter((f) => f.endsWith('.graphql'))
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n'),
    );
    const schema = buildSchema(loadTypeDefs().join('\n'));
    // The largest variables the app sends (search-query.ts: 20 per page, 50 facet values; a trend of up to 5 skills).
    const variables = { input: { first: 20, facetSize: 50, skills: ['a', 'b', 'c', 'd', 'e'] } };
    const costs = Object.fromEntries(
      document.definitions
        .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => [operation.name!.value, operationCost(schema, document, operation, variables)]),
    );
    expect(Object.keys(costs).length).toBeGreaterThan(10);
    for (const [name, cost] of Object.entries(costs))
      expect({ name, fits: cost <= DEFAULT_OPERATION_BUDGET.maxCost }).toEqual({ name, fits: true });
    // Sign-in and claiming fit the anonymous budget.
    for (const name of ['SignIn', 'RequestClaimLink', 'ClaimProfile', 'CurrentViewer']) {
      expect({ name, fits: costs[name]! <= DEFAULT_OPERATION_BUDGET.anonymousMaxCost }).toEqual({ name, fits: true });
    }
  });
});

describe('ceilings while an operation runs', () => {
  let fixture: SearchFixture;
  beforeAll(async () => {
    fixture = await seedSearchFixture('sec-ceiling', 5, 5);
  });
  afterAll(() => fixture?.cleanup());

  const WIDE = `{ skill(id: "${BROAD}") { id narrower(first: 100) { id label code framework } } }`;

  async function withBudget(change: Partial<typeof DEFAULT_OPERATION_BUDGET>) {
    return graphqlHarness(fixture.prefix, fixture.now, { budget: { ...DEFAULT_OPERATION_BUDGET, ...change } });
  }

  it('stops at the resolved-field ceiling with one clear error and no data', async () => {
    const api = await withBudget({ maxResolvedFields: 50 });
    try {
      const result = await api.run(WIDE);
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 50 });
    } finally {
      await api.close();
    }
  });

  it('refuses an answer over the byte ceiling', async () => {
    const api = await withBudget({ maxResponseBytes: 2000 });
    try {
      const result = await api.run(WIDE);
      expect(result.data ?? null).toBeNull();
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 2000 });
      expect(result.errors![0]!.extensions!.found as number).toBeGreaterThan(2000);
    } finally {
      await api.close();
    }
  });

  it('stops an operation over its time budget', async () => {
    const api = await withBudget({ timeBudgetMs: 1 });
    try {
      // The nested fields resolve after an engine round trip, which takes longer than 1 ms.
      const result = await api.run(WIDE);
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_TIMED_OUT', limit: 1 });
      expect(result.errors![0]!.message).toMatch(/time budget of 1 ms/);
    } finally {
      await api.close();
    }
  });
});
