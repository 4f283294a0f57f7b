/** The resolver: --resolve mappings, HTTP limits, cache bounds. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../indexer/verify/cache.ts';
import { createResolver, mapUrlToFile, parseResolveMapping } from '../../../indexer/verify/resolver.ts';
import { startIssuerServer, type IssuerServer } from '../../support/issuer-server.ts';

describe('mapUrlToFile', () => {
  const mappings = [
    { prefix: 'https://example.org/', target: '/srv/assets' },
    { prefix: 'https://example.org/deep/', target: '/srv/deep' },
    { prefix: 'https://example.org/one.json', target: '/srv/special.json' },
  ];
  it('maps a folder prefix onto a folder, the longest prefix first', () => {
    expect(mapUrlToFile('https://example.org/a/b.json', mappings)).toBe('/srv/assets/a/b.json');
    expect(mapUrlToFile('https://example.org/deep/x.json#frag', mappings)).toBe('/srv/deep/x.json');
  });
  it('maps a full URL onto one file, before any folder', () => {
    expect(mapUrlToFile('https://example.org/one.json', mappings)).toBe('/srv/special.json');
    expect(mapUrlToFile('https://example.org/one.json#key', mappings)).toBe('/srv/special.json');
  });
  it('never maps outside the folder, and leaves other URLs alone', () => {
    expect(mapUrlToFile('https://example.org/../../etc/passwd', mappings)).toBeNull();
    expect(mapUrlToFile('https://example.org/%2e%2e/%2e%2e/etc/passwd', mappings)).toBeNull();
    expect(mapUrlToFile('https://other.org/a.json', mappings)).toBeNull();
  });
  it('parses --resolve PREFIX=TARGET', () => {
    expect(parseResolveMapping('https://example.org/=./assets/')).toEqual({ prefix: 'https://example.org/', target: './assets/' });
    expect(() => parseResolveMapping('https://example.org/')).toThrow(/PREFIX=TARGET/);
  });
});

describe('createResolver', { timeout: 20_000 }, () => {
  let server: IssuerServer;
  const folder = mkdtempSync(path.join(tmpdir(), 'resolver-'));
  beforeAll(async () => {
    server = await startIssuerServer();
    writeFileSync(path.join(folder, 'doc.json'), '{"from":"file"}');
  });
  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads mapped URLs from files and refuses unmapped ones when the network is off', async () => {
    const resolver = createResolver({ mappings: [{ prefix: 'https://x.test/', target: folder }], allowNetwork: false });
    expect(await resolver.fetchText('https://x.test/doc.json')).toEqual({
      ok: true,
      url: 'https://x.test/doc.json',
      text: '{"from":"file"}',
    });
    const missing = await resolver.fetchText('https://x.test/missing.json');
    expect(missing.ok).toBe(false);
    const unmapped = await resolver.fetchText('https://y.test/doc.json');
    expect(unmapped).toMatchObject({ ok: false, error: expect.stringContaining('network access is off') });
  });

  it('enforces the response size limit', async () => {
    server.serve('/big', 'x'.repeat(5000));
    const fetched = await createResolver({ maxBytes: 1000, allowHosts: [new URL(server.origin).host] }).fetchText(`${server.origin}/big`);
    expect(fetched).toMatchObject({ ok: false, error: expect.stringContaining('byte limit') });
  });

  it('caches successes within the TTL, not failures', async () => {
    server.serve('/cached', '{"n":1}');
    const resolver = createResolver({ allowHosts: [new URL(server.origin).host] });
    await resolver.fetchText(`${server.origin}/cached`);
    await resolver.fetchText(`${server.origin}/cached#fragment`);
    expect(server.hits('/cached')).toBe(1);
    await resolver.fetchText(`${server.origin}/nothing-here`);
    await resolver.fetchText(`${server.origin}/nothing-here`);
    expect(server.hits('/nothing-here')).toBe(2);
  });

  it('refuses non-HTTP schemes', async () => {
    expect(await createResolver().fetchText('file:///etc/passwd')).toMatchObject({ ok: false, error: expect.stringContaining('file:') });
  });
});

describe('BoundedCache', () => {
  it('drops the least recently used entry past its size and expired entries past the TTL', () => {
    let now = 0;
    const cache = new BoundedCache<number>({ maxEntries: 2, ttlMs: 100, now: () => now });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    now = 150;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
