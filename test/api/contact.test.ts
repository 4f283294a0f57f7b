import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/accounts/seed-demo.ts';
import { aliasName } from '../../mappings/indices.ts';
import type { ContactRequestDocument } from '../../mappings/contacts.ts';
import { TEMPLATE_LIMITS } from '../../api/message-templates/input.ts';
import { claimEarner, createAccount, credentialOf, seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';

const CONTACT =
  'mutation($id: ID!, $m: String!) { contactEarner(earnerId: $id, message: $m) { id earnerId employerName message status createdAt revealedChannel { channel value } } }';
const RESPOND =
  'mutation($id: ID!, $a: Boolean!) { respondToContact(id: $id, accept: $a) { id status respondedAt revealedChannel { channel value } } }';
const MINE = '{ myContactRequests { id earnerId employerName message status revealedChannel { channel value } } }';
const EVERYTHING_ABOUT_EARNERS = `query($input: EarnerSearchInput!) {
  searchEarners(input: $input) { total nodes { earner { id name headline contactable openTo location { city region country } badges { credentialId name evidence { url narrative } } } highlights { fragments } } facets { badges { value label count } } }
}`;

const CONTACT_ABOUT =
  'mutation($id: ID!, $m: String!, $b: [ID!]) { contactEarner(earnerId: $id, message: $m, badges: $b) { id message badges { credentialId name issuerName } } }';
const MINE_WITH_BADGES = '{ myContactRequests { id earnerId employerName message badges { credentialId name issuerName } } }';
const TEMPLATES = '{ messageTemplates { id name body createdAt updatedAt } }';
const SAVE_TEMPLATE = 'mutation($input: MessageTemplateInput!) { saveMessageTemplate(input: $input) { id name body createdAt updatedAt } }';
const DELETE_TEMPLATE = 'mutation($id: ID!) { deleteMessageTemplate(id: $id) }';

const RATE_LIMIT = 3;
const SECRET_PHONE = '+1 614 555 0199';
const SECRET_URL = 'https://portfolio.example.org/cal-secret';
const gusBadge = (n: number) => credentialOf({ earnerId: 'earner-gus', email: 'gus@example.org', name: 'Gus Badges', badges: 3 }, n).id;
const GUS_HIDDEN = gusBadge(2);

type Template = { id: string; name: string; body: string; createdAt: string; updatedAt: string };
type ContactAbout = {
  id: string;
  earnerId: string;
  employerName: string;
  message: string;
  badges: { credentialId: string; name: string; issuerName: string }[];
};

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
  let third: string;

  beforeAll(async () => {
    t = await startAccountApi('contact', { CONTACT_RATE_LIMIT: String(RATE_LIMIT), CONTACT_RATE_WINDOW_HOURS: '24' });
    await seedDemoAccounts({ client: t.client, indexPrefix: t.prefix });
    await createAccount(t.client, t.prefix, {
      email: 'hr@rival.example',
      role: 'employer',
      password: 'rival-password',
      organisation: 'Rival Corp',
    });
    // Its own allowance, for the requests that name badges (the others count the first two employers' requests).
    await createAccount(t.client, t.prefix, {
      email: 'talent@third.example',
      role: 'employer',
      password: 'third-password',
      organisation: 'Third Co',
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
      {
        earnerId: 'earner-gus',
        email: 'gus@example.org',
        name: 'Gus Badges',
        badges: 3,
        // His third badge is hidden: employers never see it, so no request may name it.
        settings: { listed: true, contactable: true, contactChannel: 'phone', contactValue: '+1 614 555 0123', hiddenBadges: [GUS_HIDDEN] },
      },
    ]);
    employer = await t.login('employer@demo.test', DEMO_PASSWORD);
    otherEmployer = await t.login('hr@rival.example', 'rival-password');
    cal = await claimEarner(t, 'cal@example.org');
    third = await t.login('talent@third.example', 'third-password');
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

  it('names the badges a request is about: stored, in both lists, and in the email to the earner', async () => {
    const result = await t.gql<{ contactEarner: ContactAbout }>(
      CONTACT_ABOUT,
      { id: 'earner-gus', m: 'Your welding badges caught our eye.', b: [gusBadge(1), gusBadge(0), gusBadge(1)] },
      third,
    );
    expect(result.body.errors).toBeUndefined();
    const expected = [
      { credentialId: gusBadge(1), name: 'Seeded Skill 1', issuerName: 'Example College' },
      { credentialId: gusBadge(0), name: 'Seeded Skill 0', issuerName: 'Example College' },
    ];
    expect(result.body.data!.contactEarner.badges).toEqual(expected);
    const sent = await t.gql<{ myContactRequests: ContactAbout[] }>(MINE_WITH_BADGES, {}, third);
    expect(sent.body.data!.myContactRequests.map((r) => r.badges)).toEqual([expected]);
    const gus = await claimEarner(t, 'gus@example.org');
    const received = await t.gql<{ myContactRequests: ContactAbout[] }>(MINE_WITH_BADGES, {}, gus);
    expect(received.body.data!.myContactRequests).toEqual([expect.objectContaining({ employerName: 'Third Co', badges: expected })]);
    const email = t.outbox().filter((m) => m.kind === 'contact-request' && m.to === 'gus@example.org');
    expect(email).toHaveLength(1);
    expect(email[0]!.text).toContain(
      'They are writing about your badges:\n- Seeded Skill 1 (Example College)\n- Seeded Skill 0 (Example College)',
    );
    // A request without badges reads as before, with an empty list.
    const plain = await t.gql<{ myContactRequests: ContactAbout[] }>(MINE_WITH_BADGES, {}, cal);
    expect(plain.body.data!.myContactRequests.every((r) => Array.isArray(r.badges) && r.badges.length === 0)).toBe(true);
  });

  it("refuses a hidden badge, another earner's badge and an unknown id alike, storing and sending nothing", async () => {
    const contacts = aliasName(t.prefix, 'contacts');
    const before = (await t.client.count({ index: contacts })).count;
    const mailsBefore = t.outbox().length;
    const calsBadge = credentialOf({ earnerId: 'earner-cal', email: 'cal@example.org', name: 'Cal Contactable', badges: 2 }, 0).id;
    const attempts = {
      hidden: await t.gql(CONTACT_ABOUT, { id: 'earner-gus', m: 'About your hidden badge', b: [gusBadge(0), GUS_HIDDEN] }, third),
      otherEarners: await t.gql(CONTACT_ABOUT, { id: 'earner-gus', m: "About Cal's badge", b: [gusBadge(0), calsBadge] }, third),
      unknown: await t.gql(CONTACT_ABOUT, { id: 'earner-gus', m: 'About nothing', b: [gusBadge(0), 'urn:uuid:no-such-badge'] }, third),
    };
    for (const attempt of Object.values(attempts)) {
      expect(attempt.body.errors?.[0]).toMatchObject({
        message: `Invalid argument "badges[1]": is not a badge shown on this earner's profile`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'badges' },
      });
      expect(attempt.raw).not.toContain('Seeded Skill 2');
      expect(attempt.body.data ?? null).toBeNull();
    }
    expect((await t.client.count({ index: contacts })).count).toBe(before);
    expect(t.outbox()).toHaveLength(mailsBefore);
    // Bounded and checked like every list argument.
    const tooMany = await t.gql(CONTACT_ABOUT, { id: 'earner-gus', m: 'Hi', b: Array.from({ length: 11 }, (_, i) => `b${i}`) }, third);
    expect(tooMany.body.errors?.[0]).toMatchObject({
      message: 'Invalid argument "badges": name at most 10 badges',
      extensions: { code: 'BAD_USER_INPUT', argument: 'badges' },
    });
    const blank = await t.gql(CONTACT_ABOUT, { id: 'earner-gus', m: 'Hi', b: [' '] }, third);
    expect(blank.body.errors?.[0]?.message).toBe('Invalid argument "badges[0]": must not be empty');
  });

  describe('message templates', () => {
    const save = (input: Record<string, unknown>, token: string) =>
      t.gql<{ saveMessageTemplate: Template }>(SAVE_TEMPLATE, { input }, token);
    const mine = async (token: string) => (await t.gql<{ messageTemplates: Template[] }>(TEMPLATES, {}, token)).body.data!.messageTemplates;

    it('creates, lists by name, edits and deletes an employer’s own templates', async () => {
      const created = await save(
        { name: '  Welding apprenticeship ', body: ' Hello, we have an opening for a welding apprentice. ' },
        third,
      );
      expect(created.body.errors).toBeUndefined();
      const template = created.body.data!.saveMessageTemplate;
      expect(template).toMatchObject({ name: 'Welding apprenticeship', body: 'Hello, we have an opening for a welding apprentice.' });
      await save({ name: 'CNC operators', body: 'We are hiring CNC operators.' }, third);
      expect((await mine(third)).map((x) => x.name)).toEqual(['CNC operators', 'Welding apprenticeship']);

      const edited = await save({ id: template.id, name: 'Welding apprentices', body: 'Updated text.' }, third);
      expect(edited.body.data!.saveMessageTemplate).toMatchObject({
        id: template.id,
        name: 'Welding apprentices',
        body: 'Updated text.',
        createdAt: template.createdAt,
      });
      const duplicate = await save({ name: 'cnc OPERATORS', body: 'Again' }, third);
      expect(duplicate.body.errors?.[0]).toMatchObject({
        message: 'Invalid argument "name": you already have a template named "CNC operators"; choose another name or edit that one',
        extensions: { code: 'BAD_USER_INPUT', argument: 'name' },
      });
      expect((await t.gql(DELETE_TEMPLATE, { id: template.id }, third)).body.data).toEqual({ deleteMessageTemplate: true });
      expect((await mine(third)).map((x) => x.name)).toEqual(['CNC operators']);
    });

    it('refuses names and bodies out of bounds, naming the field and the limit', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ name: '   ', body: 'Hi' }, 'name', 'give the template a name'],
        [{ name: 'x'.repeat(TEMPLATE_LIMITS.maxNameLength + 1), body: 'Hi' }, 'name', 'must be at most 80 characters'],
        [{ name: 'Empty', body: ' \n ' }, 'body', 'write the message the template fills in'],
        [{ name: 'Long', body: 'x'.repeat(TEMPLATE_LIMITS.maxBodyLength + 1) }, 'body', 'must be at most 2000 characters'],
        [{ id: '', name: 'Blank id', body: 'Hi' }, 'id', 'must not be empty'],
      ];
      for (const [input, argument, problem] of cases) {
        const result = await save(input, third);
        expect(result.body.errors?.[0]).toMatchObject({
          message: `Invalid argument "${argument}": ${problem}`,
          extensions: { code: 'BAD_USER_INPUT', argument },
        });
      }
      // The longest allowed fit exactly.
      const longest = await save(
        { name: 'n'.repeat(TEMPLATE_LIMITS.maxNameLength), body: 'b'.repeat(TEMPLATE_LIMITS.maxBodyLength) },
        third,
      );
      expect(longest.body.errors).toBeUndefined();
      await t.gql(DELETE_TEMPLATE, { id: longest.body.data!.saveMessageTemplate.id }, third);
    });

    it("never shows, changes or deletes another employer's template: its id is not found", async () => {
      const secret = (await save({ name: 'Confidential offer', body: 'Salary band 95k, do not share.' }, employer)).body.data!
        .saveMessageTemplate;
      const unknown = await save({ id: 'no-such-template', name: 'X', body: 'Y' }, otherEmployer);
      expect(unknown.body.errors?.[0]).toMatchObject({
        message: 'Invalid argument "id": No message template of yours has this id.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
      });
      const attempts = [
        await t.gql(TEMPLATES, {}, otherEmployer),
        await save({ id: secret.id, name: 'Hijacked', body: 'Hijacked' }, otherEmployer),
        await t.gql(DELETE_TEMPLATE, { id: secret.id }, otherEmployer),
      ];
      expect(attempts[0]!.body.data).toEqual({ messageTemplates: [] });
      for (const attempt of attempts.slice(1)) expect(attempt.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
      for (const attempt of attempts) expect(attempt.raw).not.toContain('95k');
      // Nothing was created for the rival by the refused edit, and the owner's template is unchanged.
      expect(await mine(otherEmployer)).toEqual([]);
      expect(await mine(employer)).toEqual([secret]);
      // Other roles have no templates at all.
      const agency = await t.login('agency@demo.test', DEMO_PASSWORD);
      expect((await t.gql(TEMPLATES, {}, agency)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(TEMPLATES, {}, cal)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(TEMPLATES, {})).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('counts the per-employer limit in one step: simultaneous creations never pass it', async () => {
      const have = (await mine(third)).length;
      const results = await Promise.all(
        Array.from({ length: TEMPLATE_LIMITS.maxPerEmployer + 10 - have }, (_, i) => save({ name: `Burst ${i}`, body: 'Hello' }, third)),
      );
      const saved = results.filter((r) => !r.body.errors).length;
      for (const r of results.filter((x) => x.body.errors)) expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const stored = await mine(third);
      expect(stored.length).toBe(have + saved);
      expect(stored.length).toBeLessThanOrEqual(TEMPLATE_LIMITS.maxPerEmployer);
      // Filled up one at a time, the next one is refused with the limit named.
      for (let i = stored.length; i < TEMPLATE_LIMITS.maxPerEmployer; i++)
        expect((await save({ name: `Fill ${i}`, body: 'Hello' }, third)).body.errors).toBeUndefined();
      const over = await save({ name: 'One too many', body: 'Hello' }, third);
      expect(over.body.errors?.[0]?.message).toBe('Invalid argument "name": you have 30 templates, the most allowed; delete one first');
    });
  });
});
