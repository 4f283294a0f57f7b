import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { ContactRequestDocument } from '../../mappings/contacts.ts';
import { claimEarner, createAccount, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';

const CONTACT =
  'mutation($id: ID!, $m: String!) { contactEarner(earnerId: $id, message: $m) { id earnerId employerName message status createdAt revealedChannel { channel value } } }';
const RESPOND =
  'mutation($id: ID!, $a: Boolean!) { respondToContact(id: $id, accept: $a) { id status respondedAt revealedChannel { channel value } } }';
const MINE = '{ myContactRequests { id earnerId employerName message status revealedChannel { channel value } } }';
const EVERYTHING_ABOUT_EARNERS = `query($input: EarnerSearchInput!) {
  searchEarners(input: $input) { total nodes { earner { id name headline contactable openTo location { city region country } badges { credentialId name evidence { url narrative } } } highlights { fragments } } facets { badges { value label count } } }
}`;

const RATE_LIMIT = 3;
const SECRET_PHONE = '+1 614 555 0199';
const SECRET_URL = 'https://portfolio.example.org/cal-secret';

type Contact = {
  id: string;
  earnerId: string;
  employerName: string;
  message: string;
  status: string;
  revealedChannel: { channel: string; value: string } | null;
};

describe('contact requests', () => {
  let t: AccountApi;
  let employer: string;
  let otherEmployer: string;
  let cal: string;

  beforeAll(async () => {
    t = await startAccountApi('contact', { CONTACT_RATE_LIMIT: String(RATE_LIMIT), CONTACT_RATE_WINDOW_HOURS: '24' });
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    await createAccount(t.client, t.prefix, {
      email: 'hr@rival.example',
      role: 'employer',
      password: 'rival-password',
      organisation: 'Rival Corp',
    });
    await seedEarners(t.client, t.prefix, [
      {
        earnerId: 'earner-cal',
        email: 'cal@example.org',
        name: 'Cal Contactable',
        badges: 2,
        settings: { listed: true, contactable: true, contactChannel: 'phone', contactValue: SECRET_PHONE },
      },
      {
        earnerId: 'earner-dee',
        email: 'dee@example.org',
        name: 'Dee Quiet',
        badges: 1,
        settings: { listed: true, contactable: false, contactChannel: 'url', contactValue: SECRET_URL },
      },
      {
        earnerId: 'earner-eve',
        email: 'eve@example.org',
        name: 'Eve Hidden',
        badges: 1,
        settings: { listed: false, contactable: true, contactChannel: 'email', contactValue: 'eve-private@example.org' },
      },
      {
        earnerId: 'earner-fay',
        email: 'fay@example.org',
        name: 'Fay Open',
        badges: 1,
        settings: { listed: true, contactable: true, contactChannel: 'url', contactValue: 'https://fay.example.org/' },
      },
    ]);
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    otherEmployer = await t.login('hr@rival.example', 'rival-password');
    cal = await claimEarner(t, 'cal@example.org');
  });
  afterAll(() => t?.cleanup());

  it('refuses an earner who is not contactable, and treats a hidden earner exactly like an unknown id', async () => {
    const quiet = await t.gql(CONTACT, { id: 'earner-dee', m: 'Hello Dee' }, employer);
    expect(quiet.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', requestId: expect.any(String) });
    expect(quiet.body.errors?.[0]?.message).toMatch(/does not accept contact requests/);
    const hidden = await t.gql(CONTACT, { id: 'earner-eve', m: 'Hello Eve' }, employer);
    const unknown = await t.gql(CONTACT, { id: 'earner-nobody', m: 'Hello Eve' }, employer);
    expect(hidden.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'earnerId', requestId: expect.any(String) });
    expect(hidden.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
    const stored = await t.client.count({ index: aliasName(t.prefix, 'contacts') });
    expect(stored.count).toBe(0);
  });

  it('stores a PENDING request and notifies the earner through the outbox', async () => {
    const result = await t.gql<{ contactEarner: Contact }>(CONTACT, { id: 'earner-cal', m: '  We are hiring technicians.  ' }, employer);
    expect(result.body.errors).toBeUndefined();
    const request = result.body.data!.contactEarner;
    expect(request).toMatchObject({
      earnerId: 'earner-cal',
      employerName: 'Demo Manufacturing Co.',
      message: 'We are hiring technicians.',
      status: 'PENDING',
      revealedChannel: null,
    });
    const stored = await t.client.get<ContactRequestDocument>({ index: aliasName(t.prefix, 'contacts'), id: request.id });
    expect(stored._source).toMatchObject({ status: 'PENDING', earnerId: 'earner-cal', employerAccountId: expect.stringMatching(/^acct_/) });
    const note = t.outbox().filter((m) => m.kind === 'contact-request');
    expect(note).toHaveLength(1);
    expect(note[0]).toMatchObject({ to: 'cal@example.org', subject: 'Demo Manufacturing Co. would like to get in touch' });
    expect(note[0]!.text).toContain('We are hiring technicians.');
    expect(note[0]!.text).not.toContain(SECRET_PHONE);
    // An earner who never claimed is notified at the address on their credentials.
    await t.gql(CONTACT, { id: 'earner-fay', m: 'Hello Fay' }, otherEmployer);
    expect(
      t
        .outbox()
        .filter((m) => m.kind === 'contact-request')
        .map((m) => m.to),
    ).toEqual(['cal@example.org', 'fay@example.org']);
  });

  it('each side sees only their own requests', async () => {
    const sent = await t.gql<{ myContactRequests: Contact[] }>(MINE, {}, employer);
    expect(sent.body.data!.myContactRequests.map((r) => [r.earnerId, r.status])).toEqual([['earner-cal', 'PENDING']]);
    const received = await t.gql<{ myContactRequests: Contact[] }>(MINE, {}, cal);
    expect(received.body.data!.myContactRequests.map((r) => [r.employerName, r.message])).toEqual([
      ['Demo Manufacturing Co.', 'We are hiring technicians.'],
    ]);
    const rival = await t.gql<{ myContactRequests: Contact[] }>(MINE, {}, otherEmployer);
    expect(rival.body.data!.myContactRequests.map((r) => r.earnerId)).toEqual(['earner-fay']);
  });

  it('accepting reveals only the chosen channel, only to that employer', async () => {
    const [request] = (await t.gql<{ myContactRequests: Contact[] }>(MINE, {}, cal)).body.data!.myContactRequests;
    // Not the earner's to answer: another employer, or an id sent to someone else.
    expect((await t.gql(RESPOND, { id: request!.id, a: true }, otherEmployer)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rivalRequest = (await t.gql<{ myContactRequests: Contact[] }>(MINE, {}, otherEmployer)).body.data!.myContactRequests[0]!;
    expect((await t.gql(RESPOND, { id: rivalRequest.id, a: true }, cal)).body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'id',
      requestId: expect.any(String),
    });

    const accepted = await t.gql<{ respondToContact: Contact }>(RESPOND, { id: request!.id, a: true }, cal);
    expect(accepted.body.data!.respondToContact).toMatchObject({
      status: 'ACCEPTED',
      revealedChannel: { channel: 'PHONE', value: SECRET_PHONE },
    });
    const seen = await t.gql<{ myContactRequests: Contact[] }>(MINE, {}, employer);
    expect(seen.body.data!.myContactRequests[0]).toMatchObject({
      status: 'ACCEPTED',
      revealedChannel: { channel: 'PHONE', value: SECRET_PHONE },
    });
    expect(JSON.stringify(seen.body)).not.toMatch(/cal@example\.org/);
    expect((await t.gql(MINE, {}, otherEmployer)).raw).not.toContain(SECRET_PHONE);
    expect(
      t
        .outbox()
        .filter((m) => m.kind === 'contact-answered')
        .map((m) => m.to),
    ).toEqual(['employer@demo.test']);
    const twice = await t.gql(RESPOND, { id: request!.id, a: false }, cal);
    expect(twice.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/already accepted/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
    });
  });

  it('contact values never appear in search hits, lookups or suggestions', async () => {
    const secrets = [SECRET_PHONE, SECRET_URL, 'eve-private@example.org', 'https://fay.example.org/', '@example.org'];
    for (const token of [employer, otherEmployer]) {
      const responses = [
        await t.gql(EVERYTHING_ABOUT_EARNERS, { input: { first: 50 } }, token),
        await t.gql(EVERYTHING_ABOUT_EARNERS, { input: { text: 'Cal' } }, token),
        await t.gql(
          '{ a: earner(id: "earner-cal") { id name contactable badges { credentialId } } b: earner(id: "earner-dee") { id contactable } c: earner(id: "earner-eve") { id } }',
          {},
          token,
        ),
        await t.gql('{ suggest(prefix: "Seeded") { id label } }', {}, token),
      ];
      for (const response of responses) {
        expect(response.body.errors).toBeUndefined();
        for (const secret of secrets) expect(response.raw).not.toContain(secret);
      }
      expect(responses[2]!.body.data).toEqual({
        a: { id: 'earner-cal', name: 'Cal Contactable', contactable: true, badges: expect.any(Array) },
        b: { id: 'earner-dee', contactable: false },
        c: null,
      });
    }
  });

  it('limits requests per employer on a sliding window, naming when to try again', async () => {
    // The demo employer sent one request; two more reach the limit of 3.
    for (const m of ['Second', 'Third']) expect((await t.gql(CONTACT, { id: 'earner-fay', m }, employer)).body.errors).toBeUndefined();
    const limited = await t.gql(CONTACT, { id: 'earner-fay', m: 'Fourth' }, employer);
    const error = limited.body.errors?.[0];
    expect(error?.extensions?.code).toBe('RATE_LIMITED');
    const retryAt = Date.parse(String(error?.extensions?.retryAt));
    expect(retryAt - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(error?.message).toContain(String(error?.extensions?.retryAt));
    expect(error?.message).toMatch(/3 contact requests per 24 hours/);
    // Another employer has their own allowance.
    expect((await t.gql(CONTACT, { id: 'earner-cal', m: 'From the rival' }, otherEmployer)).body.errors).toBeUndefined();
    const sent = await t.client.count({ index: aliasName(t.prefix, 'contacts'), query: { term: { status: 'PENDING' } } });
    expect(sent.count).toBe(4);
  });

  it('declining reveals nothing', async () => {
    const rivalRequest = (await t.gql<{ myContactRequests: Contact[] }>(MINE, {}, cal)).body.data!.myContactRequests.find(
      (r) => r.employerName === 'Rival Corp',
    )!;
    const declined = await t.gql<{ respondToContact: Contact }>(RESPOND, { id: rivalRequest.id, a: false }, cal);
    expect(declined.body.data!.respondToContact).toMatchObject({ status: 'DECLINED', revealedChannel: null });
    expect((await t.gql(MINE, {}, otherEmployer)).raw).not.toContain(SECRET_PHONE);
  });

  it('names the argument of bad input', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [CONTACT, { id: '', m: 'Hello' }, 'earnerId', employer],
      [CONTACT, { id: 'x'.repeat(501), m: 'Hello' }, 'earnerId', employer],
      [CONTACT, { id: 'earner-cal', m: '   ' }, 'message', otherEmployer],
      [CONTACT, { id: 'earner-cal', m: 'x'.repeat(2001) }, 'message', otherEmployer],
      [CONTACT, { id: 'earner-cal' }, 'm', otherEmployer],
      [RESPOND, { id: '', a: true }, 'id', cal],
      [RESPOND, { id: 'no-such-request', a: true }, 'id', cal],
      [RESPOND, { id: 'no-such-request', a: 'yes' }, 'a', cal],
    ];
    for (const [query, variables, argument, token] of cases) {
      const result = await t.gql(query, variables, token);
      expect({ argument, extensions: result.body.errors?.[0]?.extensions }).toEqual({
        argument,
        extensions: { code: 'BAD_USER_INPUT', argument, requestId: expect.any(String) },
      });
    }
  });
});
