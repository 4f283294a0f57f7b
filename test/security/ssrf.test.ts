/**
 * Attack (issue 10, item 12): a credential names URLs that point the indexer
 * at the machine's own services. A hosted badge class that redirects into
 * Elasticsearch's `_source` of a hidden earner put that earner's name into a
 * badge name; did:web reached internal hosts; link-local metadata answered.
 * Each attack is performed for real here; every hop is refused before a
 * connection is made, and the error says no more than "unreachable".
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedReason, parseAllowHosts } from '../../indexer/net/address-policy.ts';
import { safeFetch } from '../../indexer/net/safe-fetch.ts';
import { readCredentials } from '../../indexer/sources/read-credentials.ts';
import { createResolver } from '../../indexer/verify/resolver.ts';
import { bindIssuerKey, generateIssuerKey, signOb3DataIntegrity } from '../../scripts/demo/signing/sign.ts';
import { ob2HostedDocuments, ob3Credential } from '../support/credential-builders.ts';
import { engineClient, engineUrl, uniquePrefix } from '../support/engine.ts';

const SECRET_NAME = 'Hidden Earner Zanzibar-7731';

/** An HTTP server on 127.0.0.1 that counts TCP connections and answers from a route table. */
interface RouteServer {
  origin: string;
  host: string;
  connections(): number;
  route(path: string, answer: { status: number; headers?: Record<string, string>; body?: string }): void;
  close(): Promise<void>;
}

