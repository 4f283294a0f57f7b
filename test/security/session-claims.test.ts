/**
 * Attack (issue 10, item 11): session tokens signed with the real secret but
 * without `exp`, or with an `iat` in the future, were accepted. Each forged
 * shape is sent over HTTP to the real API; only a well-formed token works.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIdFor } from '../../api/accounts/identity.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { CLOCK_SKEW_SECONDS } from '../../api/accounts/session.ts';
import { startAccountApi, TEST_SESSION_SECRET, type AccountApi } from '../support/account-api.ts';

const VIEWER = '{ viewer { role } }';
const key = new TextEncoder().encode(TEST_SESSION_SECRET);

interface Shape {
  iat?: number;
  exp?: number;
}

/** A token exactly like the server's own, with the real secret, but with the chosen `iat` and `exp` (or none). */
function forge({ iat, exp }: Shape): Promise<string> {
  const jwt = new SignJWT({ role: 'employer', sv: 0 })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(accountIdFor('employer@demo.test'))
    .setIssuer('talent-directory')
    .setAudience('talent-directory-api');
  if (iat !== undefined) jwt.setIssuedAt(iat);
  if (exp !== undefined) jwt.setExpirationTime(exp);
  return jwt.sign(key);
}

describe('session tokens need exp and a past iat (attack 11)', () => {
  let t: AccountApi;
  const now = () => Math.floor(Date.now() / 1000);
  beforeAll(async () => {
    t = await startAccountApi('sec-session');
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    // The account exists: a refusal below is about the token, not the account.
    expect(await t.login('employer@demo.test', DEMO_PASSWORD)).toMatch(/^ey/);
  });
  afterAll(() => t?.cleanup());

  it.each([
    ['no exp', () => ({ iat: now() })],
    ['no iat', () => ({ exp: now() + 3600 })],
    ['neither', () => ({})],
    ['iat an hour ahead', () => ({ iat: now() + 3600, exp: now() + 7200 })],
    ['iat beyond the skew', () => ({ iat: now() + CLOCK_SKEW_SECONDS + 30, exp: now() + 3600 })],
    ['a lifetime longer than the configured one', () => ({ iat: now(), exp: now() + 365 * 86_400 })],
  ])('refuses a token with %s', async (_name, shape: () => Shape) => {
    const result = await t.gql(VIEWER, {}, await forge(shape()));
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.body.data ?? null).toBeNull();
  });

  it('accepts a well-formed token, also from a clock slightly ahead', async () => {
    for (const iat of [now(), now() + CLOCK_SKEW_SECONDS - 15]) {
      const result = await t.gql<{ viewer: { role: string } }>(VIEWER, {}, await forge({ iat, exp: iat + 3600 }));
      expect(result.body.data?.viewer.role).toBe('EMPLOYER');
    }
  });
});
