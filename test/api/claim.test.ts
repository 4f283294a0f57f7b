import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashClaimToken, newClaimToken } from '../../api/accounts/claim-token.ts';
import { CLAIM_LINK_ANSWER } from '../../api/services/claim-service.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { OutboxMessageDocument } from '../../mappings/outbox.ts';
import { claimTokenFrom, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';

const REQUEST = 'mutation($e: String!) { requestClaimLink(email: $e) { message } }';
const CLAIM =
  'mutation($t: String!, $p: String!) { claimProfile(token: $t, password: $p) { token expiresAt viewer { role email earnerId } } }';
const VIEWER = '{ viewer { role email earnerId } }';

type Claimed = { claimProfile: { token: string; viewer: { role: string; email: string; earnerId: string } } };

describe('claiming a profile by one-time link (file outbox)', () => {
  let t: AccountApi;

  beforeAll(async () => {
    t = await startAccountApi('claim', { CLAIM_TOKEN_TTL_MINUTES: '60' });
    await seedEarners(t.client, t.prefix, [
      { earnerId: 'earner-ada', email: 'ada@example.org', name: 'Ada Example', badges: 2 },
      { earnerId: 'earner-bo', email: 'bo@example.org', name: 'Bo Example', badges: 1 },
    ]);
  });
  afterAll(() => t?.cleanup());

  it('sends a link, claims with it, and the earner session works', async () => {
    const requested = await t.gql(REQUEST, { e: ' Ada@Example.org' });
    expect(requested.body).toEqual({ data: { requestClaimLink: { message: CLAIM_LINK_ANSWER } } });
    await t.api.idle();
    const messages = t.outbox();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'claim-link', to: 'ada@example.org' });
    expect(messages[0]!.text).toContain('https://talent.test/claim?token=');
    expect(messages[0]!.text).toContain('valid for 1 hours');
    const token = claimTokenFrom(messages, 'ada@example.org')!;
    // Only the token's hash is stored.
    const stored = await t.client.get({ index: aliasName(t.prefix, 'claim-tokens'), id: hashClaimToken(token) });
    expect(JSON.stringify(stored._source)).not.toContain(token);

    const claimed = await t.gql<Claimed>(CLAIM, { t: token, p: 'a-good-password' });
    expect(claimed.body.errors).toBeUndefined();
    expect(claimed.body.data!.claimProfile.viewer).toEqual({ role: 'EARNER', email: 'ada@example.org', earnerId: 'earner-ada' });
    const session = claimed.body.data!.claimProfile.token;
    expect((await t.gql(VIEWER, {}, session)).body.data).toEqual({
      viewer: { role: 'EARNER', email: 'ada@example.org', earnerId: 'earner-ada' },
    });
    expect((await t.gql<{ mySettings: { listed: boolean } }>('{ mySettings { listed } }', {}, session)).body.data).toEqual({
      mySettings: { listed: false },
    });
    // The chosen password signs in from now on.
    expect(await t.login('ada@example.org', 'a-good-password')).toMatch(/^ey/);

    const reused = await t.gql(CLAIM, { t: token, p: 'another-password' });
    expect(reused.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/already used/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'token' },
    });
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const before = t.outbox().length;
    const unknown = await t.gql(REQUEST, { e: 'stranger@example.org' });
    const known = await t.gql(REQUEST, { e: 'bo@example.org' });
    await t.api.idle();
    expect(unknown.raw).toBe(known.raw);
    const sent = t.outbox().slice(before);
    expect(sent.map((m) => m.to)).toEqual(['bo@example.org']);
  });

  it('refuses an expired link', async () => {
    const { token, hash } = newClaimToken();
    await t.client.index({
      index: aliasName(t.prefix, 'claim-tokens'),
      id: hash,
      document: {
        tokenHash: hash,
        earnerId: 'earner-bo',
        email: 'bo@example.org',
        createdAt: '2026-01-01T00:00:00Z',
        expiresAt: '2026-01-02T00:00:00Z',
      },
      refresh: true,
    });
    const result = await t.gql(CLAIM, { t: token, p: 'a-good-password' });
    expect(result.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/expired/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'token' },
    });
  });

  it('refuses a token it never issued', async () => {
    const result = await t.gql(CLAIM, { t: newClaimToken().token, p: 'a-good-password' });
    expect(result.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/not valid/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'token' },
    });
  });

  it('claiming again re-uses the account with the new password and ends older sessions', async () => {
    const first = await t.login('ada@example.org', 'a-good-password');
    await t.gql(REQUEST, { e: 'ada@example.org' });
    await t.api.idle();
    const again = await t.gql<Claimed>(CLAIM, { t: claimTokenFrom(t.outbox(), 'ada@example.org')!, p: 'a-newer-password' });
    expect(again.body.data!.claimProfile.viewer.earnerId).toBe('earner-ada');
    expect((await t.gql(VIEWER, {}, first)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.login('ada@example.org', 'a-newer-password')).toMatch(/^ey/);
    const accounts = await t.client.count({ index: aliasName(t.prefix, 'accounts'), query: { term: { earnerId: 'earner-ada' } } });
    expect(accounts.count).toBe(1);
  });

  it('names the argument of bad input', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [REQUEST, { e: 'not an address' }, 'email'],
      [REQUEST, { e: '' }, 'email'],
      [CLAIM, { t: 'short', p: 'a-good-password' }, 'token'],
      [CLAIM, { t: newClaimToken().token, p: 'short' }, 'password'],
      [CLAIM, { t: newClaimToken().token, p: 'x'.repeat(201) }, 'password'],
      [CLAIM, { t: null, p: 'a-good-password' }, 't'],
    ];
    for (const [query, variables, argument] of cases) {
      const result = await t.gql(query, variables);
      expect({ argument, extensions: result.body.errors?.[0]?.extensions }).toMatchObject({
        argument,
        extensions: { code: 'BAD_USER_INPUT', argument },
      });
    }
  });
});

describe('the outbox index, when configured', () => {
  let t: AccountApi;
  beforeAll(async () => {
    t = await startAccountApi('claim-index', { OUTBOX: 'index' });
    await seedEarners(t.client, t.prefix, [{ earnerId: 'earner-cy', email: 'cy@example.org', name: 'Cy Example', badges: 1 }]);
  });
  afterAll(() => t?.cleanup());

  it('keeps the claim link as a document of the outbox index (and writes no file)', async () => {
    await t.gql(REQUEST, { e: 'cy@example.org' });
    await t.api.idle();
    const found = await t.client.search<OutboxMessageDocument>({
      index: aliasName(t.prefix, 'outbox'),
      query: { term: { to: 'cy@example.org' } },
    });
    const messages = found.hits.hits.map((h) => h._source!);
    expect(messages).toHaveLength(1);
    expect(t.outbox()).toEqual([]);
    const token = claimTokenFrom(messages, 'cy@example.org')!;
    const claimed = await t.gql<Claimed>(CLAIM, { t: token, p: 'a-good-password' });
    expect(claimed.body.data!.claimProfile.viewer.earnerId).toBe('earner-cy');
  });
});
