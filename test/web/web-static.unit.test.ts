/** Serving the web build: hashed assets cached for a year, the page fresh, page paths fall back to it, API paths never do. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webStatic } from '../../api/web-static.ts';

describe('web-static', () => {
  const build = mkdtempSync(path.join(tmpdir(), 'web-build-'));
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    mkdirSync(path.join(build, 'assets'));
    writeFileSync(path.join(build, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(build, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = express();
    app.get('/health', (_req, res) => void res.json({ ok: true }));
    app.use(webStatic(build));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(build, { recursive: true, force: true });
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await fetch(`${origin}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers page paths with index.html, never cached stale, with a content security policy', async () => {
    for (const page of ['/', '/search?skill=esco:1', '/earners/e-1', '/me/preview']) {
      const response = await fetch(`${origin}${page}`);
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain('<title>app</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('leaves the API paths and missing assets alone', async () => {
    expect((await fetch(`${origin}/health`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${origin}/graphql`)).status).toBe(404);
    expect((await fetch(`${origin}/ready`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/missing-1.js`)).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(404);
  });
});
