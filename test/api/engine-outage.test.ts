/**
 * Issue 13 item 2: an engine outage is not a sign-out. With the real engine
 * taken away behind a TCP proxy (refused connections, then a "paused" engine
 * that accepts and never answers), signed-in requests answer 503 with
 * Retry-After and SEARCH_UNAVAILABLE or SERVICE_UNAVAILABLE, never
 * UNAUTHENTICATED; login says the service is unavailable; the API logs the
 * outage once at error with its cause and its end once at info.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/log.ts';
import { createAccount, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { ensureAllIndices } from '../../mappings/indices.ts';
import { engineClient, engineUrl, uniquePrefix } from '../support/engine.ts';
import { startOutageProxy, type OutageProxy } from '../support/outage-proxy.ts';

interface LogLine {
  level: string;
  msg: string;
  cause?: string;
  downForMs?: number;
}

const lines: LogLine[] = [];
let proxy: OutageProxy;
let t: AccountApi;
let token: string;

const VIEWER = '{ viewer { role email } }';
const SEARCH = '{ searchEarners(input: { text: "nurse" }) { total } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

const outageLogs = () => lines.filter((l) => l.msg.startsWith('engine unavailable'));
const recoveryLogs = () => lines.filter((l) => l.msg === 'engine available again');

async function expectUnavailable(
  query: string,
  code: 'SEARCH_UNAVAILABLE' | 'SERVICE_UNAVAILABLE',
  variables: Record<string, unknown> = {},
  withToken = true,
) {
  const response = await fetch(`${t.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(withToken ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(body.errors?.map((e) => e.extensions.code)).toEqual([code]);
  const message = body.errors![0]!.message;
  expect(message).not.toMatch(/took too long|sign in again|ECONN|127\.0\.0\.1|elasticsearch/i);
  return message;
}

beforeAll(async () => {
  proxy = await startOutageProxy(engineUrl());
  const log = createLogger('info', (line) => lines.push(JSON.parse(line) as LogLine));
  // Indices made first with normal timeouts; then a short request timeout, so a paused engine is noticed in seconds.
  const prefix = uniquePrefix('outage');
  const client = engineClient();
  await ensureAllIndices({ client, prefix, replicas: 0 });
  await client.close();
  t = await startAccountApi('outage', { ELASTICSEARCH_URL: proxy.url, INDEX_PREFIX: prefix, REQUEST_TIMEOUT_MS: '1500' }, { log });
  await createAccount(t.client, t.prefix, {
    email: 'hiring@acme.test',
    role: 'employer',
    password: 'correct horse battery',
    organisation: 'Acme',
  });
  token = await t.login('hiring@acme.test', 'correct horse battery');
});

afterAll(async () => {
  await proxy.up();
  await t.cleanup();
  await proxy.close();
});

describe('engine outage', () => {
  it('works through the proxy while the engine answers', async () => {
    const viewer = await t.gql<{ viewer: { role: string } }>(VIEWER, {}, token);
    expect(viewer.status).toBe(200);
    expect(viewer.body.data?.viewer.role).toBe('EMPLOYER');
    expect((await t.gql(SEARCH, {}, token)).status).toBe(200);
    expect(outageLogs()).toHaveLength(0);
  });

  it('engine down (connection refused): 503 with the right code, never UNAUTHENTICATED; logged once', async () => {
    await proxy.down();
    const service = await expectUnavailable(VIEWER, 'SERVICE_UNAVAILABLE');
    expect(service).toMatch(/still signed in/);
    expect(await expectUnavailable(SEARCH, 'SEARCH_UNAVAILABLE')).toMatch(/still signed in/);
    const login = await expectUnavailable(LOGIN, 'SERVICE_UNAVAILABLE', { e: 'hiring@acme.test', p: 'correct horse battery' }, false);
    expect(login).toMatch(/service is unavailable/i);
    await expectUnavailable(VIEWER, 'SERVICE_UNAVAILABLE');

    expect(outageLogs()).toHaveLength(1);
    expect(outageLogs()[0]!.level).toBe('error');
    expect(outageLogs()[0]!.cause).toMatch(/ConnectionError/);
    expect(recoveryLogs()).toHaveLength(0);
  });

  it('engine back: the same session works again without signing in, and the end is logged once at info', async () => {
    await proxy.up();
    const viewer = await t.gql<{ viewer: { role: string } }>(VIEWER, {}, token);
    expect(viewer.status).toBe(200);
    expect(viewer.body.data?.viewer.role).toBe('EMPLOYER');
    expect((await t.gql(SEARCH, {}, token)).status).toBe(200);
    expect(recoveryLogs()).toHaveLength(1);
    expect(recoveryLogs()[0]!.level).toBe('info');
    expect(recoveryLogs()[0]!.downForMs).toBeGreaterThan(0);
  });

  it('engine paused (accepts, never answers): 503 within the time budget, login says unavailable, not "took too long"', async () => {
    proxy.pause();
    const started = Date.now();
    await expectUnavailable(VIEWER, 'SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(15_000);
    const login = await expectUnavailable(LOGIN, 'SERVICE_UNAVAILABLE', { e: 'hiring@acme.test', p: 'correct horse battery' }, false);
    expect(login).toMatch(/service is unavailable/i);
    expect(outageLogs()).toHaveLength(2);
    expect(outageLogs()[1]!.cause).toMatch(/TimeoutError/);

    await proxy.up();
    expect((await t.gql(VIEWER, {}, token)).status).toBe(200);
    expect(recoveryLogs()).toHaveLength(2);
  }, 60_000);
});
