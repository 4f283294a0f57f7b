import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from '../../api/config.ts';
import { startApi, type RunningApi } from '../../api/main.ts';
import { deleteAllIndices } from '../../mappings/indices.ts';
import { engineClient, engineUrl, uniquePrefix } from '../support/engine.ts';

describe('health and readiness against the real engine', () => {
  const prefix = uniquePrefix('health');
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(apiConfigFromEnv({ ELASTICSEARCH_URL: engineUrl(), INDEX_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'error' }));
  });
  afterAll(async () => {
    await api.close();
    const client = engineClient();
    await deleteAllIndices({ client, prefix, replicas: 0 });
    await client.close();
  });

  it('reports the engine status and version on /health', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; engine: { status: string; version: string } };
    expect(body.status).toBe('ok');
    expect(['green', 'yellow']).toContain(body.engine.status);
    expect(body.engine.version).toMatch(/^9\./);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('is ready once its indices exist', async () => {
    const response = await fetch(`${api.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ready: true });
  });

  it('is not ready, and says which index is missing, when one is gone', async () => {
    const client = engineClient();
    const settingsIndex = Object.keys(await client.indices.getAlias({ name: `${prefix}-contacts` }))[0]!;
    await client.indices.delete({ index: settingsIndex });
    const response = await fetch(`${api.url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, missingIndices: [`${prefix}-contacts`] });
    await client.close();
  });
});

describe('a server whose engine is down', () => {
  it('still answers /health, with the engine unreachable, and /ready with 503', async () => {
    const { createApp } = await import('../../api/app.ts');
    const { createEngineClient } = await import('../../mappings/connection.ts');
    const { createLogger } = await import('../../api/log.ts');
    const config = apiConfigFromEnv({ ELASTICSEARCH_URL: 'http://127.0.0.1:1', PORT: '0' });
    const engine = createEngineClient(config.engine, { requestTimeoutMs: 500 });
    const app = createApp({ config, engine, log: createLogger('error') });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', engine: { status: 'unreachable' } });
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(503);
    server.close();
    await engine.close();
  });
});

describe('configuration', () => {
  it('names the bad variable', () => {
    expect(() => apiConfigFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => apiConfigFromEnv({ INDEX_PREFIX: 'Bad Prefix!' })).toThrow(/INDEX_PREFIX/);
    expect(() => apiConfigFromEnv({ ELASTICSEARCH_URL: 'not a url' })).toThrow(/ELASTICSEARCH_URL/);
  });

  it('has working defaults', () => {
    const config = apiConfigFromEnv({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      engine: { url: 'http://127.0.0.1:9200', indexPrefix: 'talent', replicas: 0 },
    });
  });
});

describe('empty variables', () => {
  it('count as unset, as compose files pass them', () => {
    const config = apiConfigFromEnv({ SMTP_URL: '', PORT: '', INDEX_PREFIX: '' });
    expect(config.port).toBe(3000);
    expect(config.engine.indexPrefix).toBe('talent');
  });
});
