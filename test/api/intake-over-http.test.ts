/**
 * The credential intake over HTTP, as the Docker deployment runs it: the
 * indexer's intake service in its own process (`serve-intake`), the API
 * started alone with INTAKE_URL and INTAKE_TOKEN. Earners' adds and issuers'
 * pushes cross both hops against the real engine; the service refuses
 * callers without its token; a stopped or stalled intake answers
 * SERVICE_UNAVAILABLE / 503 at once, never a hang. Issuer keys note their
 * last use. DID Auth crosses the same hop: the API keeps the challenges, the
 * intake service verifies the presentation.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpIntake } from '../../api/intake-client/http-intake.ts';
import { apiConfigFromEnv } from '../../api/config.ts';
import { ServiceUnavailableError } from '../../api/errors.ts';
import { createLogger } from '../../api/log.ts';
import { IndexStore } from '../../indexer/store/index-store.ts';
import { INTAKE_PATHS, INTAKE_WIRE_LIMITS } from '../../mappings/credential-intake-wire.ts';
import { aliasName } from '../../mappings/indices.ts';
import { generateIssuerKey, signOb3Jwt, type IssuerKey } from '../../scripts/demo/signing/sign.ts';
import { claimEarner, createAccount, seedEarners, startAccountApi, TEST_SESSION_SECRET, type AccountApi } from '../support/account-api.ts';
import { ob3Credential } from '../support/credential-builders.ts';
import { engineUrl, shareTaxonomyWith, uniquePrefix } from '../support/engine.ts';
import { spawnIndexer, startIntakeService, type IntakeServiceProcess } from '../support/intake-service.ts';
import { recognizeIssuer, registryEntry } from '../support/issuer-registry.ts';
import { TEST_NOISE_SECRET } from '../support/report-disclosure.ts';
import { signVpJwt } from '../support/vp-jwt.ts';
import { createHttpDidAuthentication } from '../../api/intake-client/http-did-auth.ts';

const TOKEN = 'intake-test-token-0123456789abcdef-0123456789abcdef';
const BOARD = 'Great Plains Workforce Board';
const CLASS = 'https://board.example/achievements/forklift';
const ADD = `mutation($input: AddMyCredentialsInput!) { addMyCredentials(input: $input) {
  added refused results { source outcome status reasons message issuerRecognition } } }`;
const KEYS = 'query($i: ID) { issuerApiKeys(issuerId: $i) { id lastUsedAt } }';
const CHALLENGE = 'mutation { requestDidChallenge { challenge domain } }';
const PROVE = 'mutation($p: String!) { proveDidControl(presentation: $p) { outcome code message identity { did } } }';

interface AddPayload {
  addMyCredentials: { added: number; refused: number; results: { source: string; outcome: string; status: string; reasons: string[] }[] };
}

const prefix = uniquePrefix('intake-http');
let unlinkTaxonomy: () => Promise<void>;
let intake: IntakeServiceProcess;
let api: AccountApi;
let board: IssuerKey;
let ada: string;
let admin: string;
let pushKey: string;

const file = (name: string, content: string) => ({ name, contentBase64: Buffer.from(content).toString('base64') });

async function badge(email: string, id: string): Promise<string> {
  const credential = ob3Credential(board.did, { id, issuer: { id: board.did, type: ['Profile'], name: BOARD } }, email) as {
    credentialSubject: { achievement: Record<string, unknown> };
  };
  credential.credentialSubject.achievement = { ...credential.credentialSubject.achievement, id: CLASS, name: 'Forklift Operator' };
  return signOb3Jwt(credential as unknown as Record<string, unknown>, board);
}

/** An OB 3.0 VC-JWT issued to `did` (no email in it). */
async function badgeToDid(did: string, id: string): Promise<string> {
  const credential = ob3Credential(board.did, { id, issuer: { id: board.did, type: ['Profile'], name: BOARD } }) as {
    credentialSubject: Record<string, unknown> & { achievement: Record<string, unknown> };
  };
  delete credential.credentialSubject.identifier;
  credential.credentialSubject.id = did;
  credential.credentialSubject.achievement = { ...credential.credentialSubject.achievement, id: CLASS, name: 'Forklift Operator' };
  return signOb3Jwt(credential as unknown as Record<string, unknown>, board);
}

/** A fresh challenge for Ada, answered by `wallet` as a VP-JWT (`aud` may be changed to sign for another site). */
async function answeredChallenge(wallet: IssuerKey, aud?: string): Promise<string> {
  const asked = await api.gql<{ requestDidChallenge: { challenge: string; domain: string } }>(CHALLENGE, {}, ada);
  expect(asked.body.errors).toBeUndefined();
  const { challenge, domain } = asked.body.data!.requestDidChallenge;
  return signVpJwt(wallet, { nonce: challenge, aud: aud ?? domain });
}

