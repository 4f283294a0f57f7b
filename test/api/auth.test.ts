import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdFor } from '../../api/accounts/identity.ts';
import { hashPassword, verifyPassword } from '../../api/accounts/password.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { resolveSessionSecret } from '../../api/accounts/session-secret.ts';
import { sessionKeys, signSession } from '../../api/accounts/session.ts';
import { apiConfigFromEnv } from '../../api/config.ts';
import { claimEarner, seedEarners, startAccountApi, TEST_SESSION_SECRET, type AccountApi } from '../support/account-api.ts';

const VIEWER = '{ viewer { role accountId email organisation earnerId } }';
const SEARCH = '{ searchEarners(input: {}) { total } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt viewer { role email } } }';

describe('passwords and session secrets', () => {
  it('hashes with scrypt and a salt per hash, and verifies only the right password', async () => {
    const [a, b] = [await hashPassword('correct horse'), await hashPassword('correct horse')];
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsf', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'not-a-hash')).toBe(false);
  });

  it('generates a development secret once and keeps it in the cache dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secret-'));
    try {
      const first = resolveSessionSecret({ cacheDir: dir });
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(resolveSessionSecret({ cacheDir: dir })).toBe(first);
      expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
      expect(resolveSessionSecret({ cacheDir: dir, sessionSecret: 'x'.repeat(40) })).toBe('x'.repeat(40));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start in production without SESSION_SECRET, and names bad settings', () => {
    expect(() => apiConfigFromEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => apiConfigFromEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(() => apiConfigFromEnv({ OUTBOX: 'pigeon' })).toThrow(/OUTBOX/);
    expect(() => apiConfigFromEnv({ CONTACT_RATE_LIMIT: '0' })).toThrow(/CONTACT_RATE_LIMIT/);
    expect(() => apiConfigFromEnv({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) })).toThrow(/REPORT_NOISE_SECRET/);
    expect(() => apiConfigFromEnv({ REPORT_NOISE_SECRET: 'short' })).toThrow(/REPORT_NOISE_SECRET/);
    const production = apiConfigFromEnv({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), REPORT_NOISE_SECRET: 'n'.repeat(32) });
    expect(production.auth.sessionSecret).toBe('s'.repeat(32));
    expect(production.reports.noiseSecret).toBe('n'.repeat(32));
    expect(apiConfigFromEnv({ SMTP_URL: 'smtp://mail.example:25' }).outbox.kind).toBe('smtp');
  });
});

