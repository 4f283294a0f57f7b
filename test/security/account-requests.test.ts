/**
 * Attacks on the sign-in page's two new doors (issue 16, section 4):
 * password reset (enumeration by the answer, token reuse and racing reuse,
 * expired and superseded links, rate limits) and employer account requests
 * (enumeration, a request never grants access: an unapproved requester can
 * neither sign in nor search; only admins decide, once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYER_SIGNUP_ANSWER, signupIdFor } from '../../api/account-requests/employer-signup-service.ts';
import { PASSWORD_RESET_ANSWER } from '../../api/account-requests/password-reset-service.ts';
import { aliasName } from '../../mappings/indices.ts';
import { createAccount, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { expectSameAnswerTime } from '../support/timing.ts';

const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) { message } }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { token viewer { role } } }';
const REQUEST_ACCOUNT = 'mutation($i: EmployerAccountRequestInput!) { requestEmployerAccount(input: $i) { message } }';
const LIST = 'query($s: SignupStatus) { employerSignupRequests(status: $s, first: 50) { total nodes { id email organisation status } } }';
const APPROVE = 'mutation($id: ID!) { approveEmployerSignup(id: $id) { id status } }';
const REJECT = 'mutation($id: ID!, $r: String) { rejectEmployerSignup(id: $id, reason: $r) { id status reason } }';
const SEARCH = '{ searchEarners(input: { first: 1 }) { total } }';

const TIMED = 16;

const linkToken = (text: string) => /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('password reset and employer account requests (attacks)', () => {
  let t: AccountApi;
  let ipCounter = 0;
  let adminToken: string;
  // Each call from its own client address unless one is given (X-Forwarded-For, trusted from loopback only).
  const nextIp = () => `198.18.1.${++ipCounter}`;
  const requestReset = (email: string, ip = nextIp()) => t.gql(REQUEST_RESET, { e: email }, undefined, { 'x-forwarded-for': ip });
  const reset = (token: string, password: string) =>
    t.gql<{ resetPassword: { token: string; viewer: { role: string } } }>(RESET, { t: token, p: password });
  const requestAccount = (input: Record<string, unknown>, ip = nextIp()) =>
    t.gql(REQUEST_ACCOUNT, { i: input }, undefined, { 'x-forwarded-for': ip });
  const resetTokens = (email: string) =>
    t
      .outbox()
      .filter((m) => m.to === email && (m.kind === 'password-reset' || m.kind === 'employer-signup'))
      .map((m) => linkToken(m.text))
      .filter((token): token is string => token !== undefined);
  const newestToken = async (email: string) => {
    await t.api.idle();
    return resetTokens(email).at(-1);
  };

  beforeAll(async () => {
    t = await startAccountApi('sec-acct-req', { TRUST_PROXY: 'loopback', PASSWORD_RESET_TTL_MINUTES: '30' });
    for (const name of ['ann', 'bob', 'cat', 'dan', 'eve'])
      await createAccount(t.client, t.prefix, {
        email: `${name}@employer.example`,
        role: 'employer',
        password: 'old-password-1',
        organisation: 'Acme',
      });
    await createAccount(t.client, t.prefix, { email: 'admin@directory.example', role: 'admin', password: 'admin-password-1' });
    for (let i = 0; i < TIMED; i++)
      await createAccount(t.client, t.prefix, { email: `timed-${i}@employer.example`, role: 'employer', password: 'timed-password-1' });
    adminToken = await t.login('admin@directory.example', 'admin-password-1');
  });
  afterAll(() => t?.cleanup());

  it('answers a reset request with the same bytes for an address with and without an account, and mails only the account', async () => {
    const known = await requestReset('ann@employer.example');
    const unknown = await requestReset('nobody@employer.example');
    const expected = JSON.stringify({ data: { requestPasswordReset: { message: PASSWORD_RESET_ANSWER } } });
    expect([known.status, known.raw.trim()]).toEqual([200, expected]);
    expect([unknown.status, unknown.raw.trim()]).toEqual([200, expected]);
    await t.api.idle();
    expect(resetTokens('ann@employer.example')).toHaveLength(1);
    expect(t.outbox().filter((m) => m.to === 'nobody@employer.example')).toEqual([]);
  });

  it('answers a reset request as fast for an address with an account as for one without (the work happens after answering)', async () => {
    const answered = async (email: string) => {
      const result = await requestReset(email);
      expect(result.body.data).toEqual({ requestPasswordReset: { message: PASSWORD_RESET_ANSWER } });
    };
    await expectSameAnswerTime(
      t.api.server,
      TIMED,
      (i) => answered(`timed-${i}@employer.example`),
      (i) => answered(`untimed-${i}@employer.example`),
      () => t.api.idle(),
    );
    expect(resetTokens('timed-0@employer.example')).toHaveLength(1);
  });

  it('a link works once: the reset signs in with the new password, ends older sessions, and a reuse is refused', async () => {
    const oldSession = await t.login('bob@employer.example', 'old-password-1');
    await requestReset('bob@employer.example');
    const token = (await newestToken('bob@employer.example'))!;
    const first = await reset(token, 'new-password-2');
    expect(first.body.data?.resetPassword.viewer.role).toBe('EMPLOYER');
    // Reuse of the same link, even with another password.
    expect((await reset(token, 'attacker-password')).body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/already used/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'token' },
    });
    expect((await t.gql(SEARCH, {}, oldSession)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(t.login('bob@employer.example', 'old-password-1')).rejects.toThrow();
    await expect(t.login('bob@employer.example', 'attacker-password')).rejects.toThrow();
    expect(await t.login('bob@employer.example', 'new-password-2')).toMatch(/^ey/);
  });

  it('of ten racing uses of one link exactly one sets the password', async () => {
    await requestReset('cat@employer.example');
    const token = (await newestToken('cat@employer.example'))!;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => reset(token, `racing-password-${i}`)));
    const winners = results.filter((r) => r.body.data?.resetPassword);
    expect(winners).toHaveLength(1);
    const winner = results.indexOf(winners[0]!);
    expect(await t.login('cat@employer.example', `racing-password-${winner}`)).toMatch(/^ey/);
  });

  it('refuses an expired link and a link a newer one replaced', async () => {
    await requestReset('dan@employer.example');
    const older = (await newestToken('dan@employer.example'))!;
    await requestReset('dan@employer.example');
    const newer = (await newestToken('dan@employer.example'))!;
    expect(newer).not.toBe(older);
    expect((await reset(older, 'another-password')).body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/not valid/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'token' },
    });
    // The stored link's time runs out (as 30 minutes would).
    const { createHash } = await import('node:crypto');
    const id = createHash('sha256').update(newer).digest('hex');
    const index = aliasName(t.prefix, 'password-resets');
    await t.client.update({ index, id, doc: { expiresAt: new Date(Date.now() - 1000).toISOString() }, refresh: true });
    expect((await reset(newer, 'another-password')).body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/expired/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'token' },
    });
    expect(await t.login('dan@employer.example', 'old-password-1')).toMatch(/^ey/);
    // The link said how long it lasts, as configured.
    expect(
      t
        .outbox()
        .filter((m) => m.to === 'dan@employer.example')
        .at(-1)?.text,
    ).toMatch(/valid for 30 minutes/);
  });

  it('limits reset requests per address, known or not, and per client IP, without mailing more', async () => {
    for (const email of ['eve@employer.example', 'ghost@employer.example']) {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await requestReset(email)).body.errors?.[0]?.extensions?.code);
      expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED']);
    }
    await t.api.idle();
    expect(resetTokens('eve@employer.example')).toHaveLength(3);
    const fromOneIp: (string | undefined)[] = [];
    for (let i = 0; i < 21; i++)
      fromOneIp.push((await requestReset(`spray-${i}@employer.example`, '198.19.9.9')).body.errors?.[0]?.extensions?.code);
    expect(fromOneIp.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(fromOneIp[20]).toBe('RATE_LIMITED');
  });

  it('rejects malformed input naming the argument', async () => {
    expect((await requestReset('not-an-address')).body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'email' },
    });
    expect((await reset('short', 'new-password-2')).body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'token',
    });
    expect((await reset('x'.repeat(43), 'short')).body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'password',
    });
    const missingName = await requestAccount({ email: 'hr@new.example', organisation: '  ', contactName: 'Kim' });
    expect(missingName.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/organisation.*write your organisation's name/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'organisation' },
    });
  });

  it('answers an employer account request the same for an address with an account, and tells only that address', async () => {
    const existing = await requestAccount({ email: 'ann@employer.example', organisation: 'Acme', contactName: 'Ann' });
    const fresh = await requestAccount({
      email: 'hiring@new-co.example',
      organisation: 'New Co',
      contactName: 'Lee',
      message: 'We hire welders.',
    });
    const expected = JSON.stringify({ data: { requestEmployerAccount: { message: EMPLOYER_SIGNUP_ANSWER } } });
    expect([existing.status, existing.raw.trim()]).toEqual([200, expected]);
    expect([fresh.status, fresh.raw.trim()]).toEqual([200, expected]);
    await t.api.idle();
    expect(
      t
        .outbox()
        .filter((m) => m.to === 'ann@employer.example' && m.kind === 'employer-signup')
        .at(-1)?.subject,
    ).toMatch(/already have/);
    expect(
      t
        .outbox()
        .filter((m) => m.to === 'hiring@new-co.example')
        .map((m) => m.subject),
    ).toEqual(['We received your request for an employer account']);
    const pending = await t.gql<{ employerSignupRequests: { nodes: { email: string }[] } }>(LIST, { s: 'PENDING' }, adminToken);
    expect(pending.body.data?.employerSignupRequests.nodes.map((n) => n.email)).toEqual(['hiring@new-co.example']);
  });

  it('an unapproved requester cannot sign in, get a password link or search; only an admin approves, once', async () => {
    const email = 'recruit@pending-co.example';
    await requestAccount({ email, organisation: 'Pending Co', contactName: 'Pat' });
    await t.api.idle();
    // No account: sign-in fails like any wrong password, a reset mails nothing, search needs a session.
    await expect(t.login(email, 'any-password-1')).rejects.toThrow(/do not match/);
    await requestReset(email);
    await t.api.idle();
    expect(resetTokens(email)).toEqual([]);
    expect((await t.gql(SEARCH)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Nobody but an admin lists or decides.
    const id = signupIdFor(email);
    const employer = await t.login('ann@employer.example', 'old-password-1');
    for (const [query, variables] of [
      [LIST, {}],
      [APPROVE, { id }],
      [REJECT, { id }],
    ] as const) {
      expect((await t.gql(query, variables)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(query, variables, employer)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    await expect(t.login(email, 'any-password-1')).rejects.toThrow();
    // Approved: the account exists with no usable password until the owner of the address chooses one.
    expect((await t.gql(APPROVE, { id }, adminToken)).body.data).toEqual({ approveEmployerSignup: { id, status: 'APPROVED' } });
    expect((await t.gql(APPROVE, { id }, adminToken)).body.errors?.[0]?.message).toMatch(/already approved/);
    expect((await t.gql(REJECT, { id }, adminToken)).body.errors?.[0]?.message).toMatch(/already approved/);
    const setup = (await newestToken(email))!;
    expect(setup).toBeDefined();
    const chosen = await reset(setup, 'my-own-password-1');
    expect(chosen.body.data?.resetPassword.viewer.role).toBe('EMPLOYER');
    expect((await t.gql(SEARCH, {}, chosen.body.data!.resetPassword.token)).body.data).toEqual({ searchEarners: { total: 0 } });
    const account = await t.gql<{ viewer: { organisation: string } }>(
      '{ viewer { organisation } }',
      {},
      chosen.body.data!.resetPassword.token,
    );
    expect(account.body.data?.viewer.organisation).toBe('Pending Co');
  });

  it('a rejected request creates nothing and tells the requester why', async () => {
    const email = 'spam@rejected.example';
    await requestAccount({ email, organisation: 'Totally Real Recruiters', contactName: 'X' });
    await t.api.idle();
    const id = signupIdFor(email);
    const rejected = await t.gql(REJECT, { id, r: 'We could not confirm the organisation.' }, adminToken);
    expect(rejected.body.data).toEqual({
      rejectEmployerSignup: { id, status: 'REJECTED', reason: 'We could not confirm the organisation.' },
    });
    expect(
      t
        .outbox()
        .filter((m) => m.to === email)
        .at(-1)?.text,
    ).toMatch(/not approved[\s\S]*could not confirm/);
    await expect(t.login(email, 'any-password-1')).rejects.toThrow();
    const listed = await t.gql<{ employerSignupRequests: { total: number } }>(LIST, { s: 'REJECTED' }, adminToken);
    expect(listed.body.data?.employerSignupRequests.total).toBe(1);
  });

  it('limits employer account requests per client IP', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await requestAccount({ email: `bulk-${i}@spam.example`, organisation: 'Spam', contactName: 'S' }, '198.19.8.8')).body.errors?.[0]
          ?.extensions?.code,
      );
    expect(codes).toEqual([undefined, undefined, undefined, undefined, undefined, 'RATE_LIMITED']);
  });
});