async function routeServer(): Promise<RouteServer> {
  const routes = new Map<string, { status: number; headers?: Record<string, string>; body?: string }>();
  let connections = 0;
  const server: Server = createServer((req, res) => {
    const answer = routes.get(new URL(req.url ?? '/', 'http://x').pathname) ?? { status: 404, body: 'not found' };
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    connections: () => connections,
    route: (path, answer) => routes.set(path, answer),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('SSRF: the indexer fetches only public addresses', { timeout: 30_000 }, () => {
  const client = engineClient();
  const secretIndex = `${uniquePrefix('ssrf')}-hidden-earners`;
  const esSource = `${engineUrl()}/${secretIndex}/_source/hidden-1`;
  let issuer: RouteServer;
  let bystander: RouteServer;

  beforeAll(async () => {
    // A hidden earner in the real engine: what the attacker wants to read.
    await client.index({
      index: secretIndex,
      id: 'hidden-1',
      document: { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', name: SECRET_NAME },
      refresh: true,
    });
    issuer = await routeServer();
    bystander = await routeServer();
  });
  afterAll(async () => {
    await client.indices.delete({ index: secretIndex }, { ignore: [404] });
    await client.close();
    await issuer.close();
    await bystander.close();
  });

  it('refuses a redirect from an allowed issuer into Elasticsearch on 127.0.0.1:9200 (the engine answers it directly)', async () => {
    // The attack target is real: the engine serves the hidden earner's document to a plain request.
    expect(await (await fetch(esSource)).text()).toContain(SECRET_NAME);
    const { issuer: profile, badge, assertion } = ob2HostedDocuments(issuer.origin);
    issuer.route('/issuer', { status: 200, body: JSON.stringify(profile) });
    issuer.route('/assertions/1', { status: 200, body: JSON.stringify(assertion) });
    issuer.route('/badges/1', { status: 302, headers: { location: esSource } });
    void badge;
    const resolver = createResolver({ allowHosts: [issuer.host], cacheTtlMs: 0 });
    const [credential] = await readCredentials({ source: 'evil.json', bytes: encode(assertion) }, { resolver });
    expect(credential!.achievement.name).not.toContain(SECRET_NAME);
    expect(credential!.verification.status).not.toBe('VERIFIED');
    const details = credential!.verification.details?.join(' ') ?? '';
    expect(details).toContain('unreachable');
    expect(details).not.toMatch(/9200|ECONNREFUSED|loopback|Zanzibar/);
    // The same redirect is refused at the fetch level, with nothing but "unreachable".
    expect(await resolver.fetchText(`${issuer.origin}/badges/1`)).toEqual({
      ok: false,
      url: `${issuer.origin}/badges/1`,
      error: 'unreachable',
    });
  });

  it('refuses a redirect into another local port, and more than 3 redirects even between allowed hops', async () => {
    issuer.route('/to-bystander', { status: 301, headers: { location: `${bystander.origin}/secret` } });
    bystander.route('/secret', { status: 200, body: '{"secret":true}' });
    const before = bystander.connections();
    const fetched = await safeFetch(`${issuer.origin}/to-bystander`, { timeoutMs: 5000, maxBytes: 10_000, allowHosts: [issuer.host] });
    expect(fetched).toEqual({ ok: false, error: 'unreachable' });
    expect(bystander.connections()).toBe(before);

    for (let i = 0; i < 5; i++) issuer.route(`/hop${i}`, { status: 302, headers: { location: `/hop${i + 1}` } });
    issuer.route('/hop5', { status: 200, body: '{}' });
    expect(await safeFetch(`${issuer.origin}/hop2`, { timeoutMs: 5000, maxBytes: 10_000, allowHosts: [issuer.host] })).toMatchObject({
      ok: true,
    });
    expect(await safeFetch(`${issuer.origin}/hop0`, { timeoutMs: 5000, maxBytes: 10_000, allowHosts: [issuer.host] })).toEqual({
      ok: false,
      error: 'more than 3 redirects',
    });
  });

  it('refuses did:web pointing at localhost before connecting', async () => {
    const did = `did:web:localhost%3A${bystander.host.split(':')[1]}`;
    const key = await bindIssuerKey(await generateIssuerKey(), did, `${did}#key-1`);
    const signed = await signOb3DataIntegrity(ob3Credential(did), key, { cryptosuite: 'eddsa-rdfc-2022' });
    const before = bystander.connections();
    const [credential] = await readCredentials(
      { source: 'did-web.json', bytes: encode(signed) },
      { resolver: createResolver({ allowHosts: [issuer.host] }) },
    );
    expect(credential!.verification.status).not.toBe('VERIFIED');
    expect(credential!.verification.reasons).toContain('ISSUER_UNREACHABLE');
    expect(credential!.verification.details?.join(' ')).toContain('unreachable');
    expect(bystander.connections()).toBe(before);
  });

  it('refuses loopback, private, link-local and mapped literals at once, never waiting on a connection', async () => {
    const port = bystander.host.split(':')[1];
    const before = bystander.connections();
    const urls = [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      'http://10.0.0.1/',
      'http://10.255.255.1:8080/admin',
      'http://192.168.1.1/',
      'http://172.16.0.1/',
      'http://0.0.0.0:9200/',
      'http://[fe80::1]/',
      'http://[fd00::1]/',
      `http://localhost:${port}/`,
      `http://127.0.0.1:${port}/`,
      'http://127.0.0.1:9200/_cat/indices',
      'https://224.0.0.1/',
    ];
    const resolver = createResolver({ allowHosts: [issuer.host], timeoutMs: 10_000, cacheTtlMs: 0 });
    for (const url of urls) {
      const started = performance.now();
      const fetched = await resolver.fetchText(url);
      expect(fetched, url).toEqual({ ok: false, url, error: 'unreachable' });
      // Refused before connecting: 169.254.169.254 and 10.x would otherwise hang until the 10 s timeout.
      expect(performance.now() - started, url).toBeLessThan(1000);
    }
    expect(bystander.connections()).toBe(before);
  });

  it('reaches an allowed development host, and only on the allowed port', async () => {
    bystander.route('/doc', { status: 200, body: '{"ok":1}' });
    expect(
      await safeFetch(`${bystander.origin}/doc`, { timeoutMs: 5000, maxBytes: 100, allowHosts: parseAllowHosts([bystander.host]) }),
    ).toMatchObject({ ok: true });
    expect(
      await safeFetch(`${bystander.origin}/doc`, { timeoutMs: 5000, maxBytes: 100, allowHosts: parseAllowHosts(['127.0.0.1:1']) }),
    ).toEqual({ ok: false, error: 'unreachable' });
    expect(await safeFetch(`${bystander.origin}/doc`, { timeoutMs: 5000, maxBytes: 4, allowHosts: [bystander.host] })).toMatchObject({
      ok: false,
      tooLarge: true,
    });
  });
});

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.100.100.200', 'shared (carrier NAT)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::7f00:1', 'IPv4-compatible (deprecated)'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'private (unique local)'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'reserved (IETF protocols, Teredo)'],
  ])('%s is refused (%s)', (address, reason) => {
    expect(blockedReason(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '151.101.1.69', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(blockedReason(address)).toBeUndefined();
  });

  it('parses the development allowance and names a bad entry', () => {
    expect(parseAllowHosts(['127.0.0.1:3100', 'LocalHost:80', '[::1]:3100'])).toEqual(['127.0.0.1:3100', 'localhost:80', '[::1]:3100']);
    expect(() => parseAllowHosts(['127.0.0.1'])).toThrow(/"127.0.0.1" is not host:port/);
  });
});
