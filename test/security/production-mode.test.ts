/**
 * Attack (issue 10, item 13): with NODE_ENV=production the API still
 * answered introspection, served the IDE, suggested field names in
 * validation errors, and showed stack traces and server paths for malformed
 * or oversized JSON bodies. Now production turns introspection, the IDE and
 * suggestions off; body errors never carry stacks or paths in any mode; every
 * error carries a request id the response header and the server's log share.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { buildContext } from '../../api/context.ts';
import { createSearchEngine } from '../../api/engine.ts';
import { createGraphqlServer } from '../../api/graphql/server.ts';
import { createLogger } from '../../api/log.ts';
import { engineClient } from '../support/engine.ts';
import { startAccountApi, type AccountApi } from '../support/account-api.ts';

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';
/** What a stack trace or a server path looks like in an answer. */
const LEAKS = /\bat [\w.<>]+ \(|node_modules|\/work\/|\/home\/|\/usr\/|\.ts:\d+|\.js:\d+|SyntaxError|stack/;

interface Logged {
  level: string;
  msg: string;
  requestId?: string;
  status?: number;
  message?: string;
  stack?: string;
}

async function post(url: string, body: string, contentType = 'application/json') {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const raw = await response.text();
  return { status: response.status, raw, requestId: response.headers.get('x-request-id') };
}

describe.each([
  ['production', true],
  ['development', false],
] as const)('%s mode over HTTP (attack 13)', (mode, production) => {
  let t: AccountApi;
  const logged: Logged[] = [];
  beforeAll(async () => {
    const log = createLogger('info', (line) => void logged.push(JSON.parse(line) as Logged));
    t = await startAccountApi(`sec-${mode.slice(0, 4)}`, { NODE_ENV: mode }, { log });
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
  });
  afterAll(() => t?.cleanup());

  it(production ? 'refuses introspection' : 'answers introspection', async () => {
    const result = await t.gql<{ __schema: unknown }>(INTROSPECTION);
    if (production) {
      expect(result.body.data ?? null).toBeNull();
      expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.raw).not.toMatch(/EarnerSearchInput|searchEarners/);
    } else {
      expect(result.body.data?.__schema).toBeTruthy();
    }
  });

  it(production ? 'serves no IDE' : 'serves the IDE', async () => {
    const page = await fetch(`${t.api.url}/graphql/ide/`);
    const script = await fetch(`${t.api.url}/graphql/ide/assets/graphiql.js`);
    if (production) {
      expect(await page.text()).not.toMatch(/GraphiQL|GraphQL IDE/);
      expect(script.status).not.toBe(200);
    } else {
      expect(await page.text()).toMatch(/GraphQL IDE/);
    }
  });

  it(production ? 'suggests no field names in validation errors' : 'suggests field names in development', async () => {
    const result = await t.gql('{ viewr { role } searchEarner(input: {}) { total } }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    if (production) expect(result.raw).not.toMatch(/Did you mean|"viewer"|searchEarners/);
    else expect(result.raw).toMatch(/Did you mean/);
    // Enum values and input fields, as literals and as variables.
    const typos = [
      await t.gql('{ suggest(prefix: "we", types: [SKIL]) { id } }'),
      await t.gql('query($t: [SuggestionType!]) { suggest(prefix: "we", types: $t) { id } }', { t: ['SKIL'] }),
      await t.gql('query($i: EarnerSearchInput!) { searchEarners(input: $i) { total } }', { i: { skils: ['x'] } }),
    ];
    for (const typo of typos) {
      expect(typo.body.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
      if (production) expect(typo.raw).not.toMatch(/Did you mean|"SKILL"|"skills"/);
    }
    if (!production) expect(typos.map((typo) => typo.raw).join()).toMatch(/Did you mean/);
  });

  it.each([
    ['malformed JSON', '{"query": "{ viewer { role } }", oops', 400, /not valid JSON/],
    ['an oversized body', JSON.stringify({ query: `{ viewer { role } } # ${'x'.repeat(70_000)}` }), 413, /too large/],
    ['a truncated body', '{"query": "{ vie', 400, /not valid JSON/],
  ])('answers %s with a clear error, its request id, and no stack or path', async (_name, body, status, message) => {
    const answer = await post(t.api.url, body);
    expect(answer.status).toBe(status);
    expect(answer.raw).not.toMatch(LEAKS);
    const parsed = JSON.parse(answer.raw) as { errors: { message: string; extensions: { code: string; requestId: string } }[] };
    expect(parsed.errors[0]!.message).toMatch(message);
    expect(parsed.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(parsed.errors[0]!.extensions.requestId).toBe(answer.requestId);
    // The server's log has the same request with its id.
    expect(logged.find((line) => line.msg === 'request' && line.requestId === answer.requestId)?.status).toBe(status);
  });

  it('refuses the skill-hierarchy bomb (attack 1) over HTTP at once, with a small answer', async () => {
    const bomb = '{ skill(id: "esco:isced-f-0613") { narrower { broader { narrower { broader { narrower { id } } } } } } }';
    const token = await t.login('employer@demo.test', DEMO_PASSWORD);
    for (const [who, status, code] of [
      [undefined, 401, 'UNAUTHENTICATED'],
      [token, 400, 'OPERATION_TOO_COSTLY'],
    ] as const) {
      const started = Date.now();
      const result = await t.gql(bomb, {}, who);
      expect(Date.now() - started).toBeLessThan(2000);
      expect({ status: result.status, code: result.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
      expect(result.raw.length).toBeLessThan(1000);
    }
  });

  it('gives GraphQL errors the request id of the response header', async () => {
    const response = await fetch(`${t.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ searchEarners(input: {}) { total } }' }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.errors[0]!.extensions.requestId).toBe(response.headers.get('x-request-id'));
    // A refused session (before any GraphQL runs) carries it too.
    const refused = await fetch(`${t.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    const refusedBody = (await refused.json()) as { errors: { extensions: { requestId: string } }[] };
    expect(refusedBody.errors[0]!.extensions.requestId).toBe(refused.headers.get('x-request-id'));
  });
});

describe('an unexpected error (attack 13)', () => {
  it('is answered without details but logged with the stack under the request id the caller sees', async () => {
    const logged: Logged[] = [];
    const log = createLogger('error', (line) => void logged.push(JSON.parse(line) as Logged));
    const client = engineClient();
    const server = createGraphqlServer(log, { production: true });
    await server.start();
    try {
      // This server has no accounts configured: an earner's settings fail inside the service with a plain Error.
      const context = buildContext(
        createSearchEngine(client, 'test-nothing-here', log),
        { role: 'earner', accountId: 'a', earnerId: 'e' },
        undefined,
        undefined,
        undefined,
        { requestId: 'req-fixed-id', clientIp: '127.0.0.1' },
      );
      const response = await server.executeOperation({ query: '{ mySettings { listed } }' }, { contextValue: context });
      const raw = JSON.stringify(response.body.kind === 'single' ? response.body.singleResult : null);
      expect(raw).toContain('Something went wrong on our side');
      expect(raw).not.toMatch(LEAKS);
      expect(raw).not.toMatch(/not configured/);
      expect(raw).toContain('"requestId":"req-fixed-id"');
      const entry = logged.find((line) => line.requestId === 'req-fixed-id');
      expect(entry).toMatchObject({ level: 'error', msg: 'graphql request failed', message: expect.stringMatching(/not configured/) });
      expect(entry?.stack).toMatch(/at /);
    } finally {
      await server.stop();
      await client.close();
    }
  });
});
