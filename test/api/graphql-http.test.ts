import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from '../../api/config.ts';
import { startApi, type RunningApi } from '../../api/main.ts';
import { fixedViewer } from '../../api/viewer.ts';
import { deleteAllIndices } from '../../mappings/indices.ts';
import { engineClient, engineUrl, uniquePrefix } from '../support/engine.ts';

describe('GraphQL over HTTP', () => {
  const prefix = uniquePrefix('graphql-http');
  let open: RunningApi;
  let anonymous: RunningApi;

  beforeAll(async () => {
    const env = {
      ELASTICSEARCH_URL: engineUrl(),
      INDEX_PREFIX: prefix,
      PORT: '0',
      LOG_LEVEL: 'error',
      CORS_ORIGINS: 'https://app.example',
    };
    open = await startApi(apiConfigFromEnv(env), { resolveViewer: fixedViewer({ role: 'employer', accountId: 'e1' }) });
    anonymous = await startApi(apiConfigFromEnv(env));
  });
  afterAll(async () => {
    await open?.close();
    await anonymous?.close();
    const client = engineClient();
    await deleteAllIndices({ client, prefix, replicas: 0 });
    await client.close();
  });

  const post = (api: RunningApi, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('serves searches at /graphql', async () => {
    const response = await post(open, { query: '{ searchEarners(input: {}) { total totalIsExact facets { regions { value } } } }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { searchEarners: { total: 0, totalIsExact: true, facets: { regions: [] } } } });
  });

  it('is anonymous by default: searching is UNAUTHENTICATED', async () => {
    const body = (await (await post(anonymous, { query: '{ searchEarners(input: {}) { total } }' })).json()) as {
      errors: { extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
  });

  it('allows only the configured browser origins', async () => {
    const allowed = await post(open, { query: '{ viewer { role } }' }, { origin: 'https://app.example' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const other = await post(open, { query: '{ viewer { role } }' }, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${open.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
  });

  it('answers malformed requests without stack traces', async () => {
    const response = await post(open, { query: '{ searchEarners(input: { first: "many" }) { total } }' });
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
