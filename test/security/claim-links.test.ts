/**
 * Attack (issue 10, item 6): requestClaimLink told who is in the directory by
 * its timing (known ~16 ms, unknown ~8 ms), had no rate limit (each call
 * mailed the earner), and older links kept working after a claim. Now the
 * answer and its timing are the same for every address (the work happens
 * after answering), requests are limited per address and per client IP, a
 * new link or a claim ends every older link, and a link works once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newClaimToken } from '../../api/accounts/claim-token.ts';
import { CLAIM_LINK_ANSWER } from '../../api/services/claim-service.ts';
import { aliasName } from '../../mappings/indices.ts';
import { claimTokenFrom, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { expectSameAnswerTime } from '../support/timing.ts';

const REQUEST = 'mutation($e: String!) { requestClaimLink(email: $e) { message } }';
const CLAIM = 'mutation($t: String!, $p: String!) { claimProfile(token: $t, password: $p) { token } }';
const KNOWN = 24;

describe('claim links (attack 6)', () => {
  let t: AccountApi;
  let ipCounter = 0;
  // Each call from its own client address unless one is given (X-Forwarded-For, trusted from loopback only).
  const request = (email: string, ip = `198.18.0.${++ipCounter}`) => t.gql(REQUEST, { e: email }, undefined, { 'x-forwarded-for': ip });
  const claim = (token: string) => t.gql<{ claimProfile: { token: string } }>(CLAIM, { t: token, p: 'a-good-password' });
  const linksTo = (email: string) => t.outbox().filter((m) => m.kind === 'claim-link' && m.to === email);

  beforeAll(async () => {
    t = await startAccountApi('sec-claim', { TRUST_PROXY: 'loopback' });
    await seedEarners(t.client, t.prefix, [
      ...Array.from({ length: KNOWN }, (_, i) => ({
        earnerId: `earner-known-${i}`,
        email: `known-${i}@example.org`,
        name: `Known ${i}`,
        badges: 1,
      })),
      ...['eve', 'fay', 'gus', 'hal'].map((name) => ({ earnerId: `earner-${name}`, email: `${name}@example.org`, name, badges: 1 })),
    ]);
  });
  afterAll(() => t?.cleanup());

  it('answers known and unknown addresses with the same bytes in the same time', async () => {
    const answered = async (email: string) => {
      const result = await request(email);
      expect(result.raw.trim()).toBe(JSON.stringify({ data: { requestClaimLink: { message: CLAIM_LINK_ANSWER } } }));
    };
    // Before the fix the known address took about twice as long (a look-up, a write and a send on the request's path).
    await expectSameAnswerTime(
      t.api.server,
      KNOWN,
      (i) => answered(`known-${i}@example.org`),
      (i) => answered(`stranger-${i}@example.org`),
      () => t.api.idle(),
    );
    expect(linksTo('known-0@example.org')).toHaveLength(1);
    expect(t.outbox().filter((m) => m.to.startsWith('stranger-'))).toEqual([]);
  });

  it('limits requests per address, known or not, without mailing more', async () => {
    for (const email of ['eve@example.org', 'nobody-at-all@example.org']) {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push((await request(email)).body);
      expect(answers.slice(0, 3)).toEqual(Array(3).fill({ data: { requestClaimLink: { message: CLAIM_LINK_ANSWER } } }));
      for (const refused of answers.slice(3)) {
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAt: expect.any(String) });
        expect(Date.parse(refused.errors![0]!.extensions!.retryAt as string) - Date.now()).toBeLessThanOrEqual(3_600_000);
      }
    }
    await t.api.idle();
    expect(linksTo('eve@example.org')).toHaveLength(3);
  });

  it('limits requests per client IP', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 22; i++) codes.push((await request(`spray-${i}@example.org`, '198.19.7.7')).body.errors?.[0]?.extensions?.code);
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(codes.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('a new link ends the older one', async () => {
    await request('fay@example.org');
    await t.api.idle();
    const older = claimTokenFrom(t.outbox(), 'fay@example.org')!;
    await request('fay@example.org');
    await t.api.idle();
    const newer = claimTokenFrom(t.outbox(), 'fay@example.org')!;
    expect(newer).not.toBe(older);
    expect((await claim(older)).body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/not valid/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'token' },
    });
    expect((await claim(newer)).body.data?.claimProfile.token).toMatch(/^ey/);
  });

  it('a claim ends every other link of the earner', async () => {
    // An older link still stored (as earlier versions left them), then a fresh one.
    const { token: stale, hash } = newClaimToken();
    const at = new Date();
    await t.client.index({
      index: aliasName(t.prefix, 'claim-tokens'),
      id: hash,
      document: {
        tokenHash: hash,
        earnerId: 'earner-gus',
        email: 'gus@example.org',
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + 3_600_000).toISOString(),
      },
      refresh: true,
    });
    // Stored directly after the request's own link, so the request did not replace it.
    await request('gus@example.org');
    await t.api.idle();
    const fresh = claimTokenFrom(t.outbox(), 'gus@example.org')!;
    await t.client.index({
      index: aliasName(t.prefix, 'claim-tokens'),
      id: hash,
      document: {
        tokenHash: hash,
        earnerId: 'earner-gus',
        email: 'gus@example.org',
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + 3_600_000).toISOString(),
      },
      refresh: true,
    });
    expect((await claim(fresh)).body.data?.claimProfile.token).toMatch(/^ey/);
    expect((await claim(stale)).body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/not valid/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'token' },
    });
  });

  it('a link works once, also when used by ten requests at the same moment', async () => {
    await request('hal@example.org');
    await t.api.idle();
    const token = claimTokenFrom(t.outbox(), 'hal@example.org')!;
    const results = await Promise.all(Array.from({ length: 10 }, () => claim(token)));
    expect(results.filter((r) => r.body.data?.claimProfile)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.body.data?.claimProfile))
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