const prove = (presentation: string) =>
  api.gql<{ proveDidControl: { outcome: string; code: string | null; message: string; identity: { did: string } | null } }>(
    PROVE,
    { p: presentation },
    ada,
  );

const push = (body: unknown, key = pushKey) =>
  fetch(`${api.api.url}/api/issuer/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });

/** The status of a POST (the server may answer and close before the whole body is sent: that answer counts). */
function statusOf(url: string, headers: Record<string, string>, body: string, withLength: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: withLength ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers,
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', (error) => setTimeout(() => reject(error), 200));
    request.end(body);
  });
}

async function storedIds(): Promise<string[]> {
  await api.client.indices.refresh({ index: aliasName(prefix, 'credentials') });
  const found = await api.client.search<{ id: string }>({ index: aliasName(prefix, 'credentials'), size: 100, _source: ['id'] });
  return found.hits.hits.map((h) => h._source!.id);
}

beforeAll(async () => {
  unlinkTaxonomy = await shareTaxonomyWith(prefix);
  // The API alone, as the Docker image runs it: no intake handed over, only its address and secret.
  const intakeStarting = startIntakeService({ INDEX_PREFIX: prefix, INTAKE_TOKEN: TOKEN, INDEXER_ALLOW_NETWORK: 'false' });
  intake = await intakeStarting;
  api = await startAccountApi('intake-http', {
    INDEX_PREFIX: prefix,
    INTAKE_URL: intake.url,
    INTAKE_TOKEN: TOKEN,
    INTAKE_TIMEOUT_MS: '20000',
  });
  board = await generateIssuerKey(new Uint8Array(32).fill(61));
  await recognizeIssuer(new IndexStore({ client: api.client, prefix, replicas: 0 }), registryEntry(board.did, BOARD));
  await seedEarners(api.client, prefix, [
    { earnerId: 'e-ada', email: 'ada@example.net', name: 'Ada Lovelace', badges: 1, settings: { listed: true } },
  ]);
  ada = await claimEarner(api, 'ada@example.net');
  await createAccount(api.client, prefix, { email: 'admin@directory.example', role: 'admin', password: 'admin-password-1' });
  admin = await api.login('admin@directory.example', 'admin-password-1');
  const created = await api.gql<{ createIssuerApiKey: { secret: string } }>(
    'mutation($i: ID!) { createIssuerApiKey(issuerId: $i, label: "nightly") { secret } }',
    { i: board.did },
    admin,
  );
  pushKey = created.body.data!.createIssuerApiKey.secret;
}, 120_000);

afterAll(async () => {
  await intake?.stop();
  await api?.cleanup();
  await unlinkTaxonomy?.();
});

describe('the intake over HTTP (API alone + intake service)', () => {
  it('adds an earner’s badge across both hops, into the engine', async () => {
    const jwt = await badge('ada@example.net', 'urn:uuid:http-ada-1');
    const result = await api.gql<AddPayload>(ADD, { input: { files: [file('forklift.jwt', jwt), file('junk.json', '{"no":')] } }, ada);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.addMyCredentials.results.map((r) => [r.source, r.outcome])).toEqual([
      ['forklift.jwt', 'ADDED'],
      ['junk.json', 'REFUSED'],
    ]);
    expect(result.body.data!.addMyCredentials.results[0]).toMatchObject({ status: 'VERIFIED', issuerRecognition: 'RECOGNIZED' });
    expect(await storedIds()).toContain('urn:uuid:http-ada-1');
  });

  it('takes an issuer push across both hops, and the key notes its last use (at most once a minute)', async () => {
    const before = await api.gql<{ issuerApiKeys: { lastUsedAt: string | null }[] }>(KEYS, { i: board.did }, admin);
    expect(before.body.data!.issuerApiKeys[0]!.lastUsedAt).toBeNull();
    const started = Date.now();
    const response = await push([await badge('carol@example.net', 'urn:uuid:http-carol'), 'not a credential']);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { added: number; results: { source: string; outcome: string }[] };
    expect(body.results.map((r) => [r.source, r.outcome])).toEqual([
      ['[0]', 'ADDED'],
      ['[1]', 'REFUSED'],
    ]);
    expect(await storedIds()).toContain('urn:uuid:http-carol');
    await api.api.idle();
    const lastUsed = async () =>
      (await api.gql<{ issuerApiKeys: { lastUsedAt: string | null }[] }>(KEYS, { i: board.did }, admin)).body.data!.issuerApiKeys[0]!
        .lastUsedAt;
    await expect.poll(lastUsed, { timeout: 5000 }).not.toBeNull();
    const first = Date.parse((await lastUsed())!);
    expect(first).toBeGreaterThanOrEqual(started - 1000);
    expect(first).toBeLessThanOrEqual(Date.now());
    // Within the minute another push writes nothing: the value stays.
    expect((await push([await badge('dan@example.net', 'urn:uuid:http-dan')])).status).toBe(200);
    await api.api.idle();
    await api.client.indices.refresh({ index: aliasName(prefix, 'issuer-api-keys') });
    expect(Date.parse((await lastUsed())!)).toBe(first);
    // A refused key (bad secret) is no use: nothing is noted for it.
    expect((await push(['x'], `${pushKey.slice(0, -4)}AAAA`)).status).toBe(401);
  });

  it('links a DID across both hops (the intake service verifies), refuses a replay and another site; badges to it are added', async () => {
    const wallet = await generateIssuerKey(new Uint8Array(32).fill(62));
    const toWallet = await badgeToDid(wallet.did, 'urn:uuid:http-ada-did');
    const before = await api.gql<AddPayload>(ADD, { input: { files: [file('wallet.jwt', toWallet)] } }, ada);
    expect(before.body.data!.addMyCredentials.results[0]).toMatchObject({ outcome: 'REFUSED', reasons: ['RECIPIENT_MISMATCH'] });

    const answer = await answeredChallenge(wallet);
    const linked = await prove(answer);
    expect(linked.body.errors).toBeUndefined();
    expect(linked.body.data!.proveDidControl).toMatchObject({ outcome: 'LINKED', code: null, identity: { did: wallet.did } });
    // The same answer again: the challenge worked once.
    expect((await prove(answer)).body.data!.proveDidControl).toMatchObject({ outcome: 'REFUSED', code: 'CHALLENGE_USED' });
    // A refusal decided by the intake service's verifier crosses back with its code and cause.
    const elsewhere = (await prove(await answeredChallenge(wallet, 'evil.example'))).body.data!.proveDidControl;
    expect(elsewhere).toMatchObject({ outcome: 'REFUSED', code: 'WRONG_DOMAIN' });
    expect(elsewhere.message).toMatch(/"evil\.example"/);

    // The linked DID crosses the wire with the earner's request: a badge issued to it is now Ada's.
    const after = await api.gql<AddPayload>(ADD, { input: { files: [file('wallet.jwt', toWallet)] } }, ada);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.addMyCredentials.results[0]).toMatchObject({ outcome: 'ADDED', status: 'VERIFIED' });
    expect(await storedIds()).toContain('urn:uuid:http-ada-did');
  });

  it('the intake service answers only its token: 401 before the body is read; 400, 404 and 413 name the problem', async () => {
    const body = JSON.stringify({ earnerId: 'e-ada', email: 'ada@example.net', items: [{ kind: 'url', url: 'https://example.org/a' }] });
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const response = await fetch(`${intake.url}${INTAKE_PATHS.earner}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body,
      });
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const didBody = JSON.stringify({ presentation: 'x.y.z', challenge: 'c', domain: 'talent.test' });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`]) {
      const response = await fetch(`${intake.url}${INTAKE_PATHS.didAuth}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: didBody,
      });
      expect(response.status, `did-auth ${String(authorization)}`).toBe(401);
    }
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const noChallenge = await fetch(`${intake.url}${INTAKE_PATHS.didAuth}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ presentation: 'x.y.z', domain: 'talent.test' }),
    });
    expect(noChallenge.status).toBe(400);
    expect(((await noChallenge.json()) as { error: string }).error).toMatch(/challenge/);
    const didTarget = `${intake.url}${INTAKE_PATHS.didAuth}`;
    expect(await statusOf(didTarget, auth, 'x'.repeat(INTAKE_WIRE_LIMITS.didAuthBodyBytes + 1), true)).toBe(413);
    expect((await fetch(`${intake.url}${INTAKE_PATHS.health}`)).status).toBe(200);
    const malformed = await fetch(`${intake.url}${INTAKE_PATHS.earner}`, { method: 'POST', headers: auth, body: '{"earnerId": 1}' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/earnerId/);
    expect((await fetch(`${intake.url}/v1/other`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(404);
    // Announced too large: refused before a byte is read; streamed without a length: cut at the limit.
    const target = `${intake.url}${INTAKE_PATHS.earner}`;
    expect(await statusOf(target, auth, 'x'.repeat(INTAKE_WIRE_LIMITS.earnerBodyBytes + 1), true)).toBe(413);
    expect(await statusOf(target, auth, 'x'.repeat(INTAKE_WIRE_LIMITS.earnerBodyBytes + 1), false)).toBe(413);
    // The service still answers after all that.
    expect((await fetch(`${intake.url}${INTAKE_PATHS.health}`)).status).toBe(200);
  });

  it('an API with the wrong token, or an intake that stalls, answers SERVICE_UNAVAILABLE in bounded time', async () => {
    const log = createLogger('error', () => {});
    const wrong = createHttpIntake({ url: intake.url, token: `${TOKEN}-wrong`, timeoutMs: 5000 }, log);
    await expect(
      wrong.addForEarner({ earnerId: 'e-ada', email: 'ada@example.net', items: [{ kind: 'url', url: 'https://x.example/' }] }),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    const wrongDidAuth = createHttpDidAuthentication({ url: intake.url, token: `${TOKEN}-wrong`, timeoutMs: 5000 }, log);
    await expect(wrongDidAuth.verifyDidAuth({ presentation: 'x.y.z', challenge: 'c', domain: 'talent.test' })).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    // Accepts the connection and the request, never answers.
    const stalled = http.createServer(() => {});
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    try {
      const slow = createHttpIntake(
        { url: `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`, token: TOKEN, timeoutMs: 400 },
        log,
      );
      const started = Date.now();
      const error = await slow
        .pushForIssuer({ issuerEntryId: board.did, items: [{ source: '[0]', bytes: new Uint8Array([1]) }] })
        .catch((e: Error) => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect((error as Error).message).toMatch(/took too long \(over 400 ms\) and was stopped/);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      stalled.closeAllConnections();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });

  it('the API refuses to start with INTAKE_URL but no INTAKE_TOKEN (production and development)', () => {
    for (const NODE_ENV of ['production', 'development']) {
      expect(() =>
        apiConfigFromEnv({
          NODE_ENV,
          ELASTICSEARCH_URL: engineUrl(),
          SESSION_SECRET: TEST_SESSION_SECRET,
          REPORT_NOISE_SECRET: TEST_NOISE_SECRET,
          INTAKE_URL: 'http://indexer:3200',
        }),
      ).toThrow(/INTAKE_TOKEN: must be set with INTAKE_URL/);
    }
  });

  it('the intake service refuses to start without a token, or with a short one', async () => {
    for (const env of [{ INTAKE_TOKEN: '' }, { INTAKE_TOKEN: 'short' }]) {
      const run = spawnIndexer(['serve-intake'], { INDEX_PREFIX: prefix, INTAKE_PORT: '0', ...env });
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/INTAKE_TOKEN: must (be set|be at least 32 characters).*never runs without it/);
      expect(run.output()).not.toMatch(/intake listening/);
    }
  });

  it('`schedule --intake` (the compose indexer service) runs the jobs and serves the intake in one process, and stops on SIGTERM', async () => {
    const both = await startIntakeService(
      { INDEX_PREFIX: prefix, INTAKE_TOKEN: TOKEN, INDEXER_ALLOW_NETWORK: 'false', BACKUP_CRON: 'off' },
      { args: ['schedule', '--intake'] },
    );
    try {
      expect(both.output()).toMatch(/scheduled: reverify, refresh-sources/);
      const wrong = await fetch(`${both.url}${INTAKE_PATHS.issuer}`, { method: 'POST', body: '{}' });
      expect(wrong.status).toBe(401);
      const bad = await fetch(`${both.url}${INTAKE_PATHS.issuer}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: '{}',
      });
      expect(bad.status).toBe(400);
    } finally {
      expect(await both.stop()).toBe(0);
    }
    expect(both.output()).toMatch(/SIGTERM: stopping the scheduled jobs and the intake service/);
  });

  it('with the intake service stopped, adds and DID proofs answer SERVICE_UNAVAILABLE (503), pushes 503 with Retry-After, at once', async () => {
    const wallet = await generateIssuerKey(new Uint8Array(32).fill(63));
    const answer = await answeredChallenge(wallet);
    expect(await intake.stop()).toBe(0);
    expect(intake.output()).toMatch(/SIGTERM: stopping the intake service/);
    const started = Date.now();
    const added = await api.gql<AddPayload>(ADD, { input: { files: [file('a.jwt', 'x')] } }, ada);
    expect(added.status).toBe(503);
    expect(added.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(added.body.errors?.[0]?.message).toMatch(/credential intake service does not answer/);
    const pushed = await push([await badge('erin@example.net', 'urn:uuid:http-erin')]);
    expect(pushed.status).toBe(503);
    expect(pushed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await pushed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'SERVICE_UNAVAILABLE',
    );
    const proof = await prove(answer);
    expect(proof.status).toBe(503);
    expect(proof.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(proof.body.errors?.[0]?.message).toMatch(/Linking a DID is unavailable right now.*ask for a new challenge/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