describe('sign-in, sessions and roles over HTTP', () => {
  let t: AccountApi;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startAccountApi('auth');
    expect(await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix })).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    await seedEarners(t.client, t.prefix, [
      {
        earnerId: 'earner-listed',
        email: 'listed@example.org',
        name: 'Listed Person',
        badges: 2,
        settings: { listed: true, contactable: true, contactChannel: 'email', contactValue: 'listed@example.org' },
      },
    ]);
    for (const role of ['employer', 'agency', 'admin']) tokens[role] = await t.login(`${role}@demo.test`, DEMO_PASSWORD);
    tokens.earner = await claimEarner(t, 'listed@example.org');
  });
  afterAll(() => t?.cleanup());

  it('seeds the demo accounts once (a second run creates nothing)', async () => {
    expect(await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix })).toEqual([]);
  });

  it('logs in with the right password and says who is signed in', async () => {
    const result = await t.gql<{ login: { token: string; expiresAt: string; viewer: { role: string; email: string } } }>(LOGIN, {
      e: 'Employer@Demo.test ',
      p: DEMO_PASSWORD,
    });
    expect(result.body.errors).toBeUndefined();
    const { token, expiresAt, viewer } = result.body.data!.login;
    expect(viewer).toEqual({ role: 'EMPLOYER', email: 'employer@demo.test' });
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(7 * 3600_000);
    const me = await t.gql(VIEWER, {}, token);
    expect(me.body.data).toEqual({
      viewer: {
        role: 'EMPLOYER',
        accountId: accountIdFor('employer@demo.test'),
        email: 'employer@demo.test',
        organisation: 'Demo Manufacturing Co.',
        earnerId: null,
      },
    });
    expect(me.raw).not.toMatch(/scrypt|passwordHash/);
  });

  it('refuses a wrong password and an unknown address with the same answer', async () => {
    const wrong = await t.gql(LOGIN, { e: 'employer@demo.test', p: 'not-the-password' });
    const unknown = await t.gql(LOGIN, { e: 'nobody@demo.test', p: 'not-the-password' });
    expect(wrong.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
    // The same answer apart from the request id, which every error carries (each its own).
    const { extensions: wrongExtensions, ...wrongError } = wrong.body.errors![0]!;
    expect(unknown.body.errors).toEqual([{ ...wrongError, extensions: { ...wrongExtensions, requestId: expect.any(String) } }]);
    expect(unknown.body.errors![0]!.extensions!.requestId).not.toBe(wrongExtensions!.requestId);
    expect(wrong.body.data).toBeNull();
  });

  it('needs a token to search; anonymous callers are only anonymous', async () => {
    const anonymous = await t.gql(SEARCH);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(VIEWER)).body.data).toEqual({
      viewer: { role: 'ANONYMOUS', accountId: null, email: null, organisation: null, earnerId: null },
    });
    const signedIn = await t.gql<{ searchEarners: { total: number } }>(SEARCH, {}, tokens.employer);
    expect(signedIn.body.data?.searchEarners.total).toBe(1);
  });

  it('refuses expired, forged, tampered and malformed tokens with 401 UNAUTHENTICATED', async () => {
    const claims = { accountId: accountIdFor('employer@demo.test'), role: 'employer' as const, sessionVersion: 0 };
    const expired = await signSession(sessionKeys(TEST_SESSION_SECRET, 60), claims, new Date(Date.now() - 3600_000));
    const forged = await signSession(sessionKeys('another-secret-another-secret-another-secret', 3600), claims, new Date());
    const [header, payload, signature] = tokens.employer!.split('.');
    const raised = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString(
      'base64url',
    );
    const tampered = `${header}.${raised}.${signature}`;
    for (const [token, message] of [
      [expired.token, /expired/],
      [forged.token, /not valid/],
      [tampered, /not valid/],
      ['not-a-jwt', /not valid/],
    ] as const) {
      const result = await t.gql(SEARCH, {}, token);
      expect(result.status).toBe(401);
      expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
      expect(result.body.errors?.[0]?.message).toMatch(message);
    }
    const badHeader = await t.gql(SEARCH, {}, undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(badHeader.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(badHeader.body.errors?.[0]?.message).toMatch(/Bearer/);
  });

  it('logout ends the session; a new login works', async () => {
    const token = await t.login('agency@demo.test', DEMO_PASSWORD);
    expect((await t.gql(VIEWER, {}, token)).body.data).toMatchObject({ viewer: { role: 'AGENCY' } });
    expect((await t.gql('mutation { logout }', {}, token)).body.data).toEqual({ logout: true });
    const after = await t.gql(SEARCH, {}, token);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.body.errors?.[0]?.message).toMatch(/ended/);
    const again = await t.login('agency@demo.test', DEMO_PASSWORD);
    expect((await t.gql<{ searchEarners: { total: number } }>(SEARCH, {}, again)).body.data?.searchEarners.total).toBe(1);
    expect((await t.gql('mutation { logout }')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    tokens.agency = again;
  });

  const OPERATIONS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
    search: { query: SEARCH },
    earner: { query: '{ earner(id: "earner-listed") { id } }' },
    suggest: { query: '{ suggest(prefix: "Seed") { id } }' },
    mySettings: { query: '{ mySettings { listed } }' },
    myProfile: { query: '{ myProfile { earnerId } }' },
    exportMyData: { query: '{ exportMyData }' },
    updateDirectorySettings: { query: 'mutation { updateDirectorySettings(input: { headline: "Hello" }) { headline } }' },
    myContactRequests: { query: '{ myContactRequests { id } }' },
    contactEarner: { query: 'mutation { contactEarner(earnerId: "earner-listed", message: "Hello from us") { status } }' },
    // Allowed callers get past the role check to BAD_USER_INPUT (nothing is changed).
    respondToContact: { query: 'mutation { respondToContact(id: "no-such-request", accept: false) { status } }' },
    deleteMyData: { query: 'mutation { deleteMyData(confirm: "not the confirmation") { credentialsDeleted } }' },
  };
  // What each role may do; everything else is FORBIDDEN (UNAUTHENTICATED when anonymous).
  const ALLOWED: Record<string, string[]> = {
    employer: ['search', 'earner', 'suggest', 'myContactRequests', 'contactEarner'],
    agency: ['search', 'earner', 'suggest'],
    admin: ['search', 'earner', 'suggest'],
    earner: ['mySettings', 'myProfile', 'exportMyData', 'updateDirectorySettings', 'myContactRequests', 'respondToContact', 'deleteMyData'],
    anonymous: [],
  };

  it.each(Object.keys(ALLOWED))('lets %s do exactly what its role allows', async (role) => {
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      const result = await t.gql(operation.query, operation.variables, tokens[role]);
      const code = result.body.errors?.[0]?.extensions?.code;
      if (ALLOWED[role]!.includes(name))
        expect({ name, code }).toEqual({
          name,
          code: name === 'respondToContact' || name === 'deleteMyData' ? 'BAD_USER_INPUT' : undefined,
        });
      else expect({ name, code }).toEqual({ name, code: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
    }
  });

  it('names the argument of bad sign-in input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ e: 'not-an-address', p: 'whatever1' }, 'email'],
      [{ e: 'employer@demo.test', p: '' }, 'password'],
      [{ e: 'employer@demo.test', p: 'x'.repeat(201) }, 'password'],
      [{ e: 42, p: 'whatever1' }, 'e'],
    ];
    for (const [variables, argument] of cases) {
      const result = await t.gql(LOGIN, variables);
      expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument, requestId: expect.any(String) });
    }
  });
});
