/**
 * Attack (issue 10, item 8): 40 wrong passwords in 2.9 s, then the right one
 * succeeded. Now failed sign-ins back off per account and per client IP
 * (doubling, capped), answering RATE_LIMITED with `retryAt`; the real user
 * gets in once the back-off has passed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { backoffMs, createBackoff, createWindowLimit } from '../../api/accounts/throttle.ts';
import { startAccountApi, type AccountApi } from '../support/account-api.ts';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const MAX_BACKOFF_SECONDS = 4;

describe('sign-in back-off (attack 8)', () => {
  let t: AccountApi;
  // The test speaks for several clients through X-Forwarded-For, trusted from loopback only.
  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const login = (email: string, password: string, ip: string) =>
    t.gql<{ login: { token: string } }>(LOGIN, { e: email, p: password }, undefined, from(ip));

  beforeAll(async () => {
    t = await startAccountApi('sec-login', {
      TRUST_PROXY: 'loopback',
      LOGIN_BACKOFF_SECONDS: '0.5',
      LOGIN_MAX_BACKOFF_SECONDS: String(MAX_BACKOFF_SECONDS),
    });
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
  });
  afterAll(() => t?.cleanup());

  it('40 wrong passwords, then the right one is refused while backed off and works after', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const result = await login('employer@demo.test', `wrong-password-${i}`, '203.0.113.7');
      codes.push(result.body.errors![0]!.extensions!.code!);
    }
    // Five free failures, then back-off.
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(25);

    // The right password, from this address or any other, is refused while the account is backed off.
    for (const ip of ['203.0.113.7', '198.51.100.23']) {
      const refused = await login('employer@demo.test', DEMO_PASSWORD, ip);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors![0]!.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        retryAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(refused.body.errors![0]!.message).toMatch(/failed sign-in attempts; try again after/);
    }
    const retryAt = Date.parse(
      (await login('employer@demo.test', DEMO_PASSWORD, '198.51.100.23')).body.errors![0]!.extensions!.retryAt as string,
    );
    // Never locked out for good: the back-off is capped.
    expect(retryAt - Date.now()).toBeLessThanOrEqual(MAX_BACKOFF_SECONDS * 1000 + 500);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, retryAt - Date.now()) + 50));
    const welcome = await login('employer@demo.test', DEMO_PASSWORD, '198.51.100.23');
    expect(welcome.body.errors).toBeUndefined();
    expect(welcome.body.data!.login.token).toMatch(/^ey/);
    // A success clears the account's failures: one typo later is an ordinary refusal.
    expect((await login('employer@demo.test', 'one-typo', '198.51.100.23')).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('one client IP spraying many addresses is backed off, also for an account it never tried', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 35; i++) {
      const result = await login(`someone-${i}@example.org`, 'guess-1234', '192.0.2.50');
      codes.push(result.body.errors![0]!.extensions!.code!);
    }
    expect(codes.slice(0, 30)).toEqual(Array(30).fill('UNAUTHENTICATED'));
    expect(codes.slice(30)).toContain('RATE_LIMITED');
    const sprayer = await login('agency@demo.test', DEMO_PASSWORD, '192.0.2.50');
    expect(sprayer.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    // The account itself is not held back for other clients.
    expect((await login('agency@demo.test', DEMO_PASSWORD, '192.0.2.99')).body.data?.login.token).toMatch(/^ey/);
  });

  it('answers an unknown address like a known one under back-off (it tells nothing about accounts)', async () => {
    const codes = async (email: string, ip: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) seen.push((await login(email, `wrong-${i}`, ip)).body.errors![0]!.extensions!.code!);
      return seen;
    };
    expect(await codes('nobody-here@example.org', '192.0.2.61')).toEqual(await codes('admin@demo.test', '192.0.2.62'));
  });
});

describe('back-off and window rules (pure)', () => {
  const policy = { freeFailures: 5, baseMs: 1000, maxMs: 900_000 };

  it('blocks only after the free failures, doubling up to the cap', () => {
    expect([1, 4, 5, 6, 7, 8].map((n) => backoffMs(n, policy))).toEqual([0, 0, 1000, 2000, 4000, 8000]);
    expect(backoffMs(1_000_000, policy)).toBe(900_000);
  });

  it('never locks a key for good: the block is capped, a success or a quiet spell clears it', () => {
    const backoff = createBackoff(policy);
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
    for (let i = 0; i < 5; i++) backoff.failed('k', at(0));
    expect(backoff.blockedUntil('k', at(10))).toEqual(at(1000));
    expect(backoff.blockedUntil('k', at(1000))).toBeUndefined();
    // Thousands of later failures still leave at most the cap.
    for (let i = 0; i < 5000; i++) backoff.failed('k', at(2000));
    expect(backoff.blockedUntil('k', at(2000))!.getTime() - at(2000).getTime()).toBe(900_000);
    // After the block and a long quiet spell the key starts again from zero.
    expect(backoff.blockedUntil('k', at(2000 + 3 * 3_600_000))).toBeUndefined();
    backoff.failed('k', at(2000 + 3 * 3_600_000));
    expect(backoff.blockedUntil('k', at(2001 + 3 * 3_600_000))).toBeUndefined();
    backoff.succeeded('k');
    expect(backoff.blockedUntil('k', at(0))).toBeUndefined();
  });

  it('a window limit counts nothing when any of its keys is full, and opens again after the window', () => {
    const limit = createWindowLimit(3_600_000);
    const now = new Date('2026-01-01T00:00:00Z');
    const keys = [
      { key: 'address:a', limit: 2 },
      { key: 'ip:1', limit: 3 },
    ];
    expect([1, 2, 3].map(() => limit.take(keys, now).allowed)).toEqual([true, true, false]);
    // The refused attempt did not use up the IP's budget.
    expect(
      limit.take(
        [
          { key: 'address:b', limit: 2 },
          { key: 'ip:1', limit: 3 },
        ],
        now,
      ).allowed,
    ).toBe(true);
    expect(limit.take(keys, now)).toEqual({ allowed: false, retryAt: new Date('2026-01-01T01:00:00Z') });
    expect(limit.take(keys, new Date('2026-01-01T01:00:00Z')).allowed).toBe(true);
  });
});
